// How wide text prints, in Excel's column-width units (the width of one "0" in the workbook's
// default font, print/default-font.ts). A Chinese character, full-width punctuation or a full-width
// digit takes about two units; that is what makes a column fitted to 非公有制经济组织 wide enough,
// where counting characters cuts it. Measured in LibreOffice's PDFs with Excel's unit (7 px): a
// 32-wide column holds 16 Chinese characters a line where 2 units count 15, a line is 14.5 pt where
// LINE_PT counts 15: about 10 % to spare for Excel's wider CJK. LibreOffice here takes Liberation
// Sans for the default Arial (a 7.4 px unit), a little more room than Excel (test/print/long-text.test.ts
// prints with both units).

/** East Asian wide and full-width code points (CJK, kana, Hangul, full-width forms, CJK quotes). */
function isWide(c: number): boolean {
  return (
    (c >= 0x1100 && c <= 0x115f) ||
    c === 0x2018 ||
    c === 0x2019 ||
    c === 0x201c ||
    c === 0x201d ||
    c === 0x2026 ||
    (c >= 0x2e80 && c <= 0xa4cf) ||
    (c >= 0xac00 && c <= 0xd7a3) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0xfe30 && c <= 0xfe4f) ||
    (c >= 0xff00 && c <= 0xff60) ||
    (c >= 0xffe0 && c <= 0xffe6) ||
    (c >= 0x20000 && c <= 0x3fffd)
  );
}

/** Print width of one line of text: 2 per wide character, 1 otherwise. */
export function textWidth(s: string): number {
  let w = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.codePointAt(i) ?? 0;
    if (c > 0xffff) i++;
    w += isWide(c) ? 2 : 1;
  }
  return w;
}

/**
 * Lines a text needs in a column of `width` units when wrapped, as spreadsheet programs wrap
 * Chinese text: character by character, a character that does not fit starts the next line
 * (explicit line breaks count too). Measured against LibreOffice's PDF output.
 */
export function wrappedLines(s: string, width: number): number {
  return wrap(s, width);
}

/** A piece of a text as `splitLines` cuts it, with how many wrapped lines it prints on. */
export interface LinePiece {
  text: string;
  lines: number;
}

/**
 * The text cut into pieces of at most `maxLines` wrapped lines each (the first of at most
 * `firstLines`), at the line boundaries `wrappedLines` counts (an explicit line break that ends a
 * piece is dropped), so each piece wraps in the same column exactly as its lines did in the whole
 * text: wrapping restarts at every line.
 */
export function splitLines(s: string, width: number, maxLines: number, firstLines = maxLines): LinePiece[] {
  const per = Math.max(1, Math.floor(maxLines));
  const out: LinePiece[] = [];
  let room = Math.max(1, Math.floor(firstLines));
  let from = 0;
  let lines = 1;
  const total = wrap(s, width, (at, newline) => {
    if (lines < room) {
      lines++;
      return;
    }
    out.push({ text: s.slice(from, newline ? at - 1 : at), lines });
    from = at;
    lines = 1;
    room = per;
  });
  if (out.length === 0) return [{ text: s, lines: total }];
  // A line break that ends the text leaves an empty last line: no piece of its own.
  if (from < s.length) out.push({ text: s.slice(from), lines });
  return out;
}

/**
 * The one wrapping rule: counts the lines of `s` in a column of `width` units; `lineStart`, when
 * given, hears where each line after the first starts (a UTF-16 index) and whether an explicit
 * line break (just before that index) started it.
 */
function wrap(s: string, width: number, lineStart?: (at: number, newline: boolean) => void): number {
  const room = Math.max(2, width - 0.5);
  let lines = 1;
  let cur = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.codePointAt(i) ?? 0;
    const start = i;
    if (c > 0xffff) i++;
    if (c === 0x0a) {
      lines++;
      cur = 0;
      lineStart?.(i + 1, true);
      continue;
    }
    const w = isWide(c) ? 2 : 1;
    if (cur > 0 && cur + w > room) {
      lines++;
      cur = 0;
      lineStart?.(start, false);
    }
    cur += w;
  }
  return lines;
}

/** A column width that shows every one of `texts` on one line, within [min, max]. */
export function fitWidth(texts: readonly string[], min: number, max = 60): number {
  let w = 0;
  for (const t of texts) w = Math.max(w, textWidth(t));
  return Math.min(max, Math.max(min, w + 2));
}
