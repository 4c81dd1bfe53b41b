// Rules that need the whole list: a branch follows its general branch, the stated grade against
// the score and overrides, explanations where the grade needs one, ledger lines against the
// organizations (matched by orgKey), and quotas. Each runs only where nothing upstream is in
// error, so a wrong grade is not also reported as a missing explanation or ledger line.
import { ISSUES, locationText, makeIssue, type Where } from '../issues/catalogue';
import type { Issue } from '../issues/types';
import type { GradeBand, Scheme } from '../scheme/schema';
import { gradeTotal, overrideReasonText } from '../grade/grade';
import { findGrade } from '../scheme/lookup';
import { countQuota, quotaVerdict, type QuotaCount } from '../quota/quota';
import type { RectificationRow } from '../submission/types';
import { needsRectification } from '../template/definition';
import { orgKey } from '../text/normalize';
import { cellAddress } from '../workbook/a1';
import type { DetailTable } from './detail';
import type { ParsedOrg } from './detail-row';
import type { RectTable } from './rect';

function at(d: DetailTable, key: 'name' | 'grade' | 'parent' | 'explanation', o: ParsedOrg): Where {
  const cell = d.addr(key, o.org.row);
  return { sheet: d.sheet, ...(cell ? { cell } : {}), ...(o.org.name ? { org: o.org.name } : {}) };
}

/**
 * Grades, explanations, ledger lines and quotas: the issues in the order found, and the quota
 * count they were judged by (the server words its receipt from it rather than counting again).
 */
export function crossRowIssues(s: Scheme, d: DetailTable, rect: RectTable | null): { issues: Issue[]; quota: QuotaCount } {
  const issues: Issue[] = [];
  const orgs = d.parsed;
  const byKey = new Map<string, ParsedOrg>();
  for (const o of orgs) if (o.org.name && !byKey.has(orgKey(o.org.name))) byKey.set(orgKey(o.org.name), o);
  const wrongGrade = new Set<ParsedOrg>();
  for (const o of orgs) {
    const parent = parentOf(s, d, o, byKey, issues);
    const problem = gradeProblem(s, o, parent?.grade ?? null);
    if (problem?.code === 'GRADE_INCONSISTENT') {
      wrongGrade.add(o);
      issues.push(makeIssue('GRADE_INCONSISTENT', problem.params, at(d, 'grade', o)));
    } else if (problem) issues.push(makeIssue('GRADE_FOLLOW_BRANCH', problem.params, at(d, 'grade', o)));
  }

  const trusted = (o: ParsedOrg): GradeBand | null => (wrongGrade.has(o) ? null : o.grade);
  if (d.col('explanation')) {
    for (const o of orgs) {
      const g = trusted(o);
      if (!g || !o.categoryOk || o.org.explanation) continue;
      if (s.explanations.some((x) => x.categories.includes(o.org.category) && x.grades.includes(g.key))) {
        const cat = s.categories.find((c) => c.key === o.org.category);
        issues.push(makeIssue('EXPLANATION_MISSING', { category: cat?.name ?? o.org.category, grade: g.label }, at(d, 'explanation', o)));
      }
    }
  }

  const lines: RectificationRow[] = rect?.rows ?? [];
  const withLines = new Set(lines.map((r) => orgKey(r.orgName)));
  for (const o of orgs) {
    const g = trusted(o);
    if (g && o.org.name && needsRectification(s, g.key) && !withLines.has(orgKey(o.org.name))) {
      issues.push(makeIssue('RECT_MISSING', { grade: g.label }, at(d, 'name', o)));
    }
  }
  if (rect?.found) {
    // An organization whose row in the list is hidden (a filter left on) is not read, but its
    // name is right: its lines are told where the row is, not to check the name.
    const hidden = new Map<string, number>();
    for (const h of d.table.hiddenNames) if (!hidden.has(orgKey(h.name))) hidden.set(orgKey(h.name), h.row);
    const seen = new Set<string>();
    for (const r of lines) {
      const k = orgKey(r.orgName);
      if (byKey.has(k) || seen.has(k)) continue;
      seen.add(k);
      const cell = rect.addr('orgName', r.row);
      const where = { sheet: rect.sheet, ...(cell ? { cell } : {}), org: r.orgName };
      const row = hidden.get(k);
      issues.push(row === undefined ? makeIssue('RECT_ORG_UNKNOWN', {}, where) : makeIssue('RECT_ORG_HIDDEN', { sheet: d.sheet, row }, where));
    }
    for (const i of rectGradeIssues(s, d, rect, lines, byKey, trusted)) issues.push(i);
  }

  const quota = quotaCount(s, d, orgs.map(trusted));
  for (const i of quotaIssues(s, d, quota)) issues.push(i);
  return { issues, quota };
}

/**
 * A line's 等次 against its organization's grade in the list (a grade found wrong there is reported
 * there, not again here). A line pre-filled from the ledger (台账编号) shows the grade that opened
 * its item, maybe last year's: not compared.
 */
