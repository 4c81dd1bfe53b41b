// 新建工作批次 / 修改本批次: the form's fields, the standard (built-in or the county's own JSON
// file), the township list and the 党组织名册 (pasted from Excel and read here, or an .xlsx read by
// the server), all checked with the server's rules before sending; an edit carries the revision
// it was read at (409 → the latest is loaded and the county is told).
import { PASTED_SHEET, readRosterText } from '../../../shared/roster/paste';
import { parseJsonText } from '../../../shared/campaign/build';
import { beijingDay } from '../../../shared/consolidate/deadline';
import type { CampaignDetail } from '../../../shared/api/contract';
import { defaultScheme, yichunScheme } from '../../../shared/scheme/default';
import { loadScheme } from '../../../shared/scheme/load';
import type { Scheme } from '../../../shared/scheme/schema';
import { ApiError } from '../api/client';
import { checkForm, deadlineFieldNote, splitTownships, type CampaignFormValues, type FieldKey, type FieldNote, type FormContext } from '../model/campaign-form';
import type { Clock, Delivery, Session } from '../ports';
import { blankForm, type AdminState, type Editing } from '../slices';
import { patchSlice, type AppState, type Store, type Verdict } from '../state';
import { error, info, ok, runAction, warning, type OnAuthLost } from './feedback';
import { fieldsOfRefusal } from './refusal-fields';

export interface AdminDeps {
  delivery: Delivery;
  clock: Clock;
}

/** After a save: open the campaign and say what happened. */
export type OnSaved = (campaignId: string, said: Verdict) => Promise<void>;

export class CampaignAdminController {
  constructor(
    private readonly store: Store<AppState>,
    private readonly deps: AdminDeps,
    private readonly session: Session,
    private readonly onSaved: OnSaved,
    private readonly onAuthLost?: OnAuthLost,
  ) {}

  private patch(p: Partial<AdminState>): void {
    patchSlice(this.store, 'admin', p);
  }

  private show = (v: Verdict | null): void => this.patch({ verdict: v });

  private open(mode: 'create' | 'edit', initial: CampaignFormValues, editing: Editing | null, verdict: Verdict | null = null): void {
    const s = this.store.get().admin;
    this.patch({ mode, initial, formId: s.formId + 1, editing, roster: null, schemeFile: null, fields: {}, issues: null, verdict });
  }

  /** An empty form: this year, the county's name, the default standard. */
  startCreate(): void {
    const me = this.store.get().connection.me;
    const year = beijingDay(this.deps.clock.now()).slice(0, 4);
    this.open('create', { ...blankForm(), year, county: me?.countyName ?? '' }, null);
  }

  private async editingOf(api: NonNullable<Session['api']>, id: string): Promise<{ detail: CampaignDetail; editing: Editing }> {
    const detail = await api.campaignDetail(id);
    const loaded = loadScheme(detail.scheme);
    const data = this.store.get().county.data;
    const reported = data?.campaign.id === id ? data.townships.filter((t) => t.currentVersion !== null).length : 0;
    const scheme = loaded.ok ? loaded.scheme : detail.schemeId === yichunScheme.id ? yichunScheme : defaultScheme;
    return { detail, editing: { id, revision: detail.revision, townships: detail.townships, roster: detail.roster, scheme, reported } };
  }

  /** The open campaign, read afresh (its revision, roster and standard). */
  startEdit(said: Verdict | null = null): Promise<void> {
    return runAction(this.store, 'edit', this.show, async () => {
      const api = this.session.api;
      const id = this.store.get().connection.campaign?.id;
      if (!api || !id) return;
      const { detail, editing } = await this.editingOf(api, id);
      const values: CampaignFormValues = { year: String(detail.year), county: detail.county, deadline: detail.deadline, standard: 'keep', townships: detail.townships.map((t) => t.name).join('\n') };
      this.open('edit', values, editing, said);
    }, this.onAuthLost);
  }

