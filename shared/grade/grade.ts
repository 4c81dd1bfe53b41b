// Grades under a scheme. Bands are half-open from below: a total grades to the first band whose
// `min` it reaches. With the default 90/80/60 that is 好 [90,100], 较好 [80,90), 一般 [60,80),
// 较差 [0,60). No rounding: 89.5 is not 90, so it is 较好 ("90分以上" includes 90 and only 90 up).
import type { IssueCode } from '../issues/catalogue';
import type { IssueParams } from '../issues/types';
import type { GradeBand, Scheme } from '../scheme/schema';
import { maxTotal } from '../scheme/lookup';
import { checkScore, sumScores } from './score';

export function gradeForTotal(s: Scheme, total: number): GradeBand {
  for (const g of s.grades) if (total >= g.min) return g;
  // The schema makes the last band start at 0; a negative total is refused before this point.
  const last = s.grades[s.grades.length - 1];
  if (!last) throw new Error('scheme has no grades');
  return last;
}

export function gradeRank(s: Scheme, key: string): number {
  return s.grades.findIndex((g) => g.key === key);
}

export interface Problem {
  code: IssueCode;
  params: IssueParams;
  /** Position of the offending value among the inputs, when there are several. */
  index?: number;
}

export type TotalResult = { ok: true; total: number } | { ok: false; problems: Problem[] };

/** A total typed directly: 0..sum of maxima. */
export function checkTotal(s: Scheme, v: unknown): TotalResult | { ok: true; total: null } {
  const max = maxTotal(s);
  const c = checkScore(v, max);
  if (!c.ok) return { ok: false, problems: [{ code: c.code, params: { value: c.value, max, name: '总分' } }] };
  if (c.blank) return { ok: true, total: null };
  return { ok: true, total: c.value };
}

/**
 * Seven (or however many the scheme has) indicator scores → total. Each score is checked against
 * its own maximum; every bad one is reported, not just the first.
 */
export function sumIndicators(s: Scheme, values: readonly unknown[]): TotalResult {
  if (values.length !== s.indicators.length) {
    return { ok: false, problems: [{ code: 'INDICATOR_COUNT', params: { expected: s.indicators.length, actual: values.length } }] };
  }
  const problems: Problem[] = [];
  const nums: number[] = [];
  s.indicators.forEach((ind, i) => {
    const c = checkScore(values[i], ind.max);
    if (!c.ok) problems.push({ code: c.code, params: { value: c.value, max: ind.max, name: `“${ind.name}”` }, index: i });
    else if (c.blank) problems.push({ code: 'SCORE_BLANK', params: { name: `“${ind.name}”` }, index: i });
    else nums.push(c.value);
  });
  if (problems.length) return { ok: false, problems };
  const total = sumScores(nums);
  const max = maxTotal(s);
  if (total > max) return { ok: false, problems: [{ code: 'SCORE_OUT_OF_RANGE', params: { value: total, max, name: '总分' } }] };
  return { ok: true, total };
}

export interface OverrideFlags {
  /** 涉及三打两建问题: 较差 whatever the score. */
  forcedBottom?: boolean;
  /** 新组建: capped below 好. */
  newlyEstablished?: boolean;
  /** The grade of the general branch this branch belongs to, when it follows it. */
  generalBranchGrade?: GradeBand;
}

export type OverrideReason = 'forcedBottom' | 'followsGeneralBranch' | 'newlyEstablishedCap';

export interface GradeOutcome {
  grade: GradeBand;
  /** What the score alone gives. */
  scoreGrade: GradeBand;
  /** Overrides that changed the grade, in the order applied. */
  reasons: OverrideReason[];
}

/**
 * Score grade, then the overrides of domain.md: follow the general branch, cap the newly
 * established below 好, and last the forced 较差, which beats everything.
 */
export function applyOverrides(s: Scheme, scoreGrade: GradeBand, flags: OverrideFlags = {}): GradeOutcome {
  const o = s.overrides;
  let grade = scoreGrade;
  const reasons: OverrideReason[] = [];
  if (o.branchFollowsGeneralBranch.enabled && flags.generalBranchGrade && flags.generalBranchGrade.key !== grade.key) {
    grade = flags.generalBranchGrade;
    reasons.push('followsGeneralBranch');
  }
  if (o.newlyEstablishedCap.enabled && flags.newlyEstablished) {
    const cap = s.grades.find((g) => g.key === o.newlyEstablishedCap.capGrade);
    if (cap && gradeRank(s, grade.key) < gradeRank(s, cap.key)) {
      grade = cap;
      reasons.push('newlyEstablishedCap');
    }
  }
  if (o.forcedBottom.enabled && flags.forcedBottom) {
    const bottom = s.grades[s.grades.length - 1];
    if (bottom && bottom.key !== grade.key) {
      grade = bottom;
      reasons.push('forcedBottom');
    }
  }
  return { grade, scoreGrade, reasons };
}

export function gradeTotal(s: Scheme, total: number, flags: OverrideFlags = {}): GradeOutcome {
  return applyOverrides(s, gradeForTotal(s, total), flags);
}

/** The Chinese reason for an override, for messages. */
export function overrideReasonText(s: Scheme, r: OverrideReason): string {
  switch (r) {
    case 'forcedBottom':
      return `标记为“${s.overrides.forcedBottom.label}”，一律定为“${s.grades[s.grades.length - 1]?.label ?? ''}”`;
    case 'newlyEstablishedCap':
      return `标记为“${s.overrides.newlyEstablishedCap.label}”，原则上不能定为“${s.grades[0]?.label ?? ''}”`;
    case 'followsGeneralBranch':
      return '党支部一般与所属党总支等次相同';
  }
}
