// One organization's row of the detail list: each field parsed on its own (fields/), then the
// checks between fields — total against the scores, grade against the total — run only on what
// is not already in error, so one cause gives one message, at the cell the clerk typed.
import { makeIssue, type Where } from '../issues/catalogue';
import type { Issue } from '../issues/types';
import type { GradeBand, Scheme } from '../scheme/schema';
import { maxTotal } from '../scheme/lookup';
import { gradeTotal } from '../grade/grade';
import { parseScore, sumScores } from '../grade/score';
import type { OrgRow, OrgType } from '../submission/types';
import type { DetailKey } from '../template/definition';
import { colLetter } from '../workbook/a1';
import type { SheetCell, SheetRow } from '../workbook/model';
import { targetId } from './header';
import { categoryField } from './fields/category';
import { flagField } from './fields/flag';
import { isRowGradeFormula, isRowTotalFormula, shownFormula } from './fields/formula';
import { gradeField } from './fields/grade';
import { membersField } from './fields/members';
import { orgTypeField } from './fields/org-type';
import { scoreField } from './fields/score';
import { textField } from './fields/text';
import { totalField, totalIsFormula } from './fields/total';
import type { Field } from './fields/field';

/** A parsed row plus what the cross-row checks need. */
export interface ParsedOrg {
  org: OrgRow;
  /** The grade as the clerk meant it (stated, or recomputed when the file's own is downstream of an error); null when it cannot be told. */
  grade: GradeBand | null;
  /** The stated grade can be checked against the score and overrides: nothing upstream is in error. */
  checkable: boolean;
  /** The total the grade is judged by; with `altTotal`, either may explain the grade (a mismatch is reported at 总分 already). */
  judgedTotal: number | null;
  altTotal: number | null;
  categoryOk: boolean;
}

/** Where each field is, worked out once per header (rows are many, columns few). */
export interface DetailPlan {
  col: Record<DetailKey, number>;
  /** Column of each indicator's score, in scheme order (0: missing). */
  scores: number[];
  /** Column letters by column number. */
  letters: string[];
}

export function detailPlan(s: Scheme, columns: ReadonlyMap<string, number>): DetailPlan {
  const keys: DetailKey[] = ['seq', 'name', 'committee', 'category', 'orgType', 'parent', 'members', 'score', 'total', 'forcedBottom', 'newlyEstablished', 'grade', 'explanation', 'remark'];
  const col = Object.fromEntries(keys.map((k) => [k, columns.get(targetId(k)) ?? 0])) as Record<DetailKey, number>;
  const letters: string[] = [];
  for (const c of columns.values()) letters[c] = colLetter(c);
  return { col, scores: s.indicators.map((_, i) => columns.get(targetId('score', i)) ?? 0), letters };
}

export interface DetailRowContext {
  scheme: Scheme;
  sheet: string;
  plan: DetailPlan;
  /** A formula never calculated, reported once per column by the caller. */
  uncalculated(column: '总分' | '等次', cell: string): void;
}

