// Where a range starts on the sheet, from Excel's parameter address ("Sheet1!B5:H200",
// "'一览表 (2)'!$H$5", "[Book1]Sheet1!H5"), so messages can name real rows and cells.

export interface Origin {
  /** 1-based sheet row of the range's first row. */
  row: number;
  /** 0-based column index of the range's first column (A = 0). */
  col: number;
}

const FIRST_CELL = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})/;

export function parseOrigin(address: string | null | undefined): Origin | null {
  if (!address) return null;
  const bang = address.lastIndexOf('!');
  const ref = address.slice(bang + 1).trim();
  const m = FIRST_CELL.exec(ref);
  if (!m || !m[1] || !m[2]) return null;
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]), col: col - 1 };
}

export function columnLetters(col: number): string {
  let n = col + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function cellAddress(o: Origin, rowOffset: number, colOffset: number): string {
  return `${columnLetters(o.col + colOffset)}${o.row + rowOffset}`;
}
