// Text that is safe to write into a workbook. Whatever a township stored (a name carrying U+FFFE,
// a control character pasted from another system, a million-character cell, a leading "=") must
// not make the county's workbook invalid XML, overflow Excel's cell limit or turn into a formula.
// The print writer (shared/print) passes every string it writes through `safeText` — one place.

/** Excel's limit on the characters in one cell. */
export const MAX_CELL_CHARS = 32767;

/** Put at the end of a cell that had to be cut, so a reader knows text is missing. */
export const CUT_MARKER = '…（内容过长，已截断）';

// Characters XML 1.0 forbids (C0 controls except tab/LF/CR, lone surrogates, U+FFFE/U+FFFF) and
// the other non-characters (U+FDD0–U+FDEF, U+xFFFE/U+xFFFF in every plane), which spreadsheet
// programs refuse or mangle. `u` flag: a lone surrogate is one code point, a pair is kept whole.
// eslint-disable-next-line no-control-regex -- matching control characters is this regex's purpose
const UNSAFE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFDD0-\uFDEF\uFFFE\uFFFF]|[\uD800-\uDFFF]|[\u{1FFFE}\u{1FFFF}\u{2FFFE}\u{2FFFF}\u{3FFFE}\u{3FFFF}\u{4FFFE}\u{4FFFF}\u{5FFFE}\u{5FFFF}\u{6FFFE}\u{6FFFF}\u{7FFFE}\u{7FFFF}\u{8FFFE}\u{8FFFF}\u{9FFFE}\u{9FFFF}\u{AFFFE}\u{AFFFF}\u{BFFFE}\u{BFFFF}\u{CFFFE}\u{CFFFF}\u{DFFFE}\u{DFFFF}\u{EFFFE}\u{EFFFF}\u{FFFFE}\u{FFFFF}\u{10FFFE}\u{10FFFF}]/gu;

/**
 * The text as it may be written: unsafe characters removed, cut to Excel's cell limit with
 * `CUT_MARKER` (never splitting a surrogate pair). Ordinary text comes back unchanged (same string).
 */
export function safeText(s: string): string {
  UNSAFE.lastIndex = 0;
  let out = UNSAFE.test(s) ? s.replace(UNSAFE, '') : s;
  if (out.length > MAX_CELL_CHARS) {
    let end = MAX_CELL_CHARS - CUT_MARKER.length;
    const c = out.charCodeAt(end - 1);
    if (c >= 0xd800 && c <= 0xdbff) end--;
    out = out.slice(0, end) + CUT_MARKER;
  }
  return out;
}

/**
 * Text a spreadsheet could take for a formula if it were typed or re-entered (= + - @, or a
 * leading tab/CR that some programs strip first). The writer gives such cells the Text number
 * format ("@"), so Excel, WPS and LibreOffice keep them as typed, also after an edit.
 */
export function looksLikeFormula(s: string): boolean {
  const c = s.charCodeAt(0);
  // = + - @ tab CR, and their full-width forms (Chinese IMEs type ＝ ＋ － ＠).
  return c === 0x3d || c === 0x2b || c === 0x2d || c === 0x40 || c === 0x09 || c === 0x0d || c === 0xff1d || c === 0xff0b || c === 0xff0d || c === 0xff20;
}
