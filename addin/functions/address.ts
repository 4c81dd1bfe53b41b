// Where a range starts on the sheet, from Excel's parameter address ("Sheet1!B5:H200",
// "'一览表 (2)'!$H$5", "[Book1]Sheet1!H5"), so messages can name real rows and cells.

import { cellAddress as a1, parseCell } from '../../shared/workbook/a1';

export interface Origin {
  /** 1-based sheet row of the range's first row. */
  row: number;
  /** 0-based column index of the range's first column (A = 0). */
  col: number;
}

export function parseOrigin(address: string | null | undefined): Origin | null {
  if (!address) return null;
  const first = parseCell(address.slice(address.lastIndexOf('!') + 1));
  return first ? { row: first.row, col: first.col - 1 } : null;
}

export function cellAddress(o: Origin, rowOffset: number, colOffset: number): string {
  return a1(o.col + colOffset + 1, o.row + rowOffset);
}
