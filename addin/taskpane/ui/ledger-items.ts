// The 整改台账's items: a table on the county's desktop page, cards in the task pane and for a
// township. Each item shows its organization, 整改事项, 责任人, 完成时限, status and whether it is
// overdue, the steps the signed-in role may take, the open step's form and, on demand, its history.
import { historyLines, stepsFor, STEP_LABEL, type FormStep, type Item, type StepInput } from '../model/ledger';
import type { LedgerState } from '../slices';
import { h } from './dom';
import { formatTime } from './labels';
import { ledgerForm } from './ledger-form';

export interface LedgerHandlers {
  start(itemId: string | null, step?: FormStep): void;
  submit(itemId: string, input: StepInput): void;
  confirm(itemId: string): void;
  history(itemId: string): void;
}

export interface LedgerContext {
  role: 'county' | 'township';
  state: LedgerState;
  handlers: LedgerHandlers;
}

const BADGE: Readonly<Record<Item['status'], string>> = { open: 'submitted', requested: 'returned', closed: 'accepted', reopened: 'late', void: 'missing' };

function statusBadges(i: Item): HTMLElement {
  return h('span', {},
    h('span', { className: `badge ${BADGE[i.status]}`, 'data-status': i.status }, i.statusLabel),
    i.overdueDays > 0 ? h('span', { className: 'badge late overdue' }, `逾期 ${i.overdueDays} 天`) : null,
  );
}

const deadlineOf = (i: Item) => i.deadlineText || i.deadline || '—';

function actions(i: Item, ctx: LedgerContext): HTMLElement {
  const pending = ctx.state.pending.includes(i.id);
  const open = ctx.state.form?.itemId === i.id ? ctx.state.form.step : null;
  const btn = (label: string, run: () => void, primary = false, expanded?: boolean) =>
    h('button', { type: 'button', className: primary ? 'primary' : undefined, 'aria-label': `${label}：${i.orgName}`, 'aria-expanded': expanded === undefined ? undefined : String(expanded), disabled: pending, onclick: run }, label);
  const form = (step: FormStep, primary = false) => btn(STEP_LABEL[step], () => ctx.handlers.start(open === step ? null : i.id, step), primary, open === step);
  const box = h('div', { className: 'row actions' });
  for (const s of stepsFor(i, ctx.role)) box.append(s === 'confirm' ? btn(STEP_LABEL.confirm, () => ctx.handlers.confirm(i.id), true) : form(s, s === 'request'));
  const shown = ctx.state.history.includes(i.id);
  box.append(h('button', { type: 'button', 'aria-label': `${shown ? '收起记录' : '处理记录'}：${i.orgName}`, 'aria-expanded': String(shown), onclick: () => ctx.handlers.history(i.id) }, shown ? '收起记录' : '处理记录'));
  return box;
}

/** The open form and the history, under the item. */
function extras(i: Item, ctx: LedgerContext): HTMLElement[] {
  const out: HTMLElement[] = [];
  const f = ctx.state.form;
  if (f?.itemId === i.id) out.push(ledgerForm(i, f, ctx.state.pending.includes(i.id), { submit: ctx.handlers.submit, cancel: () => ctx.handlers.start(null) }));
  if (ctx.state.history.includes(i.id)) {
    out.push(h('ol', { className: 'plain ledger-history', id: `lh-${i.id}`, 'aria-label': `处理记录：${i.orgName}` },
      ...historyLines(i, formatTime).map((l) => h('li', {}, h('span', { className: 'hint' }, l.at), ' ', l.text))));
  }
  return out;
}

export function ledgerCards(items: readonly Item[], ctx: LedgerContext): HTMLElement {
  return h('ul', { className: 'plain', id: 'ledger-items' }, ...items.map((i) => h('li', { className: 'tw ledger-item', 'data-item': i.id, 'data-org': i.orgName },
    h('div', {}, h('span', { className: 'name' }, i.orgName), statusBadges(i)),
    h('dl', { className: 'receipt ledger-fields' },
      ...(ctx.role === 'county' ? [h('dt', {}, '乡镇（街道）'), h('dd', {}, i.townshipName)] : []),
      h('dt', {}, '定级等次'), h('dd', {}, i.gradeLabel),
      h('dt', {}, '整改事项'), h('dd', {}, i.matter || '（未填写）'),
      h('dt', {}, '责任人'), h('dd', {}, i.owner || '—'),
      h('dt', {}, '完成时限'), h('dd', {}, deadlineOf(i)),
      ...(i.progress || i.completedOn ? [h('dt', {}, '完成情况'), h('dd', {}, `${i.progress}${i.completedOn ? `（${i.completedOn}）` : ''}`)] : []),
    ),
    actions(i, ctx),
    ...extras(i, ctx),
  )));
}

const COLUMNS = ['乡镇（街道）', '党组织', '等次', '整改事项', '责任人', '完成时限', '状态', '完成情况', '操作'];

export function ledgerTable(items: readonly Item[], ctx: LedgerContext): HTMLElement {
  const rows = items.flatMap((i) => {
    const more = extras(i, ctx);
    return [
      h('tr', { 'data-item': i.id, 'data-org': i.orgName },
        h('td', {}, i.townshipName),
        h('th', { scope: 'row' }, i.orgName),
        h('td', {}, i.gradeLabel),
        h('td', { className: 'wrap' }, i.matter || '（未填写）'),
        h('td', {}, i.owner || '—'),
        h('td', {}, deadlineOf(i)),
        h('td', {}, statusBadges(i)),
        h('td', { className: 'wrap' }, `${i.progress}${i.completedOn ? `（${i.completedOn}）` : ''}`),
        h('td', {}, actions(i, ctx)),
      ),
      ...(more.length ? [h('tr', { className: 'return-row' }, h('td', { colspan: COLUMNS.length }, ...more))] : []),
    ];
  });
  return h('div', { className: 'table-wrap' },
    h('table', { className: 'county rows', id: 'ledger-table' },
      h('thead', {}, h('tr', {}, ...COLUMNS.map((c) => h('th', { scope: 'col' }, c)))),
      h('tbody', {}, ...rows),
    ));
}
