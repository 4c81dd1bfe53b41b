// The campaign form's inputs read from files or pasted text: the county's own standard (a JSON
// file, checked at once with the server's messages) and the 党组织名册 (pasted from Excel and read
// here, or an .xlsx read by the server through the one workbook reader), each said beside its field.
import { issueTotals } from '../../../shared/issues/cap';
import { PASTED_SHEET, readRosterText } from '../../../shared/roster/paste';
import { parseJsonText } from '../../../shared/campaign/build';
import { defaultScheme, yichunScheme } from '../../../shared/scheme/default';
import { loadScheme } from '../../../shared/scheme/load';
import type { Scheme } from '../../../shared/scheme/schema';
import { ApiError } from '../api/client';
import { splitTownships, type CampaignFormValues, type FieldKey, type FieldNote } from '../model/campaign-form';
import type { Delivery, Session } from '../ports';
import type { AdminState } from '../slices';
import { patchSlice, type AppState, type Store, type Verdict } from '../state';
import { info, ok, runAction, type OnAuthLost } from './feedback';

/** A message beside one field of the form, or none. */
export function setFormField(store: Store<AppState>, key: FieldKey, n: FieldNote | null): void {
  const fields = { ...store.get().admin.fields };
  if (n) fields[key] = n;
  else delete fields[key];
  patchSlice(store, 'admin', { fields });
}

export class FormFiles {
  constructor(
    private readonly store: Store<AppState>,
    private readonly deps: { delivery: Delivery },
    private readonly session: Session,
    private readonly onAuthLost?: OnAuthLost,
  ) {}

  private patch(p: Partial<AdminState>): void {
    patchSlice(this.store, 'admin', p);
  }

  private show = (v: Verdict | null): void => this.patch({ verdict: v });

  private setField(key: FieldKey, n: FieldNote | null): void {
    setFormField(this.store, key, n);
  }

  /** The county's own standard from its JSON file, checked at once with the server's messages. */
  pickSchemeFile(fileName: string, text: string): void {
    const parsed = parseJsonText(text);
    const loaded = parsed.ok ? loadScheme(parsed.value) : null;
    const problem = !parsed.ok ? parsed.message : loaded && !loaded.ok ? loaded.message : null;
    this.patch({ schemeFile: { fileName, value: problem ? undefined : parsed.ok ? parsed.value : undefined } });
    this.setField('standard', problem ? { tone: 'error', text: `${fileName}：${problem}` } : null);
  }

  /** The standard a 名册 is checked against while the form is open. */
  private schemeFor(standard: CampaignFormValues['standard']): Scheme {
    const { editing, schemeFile } = this.store.get().admin;
    if (standard === 'yichun5') return yichunScheme;
    if (standard === 'keep' && editing) return editing.scheme;
    if (standard === 'custom' && schemeFile?.value !== undefined) {
      const r = loadScheme(schemeFile.value);
      if (r.ok) return r.scheme;
    }
    return defaultScheme;
  }

  private rosterRead(verdictOf: { entries: number; townships: number; errors: number; warnings: number }): void {
    const { entries, townships, errors, warnings } = verdictOf;
    if (errors) this.setField('roster', { tone: 'error', text: `名册中有 ${errors} 处错误，请改正后重新读取。` });
    else this.setField('roster', warnings ? { tone: 'warning', text: `已读取 ${entries} 个党组织、${townships} 个乡镇（街道）；有 ${warnings} 条提醒，请核实。` } : null);
    if (!errors && !warnings) this.show(ok(`已读取名册：${entries} 个党组织、${townships} 个乡镇（街道）。`));
  }

  /** Text pasted from Excel (tab-separated), read here with the same rules as an uploaded 名册. */
  readPasted(text: string, values: CampaignFormValues): void {
    if (!text.trim()) {
      this.setField('roster', { tone: 'error', text: '请先把名册从 Excel 中复制并粘贴到框中（含表头或不含表头均可）。' });
      return;
    }
    const typed = splitTownships(values.townships);
    const read = readRosterText(text, this.schemeFor(values.standard), typed.length ? { townships: typed } : {});
    this.patch({ roster: { source: 'paste', label: PASTED_SHEET, ...read }, issues: read.issues.length ? { title: '名册检查结果', issues: read.issues } : null, verdict: null });
    this.rosterRead({ entries: read.entries.length, townships: read.townships.length, errors: issueTotals(read.issues).error, warnings: issueTotals(read.issues).warning });
  }

  /** An .xlsx 党组织名册, read by the server through the one workbook reader. */
  uploadRoster(fileName: string, bytes: Uint8Array, values: CampaignFormValues): Promise<void> {
    return runAction(this.store, 'roster', this.show, async () => {
      const api = this.session.api;
      if (!api) return;
      this.show(info(`正在读取 ${fileName}…`));
      const scheme = this.schemeFor(values.standard);
      const schemeId = scheme.id === yichunScheme.id ? 'yichun5' : 'default6';
      try {
        const r = await api.rosterParse(bytes, { schemeId });
        this.patch({ roster: { source: 'file', label: fileName, entries: r.entries, townships: r.townships, issues: r.issues }, issues: r.issues.length ? { title: `名册检查结果（${fileName}）`, issues: r.issues } : null });
        this.show(null);
        this.rosterRead({ entries: r.entries.length, townships: r.townships.length, errors: issueTotals(r.issues).error, warnings: issueTotals(r.issues).warning });
      } catch (e) {
        if (!(e instanceof ApiError) || e.status !== 422) throw e;
        this.patch({ roster: null, issues: { title: `名册检查结果（${fileName}）`, issues: e.issues } });
        this.show(null);
        this.setField('roster', { tone: 'error', text: e.message });
      }
    }, this.onAuthLost);
  }

  clearRoster(): void {
    this.patch({ roster: null, issues: null });
    this.setField('roster', null);
  }

  /** The blank 党组织名册 to fill in Excel. */
  rosterTemplate(): Promise<void> {
    return runAction(this.store, 'rosterTemplate', this.show, async () => {
      const api = this.session.api;
      if (!api) return;
      const file = await api.rosterTemplate();
      const name = file.fileName ?? '党组织名册（模板）.xlsx';
      const how = await this.deps.delivery.deliver(file.bytes, name);
      this.show(ok(how === 'opened' ? '名册模板已在新的 Excel 窗口中打开，填好后保存为 .xlsx 再导入。' : `名册模板已下载：${name}。填好后在此导入。`));
    }, this.onAuthLost);
  }
}
