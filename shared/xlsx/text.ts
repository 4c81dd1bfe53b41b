// Cell text as Excel means it. Characters XML cannot carry are written as `_xHHHH_` (`_x000D_` for
// a carriage return, `_x005F_` for a literal underscore before such a sequence); they are decoded
// here, once, for every string a cell can hold. What decodes to a character no workbook may
// contain (C0 controls other than tab/line feed/carriage return, U+FFFE, U+FFFF, a lone
// surrogate) is dropped from the value and reported, so it never reaches storage or a written
// workbook.

/** Receives the first dropped character's code (or stays -1). */
export interface Dropped {
  code: number;
}

function hex(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x41 && c <= 0x46) return c - 0x37;
  if (c >= 0x61 && c <= 0x66) return c - 0x57;
  return -1;
}

function escapeAt(s: string, i: number): number {
  if (i + 6 >= s.length || s.charCodeAt(i + 6) !== 0x5f) return -1;
  let code = 0;
  for (let k = 2; k < 6; k++) {
    const h = hex(s.charCodeAt(i + k));
    if (h < 0) return -1;
    code = code * 16 + h;
  }
  return code;
}

function allowed(c: number): boolean {
  return c >= 0x20 ? c !== 0xfffe && c !== 0xffff : c === 0x09 || c === 0x0a || c === 0x0d;
}

/** Removes what no workbook may hold; notes the first removed character in `dropped`. */
function sanitize(s: string, dropped: Dropped): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    let ok = allowed(c);
    if (c >= 0xd800 && c <= 0xdbff) {
      const n = s.charCodeAt(i + 1);
      if (n >= 0xdc00 && n <= 0xdfff) {
        i++;
        continue;
      }
      ok = false;
    } else if (c >= 0xdc00 && c <= 0xdfff) ok = false;
    if (ok) continue;
    if (dropped.code < 0) dropped.code = c;
    out += s.slice(from, i);
    from = i + 1;
  }
  return from === 0 ? s : out + s.slice(from);
}

/** `_xHHHH_` → the character; then drops what cannot be kept. Text without `_x` comes back as is. */
export function decodeCellText(raw: string, dropped: Dropped): string {
  let i = raw.indexOf('_x');
  if (i < 0) return raw;
  let out = '';
  let from = 0;
  let suspicious = false;
  while (i >= 0) {
    const code = escapeAt(raw, i);
    if (code < 0) {
      i = raw.indexOf('_x', i + 1);
      continue;
    }
    out += raw.slice(from, i) + String.fromCharCode(code);
    if (!allowed(code) || (code >= 0xd800 && code <= 0xdfff)) suspicious = true;
    from = i + 7;
    i = raw.indexOf('_x', from);
  }
  if (from === 0) return raw;
  out += raw.slice(from);
  return suspicious ? sanitize(out, dropped) : out;
}

/** "U+FFFE": how a dropped character is named in a message. */
export function codePointName(code: number): string {
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * A copy of `s` that does not keep alive the 64 KB piece of decoded XML it was cut from (engines
 * cut long substrings as views of their parent string): what goes into the sheet model costs its
 * own length, not the whole part.
 */
export function detach(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}