function rectGradeIssues(s: Scheme, d: DetailTable, rect: RectTable, lines: readonly RectificationRow[], byKey: ReadonlyMap<string, ParsedOrg>, trusted: (o: ParsedOrg) => GradeBand | null): Issue[] {
  const out: Issue[] = [];
  for (const r of lines) {
    const stated = rect.statedGrades.get(r.row);
    const o = byKey.get(orgKey(r.orgName));
    const listed = o ? trusted(o) : null;
    if (!stated || r.itemId || !o || !listed || findGrade(s, stated)?.key === listed.key) continue;
    const cell = rect.addr('grade', r.row);
    out.push(makeIssue('RECT_GRADE_DIFFERS', { stated, sheet: d.sheet, row: o.org.row, listed: listed.label }, { sheet: rect.sheet, ...(cell ? { cell } : {}), org: r.orgName }));
  }
  return out;
}

function parentOf(s: Scheme, d: DetailTable, o: ParsedOrg, byKey: Map<string, ParsedOrg>, issues: Issue[]): ParsedOrg | null {
  const name = o.org.parentName;
  if (!name || o.org.orgType === 'generalBranch' || o.org.orgType === 'committee') return null;
  const p = byKey.get(orgKey(name));
  if (!p && s.overrides.branchFollowsGeneralBranch.enabled) issues.push(makeIssue('PARENT_NOT_FOUND', { name }, at(d, 'parent', o)));
  return p && p !== o ? p : null;
}

type GradeProblem =
  | { code: 'GRADE_INCONSISTENT'; params: { actual: string; expected: string; reason: string } }
  | { code: 'GRADE_FOLLOW_BRANCH'; params: { actual: string; expected: string } };

/**
 * The stated grade against the score rule and overrides. A branch whose grade differs from its
 * general branch's is a warning (the texts say "normally"); a grade that matches neither the
 * score rule nor following the general branch is an error. Where the stated 总分 differs from
 * the sum (reported at 总分), a grade that fits either is not reported again.
 */
export function gradeProblem(s: Scheme, o: ParsedOrg, parentGrade: GradeBand | null): GradeProblem | null {
  if (!o.checkable || !o.grade || o.judgedTotal === null) return null;
  const stated = o.grade;
  const flags = { forcedBottom: o.org.flags.forcedBottom, newlyEstablished: o.org.flags.newlyEstablished };
  const own = gradeTotal(s, o.judgedTotal, flags);
  const alt = o.altTotal !== null ? gradeTotal(s, o.altTotal, flags) : null;
  const follow = s.overrides.branchFollowsGeneralBranch.enabled && parentGrade ? parentGrade : null;
  const follows = follow && o.judgedTotal !== null ? gradeTotal(s, o.judgedTotal, { ...flags, generalBranchGrade: follow }) : null;
  if (stated.key === own.grade.key || stated.key === alt?.grade.key) {
    if (follows && follow && follows.grade.key !== own.grade.key && stated.key !== follows.grade.key) {
      return { code: 'GRADE_FOLLOW_BRANCH', params: { actual: stated.label, expected: follow.label } };
    }
    return null;
  }
  if (follows && stated.key === follows.grade.key) return null;
  const reason = own.reasons.length ? own.reasons.map((r) => overrideReasonText(s, r)).join('；') : `总分 ${o.judgedTotal} 分对应“${own.scoreGrade.label}”`;
  return { code: 'GRADE_INCONSISTENT', params: { actual: stated.label, expected: own.grade.label, reason } };
}

/** The organizations whose grade is trusted, by grade and quota class. */
function quotaCount(s: Scheme, d: DetailTable, grades: Array<GradeBand | null>): QuotaCount {
  const entries: Array<{ grade: string; category: string | null }> = [];
  d.parsed.forEach((o, i) => {
    const g = grades[i];
    if (g) entries.push({ grade: g.label, category: o.categoryOk ? (s.categories.find((c) => c.key === o.org.category)?.name ?? null) : null });
  });
  return countQuota(s, entries);
}

/**
 * Quotas are about the whole sheet: pointed at the 等次 header. They are the committee's decision,
 * "in principle" and audited by the county at review (审核备案), not a fault in the data: a breach
 * warns the township and shows as 不符合 in the receipt and the county's completeness view, but
 * never blocks the upload (a 4-organization township could otherwise never report a 好).
 */
function quotaIssues(s: Scheme, d: DetailTable, count: QuotaCount): Issue[] {
  if (count.graded === 0) return [];
  const q = quotaVerdict(s, count);
  const h = d.table.header;
  const where: Where = d.col('grade') && h ? { sheet: d.sheet, cell: cellAddress(d.col('grade'), h.firstRow) } : { sheet: d.sheet };
  return q.breaches.map((b) => ({
    code: b.code,
    num: ISSUES[b.code].num,
    severity: 'warning' as const,
    ...where,
    message: locationText(where) + b.message,
    params: { count: b.count, of: b.of, share: b.share, limit: b.limit },
  }));
}
