// 新建工作批次 / 修改本批次: the kind (分类定级 / 回头看) and the campaign it links to (read and
// filled in), the form's fields, the standard and the 党组织名册 (read by FormFiles), all checked
// with the server's rules before sending; an edit carries the revision it was read at (409 → the
// latest is loaded and the county is told).
import { beijingDay } from '../../../shared/consolidate/deadline';
import type { CampaignDetail } from '../../../shared/api/contract';
import { defaultScheme, yichunScheme } from '../../../shared/scheme/default';
import { loadScheme } from '../../../shared/scheme/load';
import { ApiError } from '../api/client';
import { campaignLabel, checkForm, deadlineFieldNote, type CampaignFormValues, type FieldKey, type FieldNote, type FormContext } from '../model/campaign-form';
import { linkedOf, linkFill } from '../model/campaign-links';
import { rebaseEdit, rebaseText } from '../model/edit-rebase';
import { chooseTwice, toggleMerge, toggleRename, type ReconcileChoices } from '../model/reconcile';
import type { Clock, Delivery, Session } from '../ports';
import { blankForm, type AdminState, type Editing } from '../slices';
import { patchSlice, type AppState, type Store, type Verdict } from '../state';
import { error, info, ok, runAction, warning, type OnAuthLost } from './feedback';
import { FormFiles, setFormField } from './form-files';
import { reconcileStep } from './reconcile-step';
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
  ) {
    this.files = new FormFiles(store, deps, session, onAuthLost);
  }

  private readonly files: FormFiles;

  private patch(p: Partial<AdminState>): void {
    patchSlice(this.store, 'admin', p);
  }

  private show = (v: Verdict | null): void => this.patch({ verdict: v });

  private open(mode: 'create' | 'edit', initial: CampaignFormValues, editing: Editing | null, verdict: Verdict | null = null): void {
    const s = this.store.get().admin;
    this.patch({ mode, initial, formId: s.formId + 1, editing, roster: null, schemeFile: null, fields: {}, issues: null, reconcile: null, linked: null, fill: null, verdict });
  }

  /** An empty form: this year, the county's name, the default standard. */
  startCreate(): void {
    const me = this.store.get().connection.me;
    const year = beijingDay(this.deps.clock.now()).slice(0, 4);
    this.open('create', { ...blankForm(), year, county: me?.countyName ?? '' }, null);
  }

  private async editingOf(api: NonNullable<Session['api']>, id: string): Promise<{ detail: CampaignDetail; editing: Editing }> {
    const detail = await api.campaignDetail(id);
    this.showLatest(detail);
    const loaded = loadScheme(detail.scheme);
    const data = this.store.get().county.data;
    const reported = data?.campaign.id === id ? data.townships.filter((t) => t.currentVersion !== null).length : 0;
    const scheme = loaded.ok ? loaded.scheme : detail.schemeId === yichunScheme.id ? yichunScheme : defaultScheme;
    return { detail, editing: { id, revision: detail.revision, townships: detail.townships, roster: detail.roster, scheme, reported, kind: detail.kind ?? 'grading' } };
  }

  /**
   * The campaign as just read, in the page's heading and the campaign list too: after another
   * tab's save (409) the form showed its deadline while “当前：… 截止” and the link warnings kept the old one.
   */
  private showLatest(d: CampaignDetail): void {
    const { year, county, deadline, townships, schemeId, schemeFingerprint } = d;
    this.store.set((s) => ({
      connection: s.connection.campaign?.id === d.id ? { ...s.connection, campaign: { ...s.connection.campaign, year, county, deadline, townships, schemeId, schemeFingerprint } } : s.connection,
      campaigns: { ...s.campaigns, list: s.campaigns.list?.map((c) => (c.id === d.id ? { ...c, year, county, deadline, schemeId, townships: townships.length, revision: d.revision, updatedAt: d.updatedAt } : c)) ?? null },
    }));
  }

  /** The open campaign, read afresh (its revision, roster and standard). */
  /** `mine`: a save refused as stale, whose own changes are carried onto the latest (model/edit-rebase.ts). */
  startEdit(said: Verdict | null = null, mine?: { base: CampaignFormValues; values: CampaignFormValues; stale: string }): Promise<void> {
    return runAction(this.store, 'edit', this.show, async () => {
      const api = this.session.api;
      const id = this.store.get().connection.campaign?.id;
      if (!api || !id) return;
      const { detail, editing } = await this.editingOf(api, id);
      const values: CampaignFormValues = { year: String(detail.year), county: detail.county, deadline: detail.deadline, standard: 'keep', townships: detail.townships.map((t) => t.name).join('\n'), kind: editing.kind, reviewsId: detail.reviewsId ?? '' };
      if (!mine) return this.open('edit', values, editing, said);
      const r = rebaseEdit(mine.base, mine.values, values);
      this.open('edit', r.values, editing, warning(rebaseText(mine.stale, r)));
    }, this.onAuthLost);
  }

  /** 分类定级 / 回头看 chosen: what was linked or read for the other kind no longer applies. */
  chooseKind(kind: NonNullable<CampaignFormValues['kind']>): void {
    const { linked, fields } = this.store.get().admin;
    const { reviews: _r, roster: _o, standard: _s, ...kept } = fields;
    const keepLinked = linked && (linked.role === 'reviews') === (kind === 'lookback');
    this.patch({ fields: kept, reconcile: null, linked: keepLinked ? linked : null, ...(kind === 'lookback' ? { roster: null, issues: null } : {}), verdict: null });
  }

  /** The latest link asked for: an answer to an earlier choice is dropped. */
  private linking = '';

  /**
   * 上一年度工作批次 or 被复查的批次 chosen: the campaign is read and fills the form (the township
   * list; a 回头看's year too), which the county may still edit.
   */
  chooseLinked(role: 'previous' | 'reviews', id: string, typedYear = ''): Promise<void> {
    this.linking = `${role}:${id}`;
    const asked = this.linking;
    if (role === 'reviews') this.setField('reviews', null);
    if (!id) {
      this.patch({ linked: null, reconcile: null, verdict: null });
      return Promise.resolve();
    }
    return runAction(this.store, 'linked', this.show, async () => {
      const api = this.session.api;
      if (!api) return;
      const detail = await api.campaignDetail(id);
      if (this.linking !== asked || this.store.get().admin.mode !== 'create') return;
      const fill = linkFill(detail, role, typedYear);
      const n = (this.store.get().admin.fill?.n ?? 0) + 1;
      this.patch({ linked: linkedOf(detail, role), fill: { n, values: fill.values }, reconcile: null });
      this.setField('townships', null);
      this.show(info(fill.said));
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
    setFormField(this.store, key, n);
  }

  // The standard file and the 名册 are read by FormFiles (form-files.ts); the form's buttons call these.
  pickSchemeFile(fileName: string, text: string): void {
    this.files.pickSchemeFile(fileName, text);
  }
  readPasted(text: string, values: CampaignFormValues): void {
    this.files.readPasted(text, values);
  }
  uploadRoster(fileName: string, bytes: Uint8Array, values: CampaignFormValues): Promise<void> {
    return this.files.uploadRoster(fileName, bytes, values);
  }
  clearRoster(): void {
    this.files.clearRoster();
  }
  rosterTemplate(): Promise<void> {
    return this.files.rosterTemplate();
  }

  private context(values: CampaignFormValues): FormContext {
    const s = this.store.get().admin;
    const reviewed = s.linked?.role === 'reviews' ? s.linked : null;
    return { now: this.deps.clock.now(), roster: s.roster, customScheme: values.standard === 'custom' ? s.schemeFile?.value : undefined, editing: s.editing, reviewed };
  }

  /** The county's choices on the roster proposal: a rename or merge ticked or not, a twice-listed name given. */
  private choose(f: (c: ReconcileChoices) => ReconcileChoices): void {
    const r = this.store.get().admin.reconcile;
    if (r) this.patch({ reconcile: { ...r, choices: f(r.choices) } });
  }
  toggleRename(key: string): void {
    this.choose((c) => toggleRename(c, key));
  }
  toggleMerge(ref: string): void {
    this.choose((c) => toggleMerge(c, ref));
  }
  chooseTwice(name: string, townshipId: string): void {
    this.choose((c) => chooseTwice(c, name, townshipId));
  }

  /** 创建 / 保存: checked here first; the server's refusals land beside their fields too. */
  submit(values: CampaignFormValues): Promise<void> {
    return runAction(this.store, 'save', this.show, async () => {
      const api = this.session.api;
      const { mode, editing, linked } = this.store.get().admin;
      if (!api || mode === 'closed') return;
      const check = checkForm(values, this.context(values));
      if (!check.ok) {
        const n = Object.keys(check.fields).length;
        this.patch({ fields: check.fields, ...(check.issues.length ? { issues: { title: '名册中的问题', issues: check.issues } } : {}) });
        this.show(error(`未${mode === 'edit' ? '保存' : '创建'}：请先改正标出的 ${n} 处问题。`));
        return;
      }
      this.patch({ fields: check.warnings });
      let body = check.body;
      if (mode === 'create' && body.previousId) {
        // Last year's organizations carry over: what changed is confirmed by the county first.
        const step = await reconcileStep(api, body, this.store.get().admin.reconcile);
        if (step.kind === 'ask') {
          this.patch({ reconcile: step.reconcile });
          this.show(info(step.said));
          return;
        }
        body = { ...body, decisions: step.decisions };
      }
      this.show(info(mode === 'edit' ? '正在保存…' : '正在创建…'));
      let saved: CampaignDetail;
      try {
        saved = mode === 'edit' && editing ? await api.updateCampaign(editing.id, { ...body, revision: editing.revision }) : await api.createCampaign(body);
      } catch (e) {
        if (!(e instanceof ApiError) || e.status === 401) throw e;
        if (e.code === 'CAMPAIGN_REVISION_STALE') {
          const base = this.store.get().admin.initial;
          this.patch({ mode: 'closed' });
          const stale = e.message.replace(/[；;]?请刷新后重新修改[。\s]*$/, '').replace(/[。\s]+$/, '');
          return this.startEdit(null, { base, values, stale });
        }
        const fields = fieldsOfRefusal(e);
        this.patch({ fields: { ...check.warnings, ...fields }, ...(e.issues.length && e.code !== 'REQUEST_FIELD_INVALID' ? { issues: { title: '服务器检查结果', issues: e.issues } } : {}) });
        this.show(error(`未${mode === 'edit' ? '保存' : '创建'}：${e.message}`));
        return;
      }
      const past = (saved.warnings ?? []).find((w) => w.code === 'DEADLINE_PAST');
      const reviewed = saved.kind === 'lookback' && linked?.role === 'reviews' ? `（复查 ${campaignLabel(linked)}）` : '';
      const what = mode === 'edit'
        ? `已保存批次设置（第 ${saved.revision} 版）。`
        : `已创建${saved.kind === 'lookback' ? '回头看批次' : '工作批次'}：${saved.county} ${saved.year} 年度${reviewed}，${saved.townships.length} 个乡镇（街道），截止 ${saved.deadline}。下一步：在“上报链接”中发放各乡镇（街道）的链接。`;
      this.patch({ mode: 'closed', fields: {}, issues: null, verdict: null, roster: null, reconcile: null, linked: null, fill: null });
      await this.onSaved(saved.id, past ? warning(`${what}提醒：${past.message}。`) : ok(what));
    }, this.onAuthLost);
  }
}
