// Quota rules (比例控制) of the Yichun text: 好 at most a share (raised for some quota classes),
// 较差 around a target share. The scheme holds every number.
import { issueText } from '../issues/catalogue';
import type { Severity } from '../issues/types';
import type { Scheme } from '../scheme/schema';
import { findCategory, findGrade } from '../scheme/lookup';
import { isGradeHeader } from '../template/header-words';
import { normalizeLabel } from '../text/normalize';
import { percent, percentBeside, percentCap } from './format';

export interface QuotaEntry {
  grade: unknown;
  category?: unknown;
}

export interface QuotaBreach {
  code: 'QUOTA_TOP_EXCEEDED' | 'QUOTA_BOTTOM_OFF';
  severity: Severity;
  grade: string;
  /** The quota class checked, or null for the whole set. */
  quotaClass: string | null;
  count: number;
  of: number;
  share: number;
  /** Top: the cap as a share. Bottom: the target share. */
  limit: number;
  message: string;
}

export interface QuotaResult {
  /** Entries with a recognized grade. */
  graded: number;
  /** Entries whose grade cell was empty: skipped. */
  blanks: number;
  counts: Record<string, number>;
  shares: Record<string, number>;
  unknownGrades: Array<{ index: number; value: string }>;
  unknownCategories: Array<{ index: number; value: string }>;
  breaches: QuotaBreach[];
  /** No error-severity breach and no unknown label. */
  ok: boolean;
  /** One line of Chinese for a cell or a list. */
  summary: string;
}

const EPS = 1e-9;

function isBlank(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === 'string' && normalizeLabel(v) === '');
}

export interface QuotaOptions {
  /** Put before messages, e.g. "全县" or "城关镇". */
  scope?: string;
}

/**
 * The one pass over the organizations a verdict is made from, whatever its scope: the validator
 * counts an upload once, and the server words the receipt's verdict from that count.
 */
export interface QuotaCount {
  graded: number;
  blanks: number;
  counts: Record<string, number>;
  unknownGrades: QuotaResult['unknownGrades'];
  unknownCategories: QuotaResult['unknownCategories'];
  /** Each quota class met, in order: organizations graded in it and how many have the top grade. */
  classes: Array<{ quotaClass: string; total: number; top: number }>;
}

export function checkQuota(s: Scheme, entries: readonly QuotaEntry[], opts: QuotaOptions = {}): QuotaResult {
  return quotaVerdict(s, countQuota(s, entries), opts);
}

export function countQuota(s: Scheme, entries: readonly QuotaEntry[]): QuotaCount {
  const counts: Record<string, number> = Object.fromEntries(s.grades.map((g) => [g.key, 0]));
  const classTotals = new Map<string, number>();
  const classTop = new Map<string, number>();
  const unknownGrades: QuotaResult['unknownGrades'] = [];
  const unknownCategories: QuotaResult['unknownCategories'] = [];
  let blanks = 0;
  let graded = 0;
  const topKey = s.quota.top.grade;

  entries.forEach((e, index) => {
    if (isBlank(e.grade)) {
      blanks++;
      return;
    }
    const g = findGrade(s, String(e.grade));
    if (!g) {
      // A range taken with its header (=DJ.QUOTA_CHECK(R:R), R4:R200) holds 等次 once: not a grade.
      if (!isGradeHeader(String(e.grade))) unknownGrades.push({ index, value: String(e.grade).trim() });
      return;
    }
    graded++;
    counts[g.key] = (counts[g.key] ?? 0) + 1;
    let cls = 'standard';
    if (!isBlank(e.category)) {
      const c = findCategory(s, String(e.category));
      if (c) cls = c.quotaClass;
      else unknownCategories.push({ index, value: String(e.category).trim() });
    }
    classTotals.set(cls, (classTotals.get(cls) ?? 0) + 1);
    if (g.key === topKey) classTop.set(cls, (classTop.get(cls) ?? 0) + 1);
  });
  const classes = [...classTotals].map(([quotaClass, total]) => ({ quotaClass, total, top: classTop.get(quotaClass) ?? 0 }));
  return { graded, blanks, counts, unknownGrades, unknownCategories, classes };
}

