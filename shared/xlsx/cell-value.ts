// The scalar readings of a cell's <v> text, as Excel writes them. A value that does not read as its
// type (a "number" of letters, a boolean of 7) is not something a spreadsheet program saved.

/** Serial day number → Date, the 1900 (or 1904) date system, to the millisecond (as exceljs rounds). */
export function serialToDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000));
}

/** XML's own whitespace (space, tab, CR, LF) off both ends, as a schema's xsd:double or xsd:int value is read; U+3000 and NBSP stay. */
export function trimXmlSpace(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && isXmlSpace(s.charCodeAt(a))) a++;
  while (b > a && isXmlSpace(s.charCodeAt(b - 1))) b--;
  return a === 0 && b === s.length ? s : s.slice(a, b);
}

const isXmlSpace = (c: number) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;

/**
 * xsd:double as Excel writes it, whitespace around it allowed (pretty-printed XML has it, and
 * LibreOffice reads it); null for anything else (hex, Infinity, trailing letters, blank).
 */
export function parseNumber(raw: string): number | null {
  const s = trimXmlSpace(raw);
  const n = Number(s);
  if (!Number.isFinite(n)) return null;
  // Number() also takes "", "  ", "0x1A", "0b1" and "0o7"; Excel writes none of them.
  const c = s.charCodeAt(s.length - 1);
  if (!(c >= 0x30 && c <= 0x39) && c !== 0x2e) return null;
  for (let i = 0; i < s.length && i < 3; i++) {
    const x = s.charCodeAt(i) | 0x20;
    if (x === 0x78 || x === 0x62 || x === 0x6f) return null;
  }
  return n;
}

export function parseBool(s: string): boolean | null {
  const t = s.trim();
  if (t === '1' || t === 'true') return true;
  if (t === '0' || t === 'false') return false;
  return null;
}

/** t="d": an ISO 8601 date or date-time; without a zone it is taken as written (UTC in the model, as serial dates are). */
export function parseIsoDate(s: string): Date | null {
  const t = s.trim();
  let zoned = t.endsWith('Z') || t.endsWith('z');
  const tail = t.slice(-6);
  if ((tail.startsWith('+') || tail.startsWith('-')) && tail[3] === ':') zoned = true;
  const d = new Date(t.length <= 10 || zoned ? t : `${t}Z`);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** "AB12" → column 28 and row 12; null when it is not a plain A1 reference inside Excel's grid. */
export function parseRef(ref: string): { col: number; row: number } | null {
  let i = 0;
  let col = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 0x41 && c <= 0x5a) col = col * 26 + (c - 0x40);
    else if (c >= 0x61 && c <= 0x7a) col = col * 26 + (c - 0x60);
    else break;
    if (col > MAX_COL) return null;
  }
  if (i === 0 || i === ref.length) return null;
  let row = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return null;
    row = row * 10 + (c - 0x30);
    if (row > MAX_ROW) return null;
  }
  return row >= 1 ? { col, row } : null;
}

/** A row's r attribute: 1 to 1,048,576. */
export function parseRowNumber(s: string): number | null {
  if (s.length === 0 || s.length > 7) return null;
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return null;
    n = n * 10 + (c - 0x30);
  }
  return n >= 1 && n <= MAX_ROW ? n : null;
}

export const MAX_COL = 16_384;
export const MAX_ROW = 1_048_576;
