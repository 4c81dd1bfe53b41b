// The county's summary tables from the included townships' tallies: counts and shares by
// township × grade and by category × grade, the quota check per township and for the county, and
// the reporting status of every township.
import type { ReviewState } from '../api/contract';
import { checkQuota } from '../quota/quota';
import { reviewStateLabel } from '../review/machine';
import type { Scheme } from '../scheme/schema';
import { gradeCounts, mergeTallies, quotaEntries, type Tally } from './tally';

export interface TownshipInput {
  id: string;
  name: string;
  state: ReviewState;
  late: boolean;
  version: number | null;
  receivedAt: string | null;
  comment: string | null;
  /** The current version's tally; null when nothing was submitted. */
  tally: Tally | null;
}

export interface CountRow {
  label: string;
  total: number;
  /** In scheme grade order. */
  counts: number[];
  /** count / total, 0 when total is 0. */
  shares: number[];
}

export interface QuotaRow {
  scope: string;
  graded: number;
  ok: boolean;
  summary: string;
  /** Top (好) and bottom (较差) counts and shares. */
  top: { count: number; share: number };
  bottom: { count: number; share: number };
}

export interface StatusRow {
  id: string;
  name: string;
  state: ReviewState;
  stateText: string;
  version: number | null;
  receivedAt: string | null;
  late: boolean;
  included: boolean;
  quotaOk: boolean | null;
  comment: string | null;
}

export interface CountySummary {
  gradeLabels: string[];
  byTownship: CountRow[];
  townshipTotal: CountRow;
  byCategory: CountRow[];
  categoryTotal: CountRow;
  quota: QuotaRow[];
  countyQuota: QuotaRow;
  status: StatusRow[];
  included: number;
}

/** Accepted or submitted versions count; returned and missing ones do not. */
export function isIncluded(state: ReviewState): boolean {
  return state === 'submitted' || state === 'accepted';
}

export function countRow(s: Scheme, label: string, t: Tally): CountRow {
  const byKey = gradeCounts(s, t);
  const counts = s.grades.map((g) => byKey[g.key] ?? 0);
  const total = counts.reduce((a, b) => a + b, 0);
  return { label, total, counts, shares: counts.map((n) => (total ? n / total : 0)) };
}

function quotaRow(s: Scheme, scope: string, t: Tally): QuotaRow {
  const q = checkQuota(s, quotaEntries(t), { scope });
  const share = (key: string) => ({ count: q.counts[key] ?? 0, share: q.shares[key] ?? 0 });
  return { scope, graded: q.graded, ok: q.ok, summary: q.summary, top: share(s.quota.top.grade), bottom: share(s.quota.bottom.grade) };
}

export function summarizeCounty(s: Scheme, countyName: string, townships: readonly TownshipInput[]): CountySummary {
  const included = townships.filter((t) => isIncluded(t.state) && t.tally);
  const all = mergeTallies(included.map((t) => t.tally as Tally));
  const byCategory = s.categories.map((c) => countRow(s, c.name, { orgs: 0, rectifications: 0, byCategory: { [c.key]: all.byCategory[c.key] ?? {} } }));
  const quotaByTownship = new Map(included.map((t) => [t.id, quotaRow(s, t.name, t.tally as Tally)]));
  return {
    gradeLabels: s.grades.map((g) => g.label),
    byTownship: included.map((t) => countRow(s, t.name, t.tally as Tally)),
    townshipTotal: countRow(s, `${countyName}合计`, all),
    byCategory,
    categoryTotal: countRow(s, `${countyName}合计`, all),
    quota: included.map((t) => quotaByTownship.get(t.id) as QuotaRow),
    countyQuota: quotaRow(s, countyName, all),
    status: townships.map((t) => {
      const inc = isIncluded(t.state) && t.tally !== null;
      return {
        id: t.id,
        name: t.name,
        state: t.state,
        stateText: reviewStateLabel(t.state),
        version: t.version,
        receivedAt: t.receivedAt,
        late: t.late,
        included: inc,
        quotaOk: inc ? (quotaByTownship.get(t.id)?.ok ?? null) : null,
        comment: t.comment,
      };
    }),
    included: included.length,
  };
}
