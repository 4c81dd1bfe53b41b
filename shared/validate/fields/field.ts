// What every field parser returns: the value as the clerk meant it, or the one issue at its cell.
import { makeIssue, type Where } from '../../issues/catalogue';
import type { Issue } from '../../issues/types';
import type { SheetCell } from '../../workbook/model';

export type Field<T> = { ok: true; value: T } | { ok: false; issue: Issue };

export function ok<T>(value: T): Field<T> {
  return { ok: true, value };
}

export function bad<T>(issue: Issue): Field<T> {
  return { ok: false, issue };
}

/** An error value (#REF!, #DIV/0!) is the cell's one issue, whatever the column. */
export function errorIn(cell: SheetCell | undefined, at: Where): Issue | null {
  return cell?.error ? makeIssue('CELL_ERROR', { value: cell.error }, at) : null;
}
