// The county's summary tables from the included townships' tallies: counts and shares by
// township × grade and by category × grade, the quota check per township and for the county, and
// the reporting status of every township.
import type { ReviewState } from '../api/contract';
import { checkQuota } from '../quota/quota';
import { REVIEW_STATE_SHORT, reviewStateLabel } from '../review/machine';
import type { Scheme } from '../scheme/schema';
import { gradeCounts, memberTotal, mergeTallies, quotaEntries, type Tally } from './tally';

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
  /** False for a township whose figures are not counted (未上报, 已退回): its cells stay blank. */
  included: boolean;
  total: number;
  /** In scheme grade order. */
  counts: number[];
  /** count / total, 0 when total is 0. */
  shares: number[];
  /** 党员 total; null when a stored tally predates it. */
  members: number | null;
  /** What the 备注 column says: 未上报, 已退回…, 待审核; null for an accepted township or a total. */
  remark: string | null;
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
  /** Every township of the campaign in its order, counted or not. */
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

export function countRow(s: Scheme, label: string, t: Tally, members: number | null = memberTotal(t), remark: string | null = null): CountRow {
  const byKey = gradeCounts(s, t);
  const counts = s.grades.map((g) => byKey[g.key] ?? 0);
  const total = counts.reduce((a, b) => a + b, 0);
  return { label, included: true, total, counts, shares: counts.map((n) => (total ? n / total : 0)), members, remark };
}

/** 汇总表's 备注 for a township by its state. */
export const SUMMARY_REMARK: Record<ReviewState, string | null> = { missing: REVIEW_STATE_SHORT.missing, returned: `${REVIEW_STATE_SHORT.returned}，未计入`, submitted: REVIEW_STATE_SHORT.submitted, accepted: null };

function townshipRow(s: Scheme, t: TownshipInput): CountRow {
  if (isIncluded(t.state) && t.tally) return countRow(s, t.name, t.tally, memberTotal(t.tally), SUMMARY_REMARK[t.state]);
  const zeros = s.grades.map(() => 0);
  return { label: t.name, included: false, total: 0, counts: zeros, shares: zeros, members: null, remark: SUMMARY_REMARK[t.state] ?? reviewStateLabel(t.state) };
}

function quotaRow(s: Scheme, scope: string, t: Tally): QuotaRow {
  const q = checkQuota(s, quotaEntries(t), { scope });
  const share = (key: string) => ({ count: q.counts[key] ?? 0, share: q.shares[key] ?? 0 });
  return { scope, graded: q.graded, ok: q.ok, summary: q.summary, top: share(s.quota.top.grade), bottom: share(s.quota.bottom.grade) };
}

export function summarizeCounty(s: Scheme, countyName: string, townships: readonly TownshipInput[]): CountySummary {
  const included = townships.filter((t) => isIncluded(t.state) && t.tally);
  const all = mergeTallies(included.map((t) => t.tally as Tally));
  const byCategory = s.categories.map((c) => countRow(s, c.name, { orgs: 0, rectifications: 0, byCategory: { [c.key]: all.byCategory[c.key] ?? {} } }, memberTotal(all, c.key)));
  const quotaByTownship = new Map(included.map((t) => [t.id, quotaRow(s, t.name, t.tally as Tally)]));
  return {
    gradeLabels: s.grades.map((g) => g.label),
    byTownship: townships.map((t) => townshipRow(s, t)),
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
