// A 总分 or 等次 formula saved without its result (a script wrote the file and no spreadsheet
// calculated it). The engine recalculates it only when the formula is the template's own for
// its row, or a plain sum of the row's scores: then the engine's rule is what any spreadsheet
// would show. Any other formula (one left pointing at another row after a script inserted rows,
// a sum that leaves out an indicator, ="好") has a value only a spreadsheet can tell.
import type { Scheme } from '../../scheme/schema';
import { gradeFormulaAt, totalFormulaOver, type GradeInputs } from '../../template/formulas';
import { cellAddress } from '../../workbook/a1';

/** What is compared: no "=", "$", _xlfn. prefixes or spaces, upper case; literals kept as written. */
export function formulaShape(f: string): string {
  let out = '';
  let inText = false;
  const t = f.trim().replace(/^=/, '');
  for (const ch of t) {
    if (ch === '"') inText = !inText;
    if (inText || ch === '"') out += ch;
    else if (ch !== '$' && ch !== ' ' && ch !== '\t' && ch !== '\r' && ch !== '\n') out += ch.toUpperCase();
  }
  return out.replace(/_XLFN\.|_XLWS\./g, '');
}

/** Whether `f` sums exactly the row's score cells (`scoreCols`, 1-based) the way the template or a clerk would. */
export function isRowTotalFormula(f: string, row: number, scoreCols: readonly number[]): boolean {
  if (!scoreCols.length || scoreCols.some((c) => c < 1)) return false;
  const shape = formulaShape(f);
  const cells = scoreCols.map((c) => cellAddress(c, row));
  const sorted = [...scoreCols].sort((a, b) => a - b);
  const first = sorted[0] as number;
  const last = sorted[sorted.length - 1] as number;
  if (last - first === sorted.length - 1 && new Set(sorted).size === sorted.length) {
    const range = `${cellAddress(first, row)}:${cellAddress(last, row)}`;
    // Today's template, its first version (templates issued then may still be filled), a plain sum.
    const forms = [totalFormulaOver(range), `IF(COUNT(${range})=0,"",ROUND(SUM(${range}),6))`, `SUM(${range})`, `ROUND(SUM(${range}),6)`];
    if (forms.some((x) => formulaShape(x) === shape)) return true;
  }
  // The cells one by one, in any order: SUM(H5,I5,…) or H5+I5+….
  const terms = shape.startsWith('SUM(') && shape.endsWith(')') ? shape.slice(4, -1).split(',') : shape.split('+');
  return terms.length === cells.length && new Set(terms).size === cells.length && terms.every((x) => cells.includes(x));
}

/** Whether `f` is the template's 等次 formula for this row, its inputs where the sheet has them. */
export function isRowGradeFormula(f: string, s: Scheme, row: number, at: GradeInputs): boolean {
  if (at.total < 1) return false;
  const shape = formulaShape(f);
  const today = formulaShape(gradeFormulaAt(s, at, row));
  if (shape === today) return true;
  // The first template's: IF(O5="","",…) around the same bands.
  const t = cellAddress(at.total, row);
  const head = `IF(ISNUMBER(${t}),`;
  const bands = today.startsWith(head) && today.endsWith(',"")') ? today.slice(head.length, -',"")'.length) : null;
  return bands !== null && shape === `IF(${t}="","",${bands})`;
}

/** The formula as a message quotes it, with its "=" (the catalogue cuts a long one). */
export function shownFormula(f: string): string {
  return `=${f.trim().replace(/^=/, '')}`;
}
