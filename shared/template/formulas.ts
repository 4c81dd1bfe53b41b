// Native formulas for 总分 and 等次, so a sheet works without the add-in (WPS, LibreOffice, Excel
// without add-ins). They restate the engine's rules for one row; `gradeByFormulaRules` is the same
// rule in TypeScript and is what cached results are computed with.
//
// A score typed as text ("１４", "18分", a number pasted as text) is not silently left out of the
// total, as SUM alone would: the total shows TEXT_SCORE_MARK and the grade stays blank until the
// clerk types a number. COUNT/COUNTA/ISNUMBER behave the same in Excel, WPS and LibreOffice.
import { FLAG_CHOICES, type DetailColumn, type DetailKey } from './definition';
import type { Scheme } from '../scheme/schema';
import { gradeTotal } from '../grade/grade';
import { sumScores } from '../grade/score';
import { normalizeLabel } from '../text/normalize';
import { cellAddress } from '../workbook/a1';

/** 1-based column of each key in the generated layout (first score column for 'score'). */
export function columnIndex(cols: readonly DetailColumn[], key: DetailKey): number {
  const i = cols.findIndex((c) => c.key === key);
  return i < 0 ? 0 : i + 1;
}

function quote(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

/** Values that the formulas treat as "yes": the dropdown's 是 plus the common marks. */
const FORMULA_YES = [FLAG_CHOICES[0], '√', 'Y'];

function flagTest(ref: string): string {
  return `OR(${FORMULA_YES.map((y) => `${ref}=${quote(y)}`).join(',')},${ref}=1)`;
}

/** What the 总分 formula shows while a score cell holds text instead of a number. */
export const TEXT_SCORE_MARK = '分数须为数字';

export function totalFormula(cols: readonly DetailColumn[], row: number): string {
  const first = columnIndex(cols, 'score');
  const last = first + cols.filter((c) => c.key === 'score').length - 1;
  return totalFormulaOver(`${cellAddress(first, row)}:${cellAddress(last, row)}`);
}

/** The 总分 formula over one row's score range ("H5:N5"). */
export function totalFormulaOver(range: string): string {
  // ROUND(…,6) mirrors sumScores, so 89.9 + 0.1 reaches the 90 edge in every spreadsheet.
  return `IF(COUNTA(${range})=0,"",IF(COUNT(${range})<COUNTA(${range}),${quote(TEXT_SCORE_MARK)},ROUND(SUM(${range}),6)))`;
}

/** Where the 等次 formula's inputs are: 1-based columns, 0 for a column the sheet does not have. */
export interface GradeInputs {
  total: number;
  newlyEstablished: number;
  forcedBottom: number;
}

export function gradeFormula(s: Scheme, cols: readonly DetailColumn[], row: number): string {
  return gradeFormulaAt(s, { total: columnIndex(cols, 'total'), newlyEstablished: columnIndex(cols, 'newlyEstablished'), forcedBottom: columnIndex(cols, 'forcedBottom') }, row);
}

/** The 等次 formula of a row whose inputs are in the columns given. */
export function gradeFormulaAt(s: Scheme, at: GradeInputs, row: number): string {
  const t = cellAddress(at.total, row);
  const grades = s.grades;
  let band = quote(grades[grades.length - 1]?.label ?? '');
  for (let i = grades.length - 2; i >= 0; i--) {
    const g = grades[i];
    if (g) band = `IF(${t}>=${g.min},${quote(g.label)},${band})`;
  }
  let expr = band;
  const o = s.overrides;
  const newCol = at.newlyEstablished;
  if (o.newlyEstablishedCap.enabled && newCol) {
    const capRank = grades.findIndex((g) => g.key === o.newlyEstablishedCap.capGrade);
    const above = grades[capRank - 1];
    const cap = grades[capRank];
    if (capRank > 0 && above && cap) {
      expr = `IF(AND(${flagTest(cellAddress(newCol, row))},${t}>=${above.min}),${quote(cap.label)},${expr})`;
    }
  }
  const forcedCol = at.forcedBottom;
  if (o.forcedBottom.enabled && forcedCol) {
    expr = `IF(${flagTest(cellAddress(forcedCol, row))},${quote(grades[grades.length - 1]?.label ?? '')},${expr})`;
  }
  // ISNUMBER, not ="": text compares above every number, so "分数须为数字">=90 would read 好.
  return `IF(ISNUMBER(${t}),${expr},"")`;
}

/** What the formulas' flag test accepts. */
export function formulaFlag(v: unknown): boolean {
  if (v === 1) return true;
  if (typeof v !== 'string') return false;
  const n = normalizeLabel(v);
  return FORMULA_YES.some((y) => normalizeLabel(y) === n);
}

/** The 总分 formula's result: blank when every score cell is blank, TEXT_SCORE_MARK when one holds text. */
export function totalByFormulaRules(scores: readonly unknown[]): number | '' | typeof TEXT_SCORE_MARK {
  const filled = scores.filter((v) => v !== null && v !== undefined && v !== '');
  if (!filled.length) return '';
  const nums = filled.filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  return nums.length < filled.length ? TEXT_SCORE_MARK : sumScores(nums);
}

/** The 等次 formula's result for a total and the two flag cells. */
export function gradeByFormulaRules(s: Scheme, total: unknown, forcedBottom: unknown, newlyEstablished: unknown): string {
  if (typeof total !== 'number' || !Number.isFinite(total)) return '';
  return gradeTotal(s, total, { forcedBottom: formulaFlag(forcedBottom), newlyEstablished: formulaFlag(newlyEstablished) }).grade.label;
}
