// A1 addresses, the way issues name cells. It imports nothing, so the custom-functions bundle
// can use it without pulling in the workbook reader.

/** 1 → "A", 27 → "AA". */
export function colLetter(n: number): string {
  let s = '';
  let x = n;
  while (x > 0) {
    const r = (x - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    x = Math.floor((x - 1) / 26);
  }
  return s;
}

/** "A" → 1, "aa" → 27. */
export function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function cellAddress(col: number, row: number): string {
  return `${colLetter(col)}${row}`;
}

const FIRST_CELL = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})/;

/** The first cell of "H12", "$H$12" or "H12:K20" (1-based column); null when it is not A1. */
export function parseCell(ref: string): { col: number; row: number } | null {
  const m = FIRST_CELL.exec(ref.trim());
  if (!m || !m[1] || !m[2]) return null;
  return { col: colNumber(m[1]), row: Number(m[2]) };
}
