// The county's table of townships: rows from the completeness answer, sorted and filtered the
// way the clerk asked, with a totals row over what is shown. Pure: no DOM, tested by tables.
import type { ReviewState } from '../../../shared/api/contract';
import { isIncluded } from '../../../shared/consolidate/summary';
import { REVIEW_STATE_SHORT } from '../../../shared/review/machine';
import type { CountyCompleteness } from '../api/client';

export type CountyFilter = 'all' | ReviewState | 'late';

/** The order totals are told in: the done first, the missing last. */
export const TOTALS_ORDER: readonly ReviewState[] = ['accepted', 'submitted', 'returned', 'missing'];

export const FILTERS: ReadonlyArray<{ key: CountyFilter; label: string }> = [
  { key: 'all', label: '全部' },
  ...(['missing', 'submitted', 'returned', 'accepted'] as const).map((key) => ({ key, label: REVIEW_STATE_SHORT[key] })),
  { key: 'late', label: '逾期' },
];

/** A grade column is keyed by the grade's label (好, 较好…), as receipts count them. */
export type SortKey = 'name' | 'state' | 'version' | 'receivedAt' | 'late' | 'filledBy' | 'phone' | 'quota' | `grade:${string}`;

export interface CountySort {
  key: SortKey;
  dir: 'asc' | 'desc';
}

export interface CountyRow {
  id: string;
  name: string;
  state: ReviewState;
  late: boolean;
  version: number | null;
  receivedAt: string | null;
  /** Null until the server sends them (the county API adds them later). */
  filledBy: string | null;
  phone: string | null;
  counts: Record<string, number> | null;
  quota: { ok: boolean; summary: string } | null;
  comment: string | null;
}

export function countyRows(c: CountyCompleteness): CountyRow[] {
  return c.townships.map((t) => ({
    id: t.id,
    name: t.name,
    state: t.state,
    late: t.late,
    version: t.currentVersion,
    receivedAt: t.receivedAt,
    filledBy: t.filledBy || null,
    phone: t.phone || null,
    counts: t.counts ?? null,
    quota: t.quota,
    comment: t.comment,
  }));
}

export function matchesFilter(row: CountyRow, f: CountyFilter): boolean {
  if (f === 'all') return true;
  if (f === 'late') return row.late;
  return row.state === f;
}

/** The order work moves in: not in, sent back, waiting, done. */
const STATE_ORDER: Record<ReviewState, number> = { missing: 0, returned: 1, submitted: 2, accepted: 3 };

type Key = string | number | null;

function sortValue(row: CountyRow, key: SortKey): Key {
  switch (key) {
    case 'name':
      return row.name;
    case 'state':
      return STATE_ORDER[row.state];
    case 'version':
      return row.version;
    case 'receivedAt':
      return row.receivedAt ? Date.parse(row.receivedAt) : null;
    case 'late':
      return row.late ? 1 : 0;
    case 'filledBy':
      return row.filledBy;
    case 'phone':
      return row.phone;
    case 'quota':
      return row.quota ? (row.quota.ok ? 1 : 0) : null;
    default:
      return row.counts ? (row.counts[key.slice('grade:'.length)] ?? 0) : null;
  }
}

const byName = (a: CountyRow, b: CountyRow) => a.name.localeCompare(b.name, 'zh-Hans-CN');

function compareKeys(a: Key, b: Key): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b), 'zh-Hans-CN');
}

/** Sorted by the key in the asked direction; rows without a value last either way; ties by name. */
export function sortRows(rows: readonly CountyRow[], sort: CountySort): CountyRow[] {
  const sign = sort.dir === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const va = sortValue(a, sort.key);
    const vb = sortValue(b, sort.key);
    if (va === null || vb === null) return va === vb ? byName(a, b) : va === null ? 1 : -1;
    return sign * compareKeys(va, vb) || byName(a, b);
  });
}

/** A second click on the same column turns the order round; a new column starts ascending. */
export function nextSort(current: CountySort, key: SortKey): CountySort {
  return current.key === key ? { key, dir: current.dir === 'asc' ? 'desc' : 'asc' } : { key, dir: 'asc' };
}

export interface CountyTotals {
  townships: number;
  byState: Record<ReviewState, number>;
  late: number;
  /**
   * Per grade label over the rows the 汇总表 counts (submitted or accepted: isIncluded) that have
   * counts; null when none has any. A returned township's figures are not added, as in the workbook.
   */
  counts: Record<string, number> | null;
  /** Rows the 汇总表 counts whose quota verdict is 不符合 (its 比例检查 lists no returned township). */
  quotaBad: number;
}

export function totalsOf(rows: readonly CountyRow[], gradeLabels: readonly string[]): CountyTotals {
  const byState: Record<ReviewState, number> = { missing: 0, submitted: 0, returned: 0, accepted: 0 };
  let counts: Record<string, number> | null = null;
  for (const r of rows) {
    byState[r.state]++;
    if (r.counts && isIncluded(r.state)) {
      counts ??= Object.fromEntries(gradeLabels.map((g) => [g, 0]));
      for (const g of gradeLabels) counts[g] = (counts[g] ?? 0) + (r.counts[g] ?? 0);
    }
  }
  return { townships: rows.length, byState, late: rows.filter((r) => r.late).length, counts, quotaBad: rows.filter((r) => isIncluded(r.state) && r.quota && !r.quota.ok).length };
}

/** How many rows each filter would show, for the filter buttons. */
export function filterCounts(rows: readonly CountyRow[]): Record<CountyFilter, number> {
  const out = {} as Record<CountyFilter, number>;
  for (const f of FILTERS) out[f.key] = rows.filter((r) => matchesFilter(r, f.key)).length;
  return out;
}

export interface CountyTable {
  rows: CountyRow[];
  all: number;
  totals: CountyTotals;
  filterCounts: Record<CountyFilter, number>;
}

export function countyTable(c: CountyCompleteness, sort: CountySort, filter: CountyFilter, gradeLabels: readonly string[]): CountyTable {
  const all = countyRows(c);
  const shown = sortRows(all.filter((r) => matchesFilter(r, filter)), sort);
  return { rows: shown, all: all.length, totals: totalsOf(shown, gradeLabels), filterCounts: filterCounts(all) };
}