/** The quota rules applied to a count, in sentences that start with `scope`. */
export function quotaVerdict(s: Scheme, q: QuotaCount, opts: QuotaOptions = {}): QuotaResult {
  const { graded, blanks, counts, unknownGrades, unknownCategories } = q;
  const topKey = s.quota.top.grade;
  const shares: Record<string, number> = {};
  for (const g of s.grades) shares[g.key] = graded ? (counts[g.key] ?? 0) / graded : 0;

  const scope = opts.scope ?? '';
  const breaches: QuotaBreach[] = [];
  const topBand = s.grades.find((g) => g.key === topKey);
  const several = q.classes.length > 1;
  // Each quota class is held to its own cap: agencies at a raised cap do not use up the
  // villages' 20 %, and villages do not borrow the agencies' headroom. In the order of
  // "class,total" as text, as they have always been listed.
  const ordered = q.classes.map((c) => ({ c, key: `${c.quotaClass},${c.total}` })).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  for (const { c } of ordered) {
    const { quotaClass: cls, total, top: n } = c;
    const cap = s.quota.top.classCaps[cls] ?? s.quota.top.maxShare;
    const share = n / total;
    if (share > cap + EPS) {
      const clsName = several || cls !== 'standard' ? quotaClassName(s, cls) : '';
      breaches.push({
        code: 'QUOTA_TOP_EXCEEDED',
        severity: s.quota.top.severity,
        grade: topBand?.label ?? topKey,
        quotaClass: several || cls !== 'standard' ? cls : null,
        count: n,
        of: total,
        share,
        limit: cap,
        message: issueText('QUOTA_TOP_EXCEEDED', {
          // "西河乡" + "村、社区…类中" would read "西河乡村、社区…": the 的 keeps the township apart.
          scope: scope && clsName ? `${scope}的${clsName}` : scope + clsName,
          grade: topBand?.label ?? topKey,
          count: n,
          share: percentBeside(share, cap),
          limit: percentCap(cap),
        }),
      });
    }
  }

  const b = s.quota.bottom;
  const bottomBand = s.grades.find((g) => g.key === b.grade);
  if (graded > 0) {
    // Around 10 % of 7 organizations is 0 or 1, not 0.7: compare counts over a rounded range.
    const low = Math.max(0, Math.floor(graded * (b.targetShare - b.tolerance) + EPS));
    const high = Math.ceil(graded * (b.targetShare + b.tolerance) - EPS);
    const n = counts[b.grade] ?? 0;
    if (n < low || n > high) {
      breaches.push({
        code: 'QUOTA_BOTTOM_OFF',
        severity: b.severity,
        grade: bottomBand?.label ?? b.grade,
        quotaClass: null,
        count: n,
        of: graded,
        share: n / graded,
        limit: b.targetShare,
        message: issueText('QUOTA_BOTTOM_OFF', {
          scope,
          grade: bottomBand?.label ?? b.grade,
          count: n,
          share: percent(n / graded),
          target: percentCap(b.targetShare),
          low,
          high,
        }),
      });
    }
  }

  const ok = !breaches.some((x) => x.severity === 'error') && unknownGrades.length === 0 && unknownCategories.length === 0;
  return { graded, blanks, counts, shares, unknownGrades, unknownCategories, breaches, ok, summary: summarize(s, graded, counts, shares, breaches, unknownGrades, unknownCategories, scope) };
}

function quotaClassName(s: Scheme, cls: string): string {
  const names = s.categories.filter((c) => c.quotaClass === cls).map((c) => c.name);
  return names.length ? `${names.join('、')}类中` : `${cls}类中`;
}

function summarize(
  s: Scheme,
  graded: number,
  counts: Record<string, number>,
  shares: Record<string, number>,
  breaches: QuotaBreach[],
  unknownGrades: QuotaResult['unknownGrades'],
  unknownCategories: QuotaResult['unknownCategories'],
  scope: string,
): string {
  if (graded === 0 && unknownGrades.length === 0) return issueText('QUOTA_NOTHING_GRADED');
  const parts = s.grades.map((g) => `${g.label} ${counts[g.key] ?? 0}（${percent(shares[g.key] ?? 0)}）`);
  let line = `${scope}共 ${graded} 个：${parts.join('、')}`;
  const problems: string[] = [];
  const shown = (xs: QuotaResult['unknownGrades']) => {
    const distinct = [...new Set(xs.map((u) => u.value))];
    return distinct.slice(0, 3).map((v) => `“${v}”`).join('、') + (distinct.length > 3 ? '等' : '');
  };
  if (unknownGrades.length) problems.push(`另有 ${unknownGrades.length} 个无法识别的等次（${shown(unknownGrades)}）未计入`);
  // The grade of an organization whose category is not recognized is counted, under the common cap.
  if (unknownCategories.length) problems.push(`${unknownCategories.length} 个类别无法识别（${shown(unknownCategories)}），其等次已按“${s.grades.find((g) => g.key === s.quota.top.grade)?.label ?? s.quota.top.grade}”不超过 ${percentCap(s.quota.top.maxShare)} 的类别计入`);
  const errors = breaches.filter((b) => b.severity === 'error');
  const warnings = breaches.filter((b) => b.severity !== 'error');
  if (errors.length === 0 && warnings.length === 0 && problems.length === 0) return `${line}；比例符合要求`;
  if (errors.length) line += `；不符合比例要求：${errors.map((b) => b.message).join('；')}`;
  if (warnings.length) line += `；请注意：${warnings.map((b) => b.message).join('；')}`;
  // What was counted still gets its verdict: a stray label must not hide whether the quotas are met.
  if (errors.length === 0 && warnings.length === 0 && graded > 0) line += '；已计入的比例符合要求';
  if (problems.length) line += `；${problems.join('；')}，请核对`;
  return line;
}
