// 新建工作批次 / 修改工作批次: the form is filled from state when a form opens (formId), then the
// inputs hold what the county types; messages sit under their fields, the verdict under the
// buttons. Files (the standard, the 名册) are read here and handed to the controller as bytes.
import { issueTotals } from '../../../shared/issues/cap';
import type { Issue } from '../../../shared/issues/types';
import type { CampaignAdminController } from '../controllers/campaign-admin';
import type { CampaignFormValues, FieldKey } from '../model/campaign-form';
import type { AppState, Store } from '../state';
import { campaignForm } from '../ui/campaign-form';
import { byId, h } from '../ui/dom';
import { renderIssues } from '../ui/issue-list';
import { reconcileForm } from '../ui/reconcile-form';
import { renderVerdict } from '../ui/status-line';

const STANDARDS = ['keep', 'default6', 'yichun5', 'custom'] as const;

function rosterSummaryText(issues: readonly Issue[]): string {
  // Totals, those a long list leaves out included (shared/issues/cap.ts).
  const t = issueTotals(issues);
  const errors = t.error;
  const others = t.warning + t.info;
  if (errors) return `名册中有 ${errors} 处错误${others ? `、${others} 条提醒` : ''}：请在 Excel 中改正后重新导入（或重新粘贴）。`;
  return `名册可以使用；有 ${others} 条提醒，请核实。`;
}

function busyButton(b: HTMLButtonElement, busy: boolean | undefined): void {
  b.disabled = !!busy;
  if (busy) b.setAttribute('aria-busy', 'true');
  else b.removeAttribute('aria-busy');
}

