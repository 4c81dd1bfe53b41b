// What every field parser returns: the value as the clerk meant it, or the one issue at its cell.
import { makeIssue, type Where } from '../../issues/catalogue';
import type { Issue } from '../../issues/types';
import type { SheetCell } from '../../workbook/model';
import { shownFormula } from './formula';

export type Field<T> = { ok: true; value: T } | { ok: false; issue: Issue };

export function ok<T>(value: T): Field<T> {
  return { ok: true, value };
}

export function bad<T>(issue: Issue): Field<T> {
  return { ok: false, issue };
}

/**
 * An error value (#REF!, #DIV/0!) is the cell's one issue, whatever the column; so is a formula
 * saved without its result (only a spreadsheet can calculate it: read as blank, a filled score
 * would be "未填写"). 总分 and 等次 look at such formulas first (fields/formula.ts).
 */
export function errorIn(cell: SheetCell | undefined, at: Where): Issue | null {
  if (cell?.error) return makeIssue('CELL_ERROR', { value: cell.error }, at);
  if (cell?.noResult) return makeIssue('FORMULA_NO_VALUE', { formula: shownFormula(cell.formula ?? '') }, at);
  return null;
}
