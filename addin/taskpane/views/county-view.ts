// The county card: cards in the narrow task pane, a sortable table with filters and totals on a
// wide page. Redrawn from state; a return comment being typed survives the redraw.
import type { BulkReviewResult } from '../../../shared/api/contract';
import type { CountyReviewController } from '../controllers/county-review';
import type { Capabilities } from '../host/capabilities';
import { countyRows, countyTable, totalsOf } from '../model/county-table';
import type { AppState, Store } from '../state';
import type { CountyHandlers } from '../ui/county-actions';
import { countyCards, totalsBadges } from '../ui/county-cards';
import { countyTableView, filterBar } from '../ui/county-table';
import { byId, h, setAvailable } from '../ui/dom';
import { ACTION_DONE } from '../ui/labels';
import { redrawKeeping } from '../ui/preserve';
import { renderVerdict } from '../ui/status-line';

export function countyView(store: Store<AppState>, ctl: CountyReviewController, caps: Capabilities, view: (townshipId: string, version: number) => void): void {
  const el = {
    section: byId('county-section'),
    refresh: byId<HTMLButtonElement>('refresh'),
    consolidated: byId<HTMLButtonElement>('consolidated'),
    consolidatedWhy: byId('consolidated-why'),
    bulk: byId<HTMLButtonElement>('bulk-accept'),
    bulkResults: byId('bulk-results'),
    verdict: byId('county-status'),
    content: byId('county-content'),
  };
  el.consolidated.textContent = caps.inExcel ? '打开汇总表' : '下载汇总表';
  el.refresh.addEventListener('click', () => void ctl.refresh());
  el.consolidated.addEventListener('click', () => void ctl.consolidated());
  el.bulk.addEventListener('click', () => void ctl.bulkAccept());

  const handlers: CountyHandlers = {
    review: (id, action) => void ctl.review(id, action),
    view,
    startReturn: (id) => ctl.startReturn(id),
    sortBy: (key) => ctl.sortBy(key),
    filter: (f) => ctl.filter(f),
  };

  const render = (s: AppState, prev: AppState | null) => {
    if (prev && s.county === prev.county && s.connection === prev.connection && s.layout === prev.layout && s.busy === prev.busy) return;
    el.section.hidden = s.connection.me?.role !== 'county' || !s.connection.campaign;
    setAvailable(el.refresh, null);
    el.refresh.disabled = !!s.busy.county;
    setAvailable(el.consolidated, caps.missing.openWorkbook, el.consolidatedWhy);
    if (s.busy.consolidated) el.consolidated.disabled = true;
    renderVerdict(el.verdict, s.county.verdict);
    const waiting = ctl.waiting().length;
    el.bulk.textContent = waiting ? `全部通过（${waiting} 个待审核）` : '全部通过';
    el.bulk.disabled = !waiting || !!s.busy.bulk;
    if (!prev || s.county.bulk !== prev.county.bulk) renderBulk(el.bulkResults, s.county.bulk);

    const contentChanged = !prev || s.county.data !== prev.county.data || s.county.sort !== prev.county.sort || s.county.filter !== prev.county.filter
      || s.county.returning !== prev.county.returning || s.county.pending !== prev.county.pending || s.layout !== prev.layout || s.connection.scheme !== prev.connection.scheme;
    if (!contentChanged) return;
    const { data } = s.county;
    const grades = s.connection.scheme.scheme.grades.map((g) => g.label);
    redrawKeeping(el.content, () => {
      if (!data) return el.content.replaceChildren();
      if (s.layout === 'wide') {
        const table = countyTable(data, s.county.sort, s.county.filter, grades);
        el.content.replaceChildren(filterBar(table, s.county.filter, handlers), countyTableView(table, s.county.sort, grades, s.county.pending, s.county.returning, handlers));
      } else {
        const rows = countyRows(data);
        el.content.replaceChildren(h('div', { id: 'totals', className: 'totals' }, ...totalsBadges(totalsOf(rows, grades))), countyCards(rows, s.county.pending, s.county.returning, handlers));
      }
    });
    // A return form just opened: the comment box gets the focus.
    if (s.county.returning && s.county.returning !== prev?.county.returning) document.getElementById(`comment-${s.county.returning}`)?.focus();
  };
  render(store.get(), null);
  store.subscribe(render);
}

/** Each township's answer to 全部通过: accepted, or why not. */
function renderBulk(target: HTMLElement, r: BulkReviewResult | null): void {
  if (!r) return target.replaceChildren();
  target.replaceChildren(
    h('ul', { className: 'plain bulk', id: 'bulk-list' },
      ...r.results.map((x) => h('li', { className: x.ok ? 'quota-ok' : 'quota-bad', 'data-township': x.townshipId },
        `${x.townshipName} 第 ${x.version} 版：${x.ok ? ACTION_DONE.accept : `未通过——${x.error?.message ?? ''}`}`))),
  );
}