export function adminView(store: Store<AppState>, ctl: CampaignAdminController): void {
  const section = byId('admin-section');
  const e = campaignForm();
  section.replaceChildren(e.title, e.lock, e.form);
  section.setAttribute('aria-labelledby', 'admin-h');

  // An edit keeps its kind (the server refuses a change); a new campaign has the radio's.
  const kindNow = (): 'grading' | 'lookback' => {
    const a = store.get().admin;
    if (a.mode === 'edit') return a.editing?.kind ?? 'grading';
    return e.kinds.lookback.checked ? 'lookback' : 'grading';
  };
  const values = (): CampaignFormValues => ({
    year: e.year.value,
    county: e.county.value,
    deadline: e.deadline.value,
    standard: STANDARDS.find((k) => e.standards[k].checked) ?? 'default6',
    townships: e.townships.value,
    previousId: e.previous.value,
    kind: kindNow(),
    reviewsId: e.reviews.value,
  });

  e.form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    void ctl.submit(values());
  });
  e.cancel.addEventListener('click', () => ctl.cancel());
  for (const k of ['grading', 'lookback'] as const) e.kinds[k].addEventListener('change', () => ctl.chooseKind(k));
  e.previous.addEventListener('change', () => void ctl.chooseLinked('previous', e.previous.value, e.year.value));
  e.reviews.addEventListener('change', () => void ctl.chooseLinked('reviews', e.reviews.value));
  e.deadline.addEventListener('change', () => ctl.deadlineTyped(e.deadline.value));
  e.schemeFile.addEventListener('change', () => {
    const f = e.schemeFile.files?.[0];
    if (!f) return;
    e.standards.custom.checked = true;
    e.schemeName.textContent = f.name;
    void f.text().then((t) => ctl.pickSchemeFile(f.name, t));
  });
  e.rosterTemplate.addEventListener('click', () => void ctl.rosterTemplate());
  e.rosterFile.addEventListener('change', () => {
    const f = e.rosterFile.files?.[0];
    if (!f) return;
    void f.arrayBuffer().then((b) => ctl.uploadRoster(f.name, new Uint8Array(b), values()));
    // The same file can be picked again after it is fixed.
    e.rosterFile.value = '';
  });
  e.readPaste.addEventListener('click', () => ctl.readPasted(e.paste.value, values()));
  e.clearRoster.addEventListener('click', () => ctl.clearRoster());

  const render = (s: AppState, prev: AppState | null) => {
    const a = s.admin;
    if (prev && a === prev.admin && s.busy === prev.busy && s.campaigns.list === prev.campaigns.list) return;
    section.hidden = a.mode === 'closed' || s.connection.me?.role !== 'county';
    if (a.mode === 'closed') return;
    const editing = a.mode === 'edit';
    if (!prev || a.formId !== prev.admin.formId) {
      const v = a.initial;
      e.year.value = v.year;
      e.county.value = v.county;
      e.deadline.value = v.deadline;
      e.townships.value = v.townships;
      e.paste.value = '';
      e.schemeFile.value = '';
      e.schemeName.textContent = '未选择文件';
      for (const k of STANDARDS) e.standards[k].checked = k === v.standard;
      // Last year's gradings of the county, newest first; none is the first year.
      const gradings = (s.campaigns.list ?? []).filter((c) => c.kind !== 'lookback');
      const option = (c: (typeof gradings)[number]) => h('option', { value: c.id }, `${c.year} 年度 ${c.county}（截止 ${c.deadline}）`);
      e.previous.replaceChildren(h('option', { value: '' }, '无（首次定级）'), ...gradings.map(option));
      e.previous.value = v.previousId ?? '';
      e.reviews.replaceChildren(h('option', { value: '' }, gradings.length ? '请选择…' : '（本县还没有分类定级批次）'), ...gradings.map(option));
      e.reviews.value = v.reviewsId ?? '';
      e.kinds.grading.checked = v.kind !== 'lookback';
      e.kinds.lookback.checked = v.kind === 'lookback';
      if (a.mode === 'create') section.scrollIntoView({ block: 'start' });
      e.year.focus();
    }
    if (a.fill && a.fill !== prev?.admin.fill) {
      // A chosen link filled these; the county may edit them again.
      const f = a.fill.values;
      if (f.year !== undefined) e.year.value = f.year;
      if (f.county !== undefined) e.county.value = f.county;
      if (f.townships !== undefined) e.townships.value = f.townships;
      if (f.standard) for (const k of STANDARDS) e.standards[k].checked = k === f.standard;
    }
    const lookback = kindNow() === 'lookback';
    e.title.textContent = editing ? (lookback ? '修改回头看批次' : '修改工作批次') : '新建工作批次';
    e.submit.textContent = editing ? '保存修改' : lookback ? '创建回头看批次' : '创建工作批次';
    // A county's first campaign has nothing to follow or review: the form starts at its year.
    const firstOfCounty = !(s.campaigns.list ?? []).some((c) => c.kind !== 'lookback');
    e.kindRow.hidden = editing || firstOfCounty;
    e.reviewsRow.hidden = editing || !lookback;
    e.standardBox.hidden = lookback;
    e.rosterBox.hidden = lookback;
    // A 回头看 regrades the reviewed year: its year is that campaign's.
    e.year.readOnly = lookback;
    e.townshipsHint.textContent = lookback
      ? '回头看只能在被复查批次的乡镇（街道）中进行：每行一个，不参加的可删去。'
      : '每行一个。留空时按名册中出现的乡镇（街道）生成。';
    e.previous.disabled = e.reviews.disabled = !!s.busy.linked;
    e.keepRow.hidden = !editing;
    e.previousRow.hidden = editing || lookback || firstOfCounty;
    if (!prev || a.reconcile !== prev.admin.reconcile) {
      e.reconcile.replaceChildren(...(a.reconcile ? [reconcileForm(a.reconcile.proposal, a.reconcile.choices, { toggleRename: (k) => ctl.toggleRename(k), toggleMerge: (r) => ctl.toggleMerge(r), chooseTwice: (n, t) => ctl.chooseTwice(n, t) })] : []));
    }
    e.keepLabel.textContent = editing && a.editing ? `保持本批次现有的标准（${a.editing.scheme.name}）` : '保持本批次现有的标准';
    const reported = a.editing?.reported ?? 0;
    e.lock.hidden = !(editing && reported);
    e.lock.textContent = reported ? `已有 ${reported} 个乡镇（街道）上报：评定标准不能再更换，已上报的乡镇（街道）不能从名单中删除。` : '';

    for (const [key, el] of Object.entries(e.notes) as Array<[FieldKey, HTMLElement]>) {
      const n = a.fields[key];
      el.className = n ? `field-note ${n.tone}` : 'field-note';
      el.textContent = n?.text ?? '';
    }
    const r = a.roster;
    const existing = a.editing ? Object.values(a.editing.roster).reduce((n, l) => n + l.length, 0) : 0;
    e.rosterSummary.textContent = r
      ? `已读取${r.source === 'file' ? `“${r.label}”` : '粘贴的名册'}：${r.entries.length} 个党组织、${r.townships.length} 个乡镇（街道）`
      : !editing && a.linked?.role === 'previous'
        ? (a.linked.rosterCount ? `不导入名册时，沿用上一年度（${a.linked.year} 年度）的名册：${a.linked.rosterCount} 个党组织` : '上一年度批次没有名册（可在此导入今年的名册）')
      : editing ? (existing ? `沿用本批次现有的名册：${existing} 个党组织` : '本批次没有名册（乡镇（街道）自行填写党组织）；可在此导入') : '尚未导入名册（可以不导入，乡镇（街道）自行填写党组织）';
    e.clearRoster.hidden = !r;
    if (!prev || a.issues !== prev.admin.issues) {
      if (a.issues) renderIssues(e.rosterIssues, a.issues.issues, { title: a.issues.title, summaryId: 'cf-issue-summary', summaryText: rosterSummaryText(a.issues.issues) });
      else e.rosterIssues.replaceChildren();
    }
    busyButton(e.submit, s.busy.save);
    busyButton(e.rosterTemplate, s.busy.rosterTemplate);
    busyButton(e.readPaste, false);
    e.rosterPick.classList.toggle('disabled', !!s.busy.roster);
    e.rosterFile.disabled = !!s.busy.roster;
    renderVerdict(e.verdict, a.verdict);
  };
  render(store.get(), null);
  store.subscribe(render);
}
