// The names of a zip's entries, as spreadsheet programs write them: a name outside these is one
// where readers part ways (zip/directory.ts refuses it).

/** Flag bit 11: the entry's name is UTF-8 (else CP437). */
const FLAG_UTF8 = 0x800;

/** Writers name parts like xl/worksheets/sheet12.xml; this is far above any of them (and as long as the longest file name most file systems take). */
export const MAX_ENTRY_NAME = 255;

const SLASH = 0x2f;
const DOT = 0x2e;

/**
 * Why no spreadsheet program would write this entry name, or null. Such names are where readers
 * part ways: unzip writes "xl\worksheets\sheet1.xml" over xl/worksheets/sheet1.xml, "a/../b",
 * "a//b" and "/a" are another part or a file outside the folder to an extracting program, and
 * control characters (NUL ends a name in C; a right-to-left override shows "exe.png" as "gnp.exe")
 * make a name read differently than it is stored. Bytes that are not UTF-8 become U+FFFD here and
 * something else elsewhere; and a name not marked UTF-8 (flag bit 11) is CP437 to Python's
 * zipfile and unzip, so non-ASCII in it is another name there (openpyxl then misses the part).
 * Writers name parts in ASCII. One pass over the name: every upload's every entry comes here.
 */
export function badEntryName(name: string, flags: number): string | null {
  if (name.length === 0) return '名称为空';
  if (name.length > MAX_ENTRY_NAME) return `超过 ${MAX_ENTRY_NAME} 个字符`;
  const marked = (flags & FLAG_UTF8) !== 0;
  let segment = 0;
  // One "/" past the end closes the last segment; a folder's entry ends in "/", so its last segment is empty.
  for (let i = 0; i <= name.length; i++) {
    const c = i < name.length ? name.charCodeAt(i) : SLASH;
    if (c === SLASH) {
      const n = i - segment;
      if (n === 0 && i < name.length) return i === 0 ? '是绝对路径' : '含有空的路径段';
      if (name.charCodeAt(segment) === DOT && (n === 1 || (n === 2 && name.charCodeAt(segment + 1) === DOT))) return '含有“.”或“..”路径段';
      segment = i + 1;
    } else if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) return '含有控制字符';
    else if (c === 0x5c) return '含有反斜杠';
    else if (c > 0x7f) {
      if (c === 0xfffd) return '不是有效的 UTF-8 文字';
      if (!marked) return '含有未标明 UTF-8 编码的非 ASCII 字符';
      if ((c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)) return '含有控制字符';
    }
  }
  // A drive letter: "C:/…".
  if (name.charCodeAt(1) === 0x3a) return '是绝对路径';
  return null;
}
