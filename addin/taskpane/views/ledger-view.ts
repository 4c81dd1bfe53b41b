// 整改台账: fills #ledger-section for a township (its own items, 申请销号) and for the county (every
// township's items, filters, 销号 / 退回 / 复号). Redrawn from the ledger slice; a comment or
// 完成情况 being typed survives the redraw.
import type { LedgerController } from '../controllers/ledger';
import { countsText, FILTER_STATUSES, filterItems, statusLabel, townshipsOf, type LedgerFilter } from '../model/ledger';
import type { AppState, Store } from '../state';
import { byId, h } from '../ui/dom';
import { ledgerCards, ledgerTable, type LedgerContext } from '../ui/ledger-items';
import { redrawKeeping } from '../ui/preserve';
import { renderVerdict } from '../ui/status-line';

function filterBar(s: AppState, ctl: LedgerController): HTMLElement {
  const f = s.ledger.filter;
  const select = h('select', { id: 'ledger-township', 'aria-label': '按乡镇（街道）筛选', onchange: (e: Event) => ctl.filter({ township: (e.target as HTMLSelectElement).value }) },
    h('option', { value: '' }, '全部乡镇（街道）'),
    ...townshipsOf(s.ledger.list).map((t) => h('option', { value: t.id, selected: t.id === f.township }, t.name)));
  const pill = (label: string, pressed: boolean, patch: Partial<LedgerFilter>, id: string) =>
    h('button', { type: 'button', id, 'aria-pressed': String(pressed), onclick: () => ctl.filter(patch) }, label);
  return h('div', { className: 'filters', id: 'ledger-filters', role: 'group', 'aria-label': '筛选整改事项' },
    select,
    pill('全部状态', f.status === 'all', { status: 'all' }, 'ledger-status-all'),
    ...FILTER_STATUSES.map((st) => pill(statusLabel(st), f.status === st, { status: st }, `ledger-status-${st}`)),
    pill('只看逾期', f.overdue, { overdue: !f.overdue }, 'ledger-overdue'),
  );
}

export function ledgerView(store: Store<AppState>, ctl: LedgerController): void {
  const section = byId('ledger-section');
  const hint = h('p', { className: 'hint', id: 'ledger-hint' });
  const refresh = h('button', { type: 'button', id: 'refresh-ledger', 'aria-label': '刷新整改台账', onclick: () => void ctl.refresh() }, '刷新');
  const verdict = h('p', { id: 'ledger-status', className: 'status-line', role: 'status', 'aria-live': 'polite' });
  const counts = h('p', { id: 'ledger-counts', className: 'summary' });
  const content = h('div', { id: 'ledger-content' });
  section.setAttribute('aria-labelledby', 'ledger-h');
  section.replaceChildren(h('div', { className: 'row head' }, h('h2', { id: 'ledger-h' }, '整改台账'), refresh), hint, verdict, counts, content);

  const render = (s: AppState, prev: AppState | null) => {
    const l = s.ledger;
    if (prev && l === prev.ledger && s.busy === prev.busy && s.layout === prev.layout && s.connection === prev.connection) return;
    const role = s.connection.me?.role;
    section.hidden = !role || !s.connection.campaign || (!l.list && !l.verdict);
    refresh.disabled = !!s.busy.ledger;
    renderVerdict(verdict, l.verdict);
    hint.textContent = role === 'township'
      ? '本乡镇（街道）评为一般、较差的党组织的整改事项。整改完成后点“申请销号”，填写完成情况和完成日期，由县委组织部审核销号。'
      : '各乡镇（街道）的整改事项。审核“申请销号”的事项：销号，或填写意见退回；已销号的事项发现问题可复号（须填写原因）。';
    counts.textContent = l.list ? countsText(l.list) : '';
    if (prev && l.list === prev.ledger.list && l.filter === prev.ledger.filter && l.form === prev.ledger.form && l.history === prev.ledger.history && l.pending === prev.ledger.pending && s.layout === prev.layout) return;
    // No items: the count says so; no filters over an empty table.
    if (!role || !l.list || l.list.items.length === 0) return content.replaceChildren();
    const ctx: LedgerContext = {
      role,
      state: l,
      handlers: { start: (id, step) => ctl.startStep(id, step), submit: (id, input) => void ctl.submit(id, input), confirm: (id) => void ctl.confirm(id), history: (id) => ctl.toggleHistory(id) },
    };
    const items = role === 'county' ? filterItems(l.list.items, l.filter) : filterItems(l.list.items, { township: '', status: 'all', overdue: false });
    redrawKeeping(content, () => {
      const list = role === 'county' && s.layout === 'wide' ? ledgerTable(items, ctx) : ledgerCards(items, ctx);
      const none = items.length === 0 ? h('p', { className: 'hint', id: 'ledger-none' }, '没有符合筛选条件的整改事项。') : null;
      content.replaceChildren(...(role === 'county' ? [filterBar(s, ctl)] : []), ...(none ? [none] : [list]));
    });
    // A form just opened: its first field gets the focus.
    if (l.form && (l.form.itemId !== prev?.ledger.form?.itemId || l.form.step !== prev.ledger.form.step)) content.querySelector<HTMLElement>(`#lf-${l.form.itemId} textarea`)?.focus();
  };
  render(store.get(), null);
  store.subscribe(render);
}