export function parseDetailRow(ctx: DetailRowContext, row: SheetRow): { parsed: ParsedOrg; issues: Issue[] } {
  const s = ctx.scheme;
  const r = row.row;
  const issues: Issue[] = [];
  const plan = ctx.plan;
  const col = (key: DetailKey, i?: number) => (i === undefined ? plan.col[key] : (plan.scores[i] ?? 0));
  const cell = (key: DetailKey, i?: number): SheetCell | undefined => {
    const c = col(key, i);
    return c ? row.cells[c] : undefined;
  };
  const addr = (key: DetailKey, i?: number) => {
    const c = col(key, i);
    return c ? `${plan.letters[c] ?? ''}${r}` : undefined;
  };

  const nameF = textField(cell('name'), 'name', '党组织名称', where(ctx.sheet, addr('name')));
  const name = take(nameF, '', issues);
  if (nameF.ok && !name) issues.push(makeIssue('NAME_BLANK', {}, where(ctx.sheet, addr('name'))));
  const at = (key: DetailKey, i?: number): Where => where(ctx.sheet, addr(key, i), name);
  const has = (key: DetailKey, i?: number) => col(key, i) > 0;

  const committee = take(textField(cell('committee'), 'committee', '所属党(工)委', at('committee')), '', issues);
  const parent = take(textField(cell('parent'), 'parent', '所属党总支', at('parent')), '', issues);
  const category = has('category') ? take(categoryField(cell('category'), s, at('category')), null, issues) : null;
  const orgType: OrgType | null = has('orgType') ? take(orgTypeField(cell('orgType'), s, at('orgType')), null, issues) : null;
  const members = has('members') ? take(membersField(cell('members'), at('members')), null, issues) : null;

  // Scores. Text where the file's 总分 is a SUM formula is the error (the sum leaves it out).
  const textDropped = totalIsFormula(cell('total'));
  let scoreBad = false;
  let scoreText = false;
  const meant: Array<number | null> = s.indicators.map((ind, i) => {
    if (!has('score', i)) {
      scoreBad = true;
      return null;
    }
    const f = scoreField(cell('score', i), ind, at('score', i), textDropped);
    if (f.ok) return f.value.value;
    issues.push(f.issue);
    if (f.meant !== undefined) {
      scoreText = true;
      return f.meant;
    }
    scoreBad = true;
    return null;
  });
  const sum = meant.every((x): x is number => x !== null) ? sumScores(meant) : null;
  const scoresIssue = scoreBad || scoreText;

  // Total: checked against the sum only when every score is fine.
  let stated: number | null = null;
  let totalBad = false;
  if (has('total')) {
    const tc = cell('total');
    const f = totalField(tc, maxTotal(s), at('total'));
    if (!f.ok) {
      totalBad = true;
      if (!scoresIssue) issues.push(f.issue);
    } else if (f.value.kind === 'uncalculated') {
      if (isRowTotalFormula(f.value.formula, r, plan.scores)) ctx.uncalculated('总分', addr('total') ?? '');
      else {
        totalBad = true;
        if (!scoresIssue) issues.push(makeIssue('FORMULA_UNVERIFIED', { column: '总分', formula: shownFormula(f.value.formula) }, at('total')));
      }
    } else if (f.value.kind === 'blank') {
      if (!scoresIssue) {
        totalBad = true;
        issues.push(makeIssue('SCORE_BLANK', { name: '总分' }, at('total')));
      }
    } else {
      stated = f.value.value;
      if (!scoresIssue && sum !== null && Math.abs(stated - sum) > 1e-6) issues.push(makeIssue('TOTAL_MISMATCH', { total: stated, sum }, at('total')));
    }
  }
  // A text score: what the clerk meant is the sum with it; the file's own total is downstream.
  const judgedTotal = scoreBad ? null : scoreText ? sum : (stated ?? sum);
  const altTotal = !scoresIssue && stated !== null && sum !== null && stated !== sum ? sum : null;

  const flag = (key: 'forcedBottom' | 'newlyEstablished'): { value: boolean; bad: boolean } => {
    if (!has(key)) return { value: false, bad: false };
    const f = flagField(cell(key), s, at(key));
    if (f.ok) return { value: f.value, bad: false };
    issues.push(f.issue);
    return { value: false, bad: true };
  };
  const forced = flag('forcedBottom');
  const fresh = flag('newlyEstablished');
  const flags = { forcedBottom: forced.value, newlyEstablished: fresh.value };
  const upstream = scoresIssue || totalBad || forced.bad || fresh.bad;

  // Grade: a formula's result is downstream of everything above; a typed one is the clerk's own.
  let grade: GradeBand | null = null;
  let checkable = false;
  if (has('grade')) {
    const gc = cell('grade');
    const downstream = !!gc?.formula && upstream;
    const f = gradeField(gc, s, at('grade'));
    if (downstream) {
      // The file's grade follows the wrong total: what the clerk meant is the grade of the meant total.
      grade = judgedTotal !== null && !forced.bad && !fresh.bad ? gradeTotal(s, judgedTotal, flags).grade : null;
    } else if (!f.ok) {
      issues.push(f.issue);
    } else if (f.value.kind === 'uncalculated') {
      if (isRowGradeFormula(f.value.formula, s, r, { total: col('total'), newlyEstablished: col('newlyEstablished'), forcedBottom: col('forcedBottom') })) {
        ctx.uncalculated('等次', addr('grade') ?? '');
        grade = judgedTotal !== null && !forced.bad && !fresh.bad ? gradeTotal(s, judgedTotal, flags).grade : null;
      } else issues.push(makeIssue('FORMULA_UNVERIFIED', { column: '等次', formula: shownFormula(f.value.formula) }, at('grade')));
    } else {
      grade = f.value.band;
      checkable = judgedTotal !== null && !upstream;
    }
  }

  const explanation = take(textField(cell('explanation'), 'explanation', '情况说明', at('explanation'), 'free'), '', issues);
  const remark = take(textField(cell('remark'), 'remark', '备注', at('remark'), 'free'), '', issues);
  const seqV = cell('seq')?.v ?? null;
  const seq = parseScore(seqV instanceof Date ? null : seqV);

  const org: OrgRow = {
    row: r,
    seq: seq.kind === 'number' ? seq.value : null,
    name,
    committee: committee || null,
    category: category?.key ?? '',
    orgType,
    parentName: parent || null,
    members,
    scores: meant.map((x) => x ?? 0),
    total: judgedTotal ?? stated ?? sum ?? 0,
    grade: grade?.key ?? '',
    flags,
    explanation,
    remark,
  };
  return { parsed: { org, grade, checkable, judgedTotal, altTotal, categoryOk: !!category }, issues };
}

function where(sheet: string, cell: string | undefined, org?: string): Where {
  const w: Where = { sheet };
  if (cell) w.cell = cell;
  if (org) w.org = org;
  return w;
}

function take<T, D>(f: Field<T>, fallback: D, issues: Issue[]): T | D {
  if (f.ok) return f.value;
  issues.push(f.issue);
  return fallback;
}
