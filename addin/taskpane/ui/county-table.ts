// The county view on a wide page: a sortable table of the townships with filters and a totals
// row over the rows shown. Columns the server does not fill yet (填报人, 电话, counts) show "—".
import { FILTERS, TOTALS_ORDER, type CountyFilter, type CountyRow, type CountySort, type CountyTable, type CountyTotals, type SortKey } from '../model/county-table';
import { reviewButtons, type CountyHandlers } from './county-actions';
import { h } from './dom';
import { formatTime, STATE_LABEL, STATE_SHORT } from './labels';
import { returnForm } from './return-form';

const DASH = '—';

interface Column {
  key: SortKey | null;
  label: string;
  className?: string;
  cell(row: CountyRow): Node | string;
  total(t: CountyTotals): string;
}

function columns(gradeLabels: readonly string[], pending: readonly string[], returning: string | null, handlers: CountyHandlers): Column[] {
  return [
    { key: 'name', label: '乡镇', className: 'name', cell: (r) => r.name, total: (t) => `合计（${t.townships} 个）` },
    {
      key: 'state',
      label: '状态',
      cell: (r) => h('span', {}, h('span', { className: `badge ${r.state}` }, STATE_LABEL[r.state]), r.comment ? h('span', { className: 'hint comment-inline', title: r.comment }, `意见：${r.comment}`) : null),
      total: (t) => TOTALS_ORDER.map((s) => `${STATE_SHORT[s]} ${t.byState[s]}`).join(' · '),
    },
    { key: 'version', label: '版本', className: 'num', cell: (r) => (r.version ? `第 ${r.version} 版` : DASH), total: () => '' },
    { key: 'receivedAt', label: '上报时间', cell: (r) => (r.receivedAt ? formatTime(r.receivedAt) : DASH), total: () => '' },
    { key: 'late', label: '逾期', cell: (r) => (r.late ? h('span', { className: 'badge late' }, '逾期') : ''), total: (t) => `逾期 ${t.late}` },
    { key: 'filledBy', label: '填报人', cell: (r) => r.filledBy ?? DASH, total: () => '' },
    { key: 'phone', label: '电话', cell: (r) => r.phone ?? DASH, total: () => '' },
    ...gradeLabels.map((g): Column => ({
      key: `grade:${g}`,
      label: g,
      className: 'num',
      cell: (r) => (r.counts ? String(r.counts[g] ?? 0) : DASH),
      total: (t) => (t.counts ? String(t.counts[g] ?? 0) : DASH),
    })),
    {
      key: 'quota',
      label: '比例',
      cell: (r) => (r.quota ? h('span', { className: r.quota.ok ? 'quota-ok' : 'quota-bad', title: r.quota.summary }, r.quota.ok ? '符合' : '不符合') : DASH),
      total: (t) => `不符合 ${t.quotaBad}`,
    },
    {
      key: null,
      label: '审核',
      cell: (r) => reviewButtons(r, { pending: pending.includes(r.id), returning: returning === r.id }, handlers),
      total: () => '',
    },
  ];
}

const ARIA_SORT = { asc: 'ascending', desc: 'descending' } as const;

function headerCell(c: Column, sort: CountySort, handlers: CountyHandlers): HTMLElement {
  if (!c.key) return h('th', { scope: 'col' }, c.label);
  const key = c.key;
  const active = sort.key === key;
  return h('th', { scope: 'col', className: c.className, 'aria-sort': active ? ARIA_SORT[sort.dir] : 'none' },
    h('button', { type: 'button', className: 'sort', 'data-sort': key, title: `按“${c.label}”排序`, onclick: () => handlers.sortBy(key) },
      c.label,
      h('span', { className: 'arrow', 'aria-hidden': 'true' }, active ? (sort.dir === 'asc' ? '▲' : '▼') : ''),
    ),
  );
}

export function filterBar(table: CountyTable, current: CountyFilter, handlers: CountyHandlers): HTMLElement {
  return h('div', { className: 'filters', role: 'group', 'aria-label': '按状态筛选' },
    ...FILTERS.map((f) =>
      h('button', { type: 'button', className: `filter ${f.key}`, 'data-filter': f.key, 'aria-pressed': String(f.key === current), onclick: () => handlers.filter(f.key) },
        `${f.label} ${table.filterCounts[f.key]}`,
      ),
    ),
  );
}

export function countyTableView(table: CountyTable, sort: CountySort, gradeLabels: readonly string[], pending: readonly string[], returning: string | null, handlers: CountyHandlers): HTMLElement {
  const cols = columns(gradeLabels, pending, returning, handlers);
  const body = h('tbody');
  for (const r of table.rows) {
    body.append(
      h('tr', { 'data-township': r.id, className: r.late ? 'late' : undefined },
        ...cols.map((c, i) => (i === 0 ? h('th', { scope: 'row', className: c.className }, c.cell(r)) : h('td', { className: c.className }, c.cell(r)))),
      ),
    );
    if (returning === r.id && r.state === 'submitted') {
      body.append(
        h('tr', { className: 'return-row' },
          h('td', { colspan: cols.length },
            returnForm(r.id, r.name, pending.includes(r.id), { submit: (comment) => r.version !== null && handlers.review(r.id, { action: 'return', comment, version: r.version }), cancel: () => handlers.startReturn(null) }),
          ),
        ),
      );
    }
  }
  if (table.rows.length === 0) body.append(h('tr', {}, h('td', { colspan: cols.length, className: 'hint' }, '没有符合筛选条件的乡镇。')));
  const caption = table.rows.length === table.all ? `共 ${table.all} 个乡镇（街道）` : `显示 ${table.rows.length} 个，共 ${table.all} 个乡镇（街道）`;
  return h('div', { className: 'table-wrap' },
    h('table', { className: 'county', id: 'county-table' },
      h('caption', { className: 'hint' }, `${caption}；点击列名排序，合计行按当前显示的乡镇统计（等次和比例的合计与汇总表一致，不含已退回的乡镇）`),
      h('thead', {}, h('tr', {}, ...cols.map((c) => headerCell(c, sort, handlers)))),
      body,
      h('tfoot', {}, h('tr', { className: 'totals-row', id: 'county-totals' }, ...cols.map((c, i) => (i === 0 ? h('th', { scope: 'row' }, c.total(table.totals)) : h('td', { className: c.className }, c.total(table.totals)))))),
    ),
  );
}
