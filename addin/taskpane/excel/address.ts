// Issues carry A1 addresses written by the validator; anything else (a whole-sheet issue, a
// stray label) must not reach getRange, where it would fail the whole batch.
const A1 = /^\$?[A-Za-z]{1,3}\$?[1-9][0-9]{0,6}(:\$?[A-Za-z]{1,3}\$?[1-9][0-9]{0,6})?$/;

export function isA1(cell: string | undefined): cell is string {
  return typeof cell === 'string' && A1.test(cell.trim());
}

/** A target in the workbook: a sheet and, where known, a cell or range in it. */
export interface CellRef {
  sheet: string;
  cell?: string;
}
