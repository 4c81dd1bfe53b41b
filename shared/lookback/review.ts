// 回头看 (source 002, 广东): a campaign of kind `lookback` regrades the same year's organizations.
// Grades may go down. An organization involved in 三打两建 is 较差 whatever the regrade says,
// a newly established one is capped below 好 (the same overrides as grading, applied by the one
// `applyOverrides`). An organization moved up while its rectification items are not all 销号 is
// flagged: “成效不显著的不得晋位升级” is a prohibition, and the ledger is where 成效 is recorded.
// It is flagged for the county rather than refused at upload: the regrade's grade must agree with
// its scores (the validator's rule), so a township cannot state the original grade beside higher
// scores; the county decides — return the regrade, or get the items 销号 first. A 申请销号
// awaiting the county is not yet 成效.
import type { Issue } from '../issues/types';
import { makeIssue } from '../issues/catalogue';
import { applyOverrides, gradeRank, type OverrideReason } from '../grade/grade';
import { UNCLOSED_STATUSES, type LedgerItem } from '../ledger/types';
import type { GradedOrg } from '../roster/graded';
import { townshipName, type TownshipNames } from '../roster/identity';
import { gradeByKey } from '../scheme/lookup';
import type { Scheme } from '../scheme/schema';

export type CampaignKind = 'grading' | 'lookback';

/** What the year-after logic needs to know of a campaign (the API's campaign record carries it). */
export interface CampaignLink {
  id: string;
  kind: CampaignKind;
  year: number;
  /** For a grading: last year's campaign, whose results the targets compare against. */
  previousId?: string | null;
  /** For a 回头看: the grading it reviews. */
  reviewsId?: string | null;
}

export type LookbackMove = 'up' | 'down' | 'same' | 'new';

export interface LookbackRow {
  orgId: string;
  townshipId: string;
  name: string;
  /** The original grade; null for an organization the original did not grade. */
  before: string | null;
  /** The grade the regrade states. */
  stated: string;
  /** The grade after the overrides (三打两建 → 较差; 新组建 capped). */
  after: string;
  move: LookbackMove;
  reasons: OverrideReason[];
  /** Items of the organization not yet 销号, and how many of those await the county's confirmation. */
  unclosed: number;
  pending: number;
  /** Moved up with unfinished rectification: 成效不显著不得晋位升级. */
  flagged: boolean;
}

export interface LookbackInput {
  scheme: Scheme;
  original: readonly GradedOrg[];
  regrade: readonly GradedOrg[];
  items: readonly LedgerItem[];
}

export interface LookbackResult {
  rows: LookbackRow[];
  /** The original's organizations the regrade left out. */
  notRegraded: GradedOrg[];
  /** The regrade with the overrides applied: what the ledger (复号, new items) and next year's targets read. */
  final: GradedOrg[];
  issues: Issue[];
}

export function reviewLookback(input: LookbackInput): LookbackResult {
  const s = input.scheme;
  const label = (k: string | null) => (k === null ? '' : (gradeByKey(s, k)?.label ?? k));
  const before = new Map(input.original.map((g) => [g.orgId, g]));
  const rows: LookbackRow[] = [];
  const final: GradedOrg[] = [];
  const issues: Issue[] = [];

  for (const r of input.regrade) {
    const band = gradeByKey(s, r.grade);
    const outcome = band ? applyOverrides(s, band, { forcedBottom: r.forcedBottom === true, newlyEstablished: r.newlyEstablished === true }) : null;
    const after = outcome?.grade.key ?? r.grade;
    const reasons = outcome?.reasons ?? [];
    const where = r.where ?? {};
    if (reasons.includes('forcedBottom')) {
      issues.push(makeIssue('LOOKBACK_FORCED_BOTTOM', { name: r.name, grade: label(r.grade), label: s.overrides.forcedBottom.label, bottom: label(after) }, where));
    } else if (reasons.includes('newlyEstablishedCap')) {
      issues.push(makeIssue('LOOKBACK_NEW_CAPPED', { name: r.name, grade: label(r.grade), label: s.overrides.newlyEstablishedCap.label, cap: label(after) }, where));
    }
    const b = before.get(r.orgId)?.grade ?? null;
    const move: LookbackMove = b === null ? 'new' : gradeRank(s, after) < gradeRank(s, b) ? 'up' : gradeRank(s, after) > gradeRank(s, b) ? 'down' : 'same';
    const mine = input.items.filter((i) => i.orgId === r.orgId && UNCLOSED_STATUSES.includes(i.status));
    const pending = mine.filter((i) => i.status === 'requested').length;
    const flagged = move === 'up' && mine.length > 0;
    if (flagged) issues.push(makeIssue('LOOKBACK_UPGRADE_NO_EFFECT', { name: r.name, before: label(b), after: label(after), open: mine.length, pending }, where));
    if (move === 'down') issues.push(makeIssue('LOOKBACK_DOWNGRADED', { name: r.name, before: label(b), after: label(after) }, where));
    rows.push({ orgId: r.orgId, townshipId: r.townshipId, name: r.name, before: b, stated: r.grade, after, move, reasons, unclosed: mine.length, pending, flagged });
    final.push({ ...r, grade: after });
  }

  const regraded = new Set(input.regrade.map((r) => r.orgId));
  const notRegraded = input.original.filter((g) => !regraded.has(g.orgId));
  for (const g of notRegraded) issues.push(makeIssue('LOOKBACK_NOT_REGRADED', { name: g.name, grade: label(g.grade) }, g.where ?? {}));
  return { rows: orderLike(rows, input.original), notRegraded, final, issues };
}

/** In the original's order (township by township); organizations it did not have follow their township. */
function orderLike(rows: LookbackRow[], original: readonly GradedOrg[]): LookbackRow[] {
  const pos = new Map(original.map((g, i) => [g.orgId, i]));
  const townshipPos = new Map<string, number>();
  original.forEach((g, i) => townshipPos.set(g.townshipId, Math.max(townshipPos.get(g.townshipId) ?? -1, i)));
  const key = (r: LookbackRow) => pos.get(r.orgId) ?? (townshipPos.get(r.townshipId) ?? original.length) + 0.5;
  return rows.map((r, i) => ({ r, i })).sort((a, b) => key(a.r) - key(b.r) || a.i - b.i).map((x) => x.r);
}

export const LOOKBACK_HEADERS = ['序号', '乡镇（街道）', '党组织名称', '原定等次', '回头看等次', '变化', '说明'] as const;

const MOVE_TEXT: Readonly<Record<LookbackMove, string>> = { up: '晋位', down: '降级', same: '不变', new: '新增' };

/** The before/after table of the consolidated workbook: one row per organization, numbered. */
export function lookbackSheetRows(s: Scheme, result: LookbackResult, townshipNames?: TownshipNames): Array<Array<string | number>> {
  const label = (k: string | null) => (k === null ? '' : (gradeByKey(s, k)?.label ?? k));
  return result.rows.map((r, i) => {
    const notes: string[] = [];
    if (r.reasons.includes('forcedBottom')) notes.push(`${s.overrides.forcedBottom.label}，调整为“${label(r.after)}”`);
    else if (r.reasons.includes('newlyEstablishedCap')) notes.push(`${s.overrides.newlyEstablishedCap.label}，最高为“${label(r.after)}”`);
    if (r.flagged) notes.push(`${r.unclosed} 项整改事项未销号，成效不显著不得晋位升级`);
    return [i + 1, townshipName(townshipNames, r.townshipId), r.name, label(r.before), label(r.after), MOVE_TEXT[r.move], notes.join('；')];
  });
}
