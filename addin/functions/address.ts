// Where a range starts on the sheet, from Excel's parameter address ("Sheet1!B5:H200",
// "'一览表 (2)'!$H$5", "[Book1]Sheet1!H5", "Sheet1!O:O"), so messages can name real rows and cells.

import { cellAddress as a1, colNumber, parseCell } from '../../shared/workbook/a1';

export interface Origin {
  /** 1-based sheet row of the range's first row. */
  row: number;
  /** 0-based column index of the range's first column (A = 0). */
  col: number;
}

/** A whole column or columns (O:O, $H:$N) or whole rows (5:200): Excel's addresses for =DJ.GRADE(O:O). */
const WHOLE_COLUMNS = /^\$?([A-Za-z]{1,3}):\$?[A-Za-z]{1,3}$/;
const WHOLE_ROWS = /^\$?([1-9][0-9]{0,6}):\$?[1-9][0-9]{0,6}$/;

export function parseOrigin(address: string | null | undefined): Origin | null {
  if (!address) return null;
  const ref = address.slice(address.lastIndexOf('!') + 1).trim();
  const first = parseCell(ref);
  if (first) return { row: first.row, col: first.col - 1 };
  const cols = WHOLE_COLUMNS.exec(ref)?.[1];
  if (cols) return { row: 1, col: colNumber(cols.toUpperCase()) - 1 };
  const rows = WHOLE_ROWS.exec(ref)?.[1];
  return rows ? { row: Number(rows), col: 0 } : null;
}

export function cellAddress(o: Origin, rowOffset: number, colOffset: number): string {
  return a1(o.col + colOffset + 1, o.row + rowOffset);
}