  cancel(): void {
    this.patch({ mode: 'closed', fields: {}, issues: null, verdict: null });
  }

  /** While the deadline is typed: an impossible date or a past one, said beside the field. */
  deadlineTyped(text: string): void {
    const fields = { ...this.store.get().admin.fields };
    const n = deadlineFieldNote(text, this.deps.clock.now());
    if (n) fields.deadline = n;
    else delete fields.deadline;
    this.patch({ fields });
  }

  private setField(key: FieldKey, n: FieldNote | null): void {
    const fields = { ...this.store.get().admin.fields };
    if (n) fields[key] = n;
    else delete fields[key];
    this.patch({ fields });
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
    this.rosterRead({ entries: read.entries.length, townships: read.townships.length, errors: read.issues.filter((i) => i.severity === 'error').length, warnings: read.issues.filter((i) => i.severity === 'warning').length });
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
        this.rosterRead({ entries: r.entries.length, townships: r.townships.length, errors: r.issues.filter((i) => i.severity === 'error').length, warnings: r.issues.filter((i) => i.severity === 'warning').length });
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

  private context(values: CampaignFormValues): FormContext {
    const s = this.store.get().admin;
    return { now: this.deps.clock.now(), roster: s.roster, customScheme: values.standard === 'custom' ? s.schemeFile?.value : undefined, editing: s.editing };
  }

  /** 创建 / 保存: checked here first; the server's refusals land beside their fields too. */
  submit(values: CampaignFormValues): Promise<void> {
    return runAction(this.store, 'save', this.show, async () => {
      const api = this.session.api;
      const { mode, editing } = this.store.get().admin;
      if (!api || mode === 'closed') return;
      const check = checkForm(values, this.context(values));
      if (!check.ok) {
        const n = Object.keys(check.fields).length;
        this.patch({ fields: check.fields, ...(check.issues.length ? { issues: { title: '名册中的问题', issues: check.issues } } : {}) });
        this.show(error(`未${mode === 'edit' ? '保存' : '创建'}：请先改正标出的 ${n} 处问题。`));
        return;
      }
      this.patch({ fields: check.warnings });
      this.show(info(mode === 'edit' ? '正在保存…' : '正在创建…'));
      let saved: CampaignDetail;
      try {
        saved = mode === 'edit' && editing ? await api.updateCampaign(editing.id, { ...check.body, revision: editing.revision }) : await api.createCampaign(check.body);
      } catch (e) {
        if (!(e instanceof ApiError) || e.status === 401) throw e;
        if (e.code === 'CAMPAIGN_REVISION_STALE') {
          this.patch({ mode: 'closed' });
          return this.startEdit(warning(`${e.message.replace(/[；;]?请刷新后重新修改[。\s]*$/, '').replace(/[。\s]+$/, '')}。页面已重新载入最新的批次设置，请核对后再保存。`));
        }
        const fields = fieldsOfRefusal(e);
        this.patch({ fields: { ...check.warnings, ...fields }, ...(e.issues.length && e.code !== 'REQUEST_FIELD_INVALID' ? { issues: { title: '服务器检查结果', issues: e.issues } } : {}) });
        this.show(error(`未${mode === 'edit' ? '保存' : '创建'}：${e.message}`));
        return;
      }
      const past = (saved.warnings ?? []).find((w) => w.code === 'DEADLINE_PAST');
      const what = mode === 'edit'
        ? `已保存批次设置（第 ${saved.revision} 版）。`
        : `已创建工作批次：${saved.county} ${saved.year} 年度，${saved.townships.length} 个乡镇（街道），截止 ${saved.deadline}。下一步：在“上报链接”中发放各乡镇（街道）的链接。`;
      this.patch({ mode: 'closed', fields: {}, issues: null, verdict: null, roster: null });
      await this.onSaved(saved.id, past ? warning(`${what}提醒：${past.message}。`) : ok(what));
    }, this.onAuthLost);
  }
}
