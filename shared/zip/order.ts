// exceljs's streaming reader reads a zip front to back and needs xl/workbook.xml, its rels and the
// shared strings before any worksheet: otherwise it crashes (sheet names unknown) or spools
// sheets to temp files. Files from some writers put worksheets first, so the local records are
// re-laid in the order it wants. Sizes were checked by the guard; nothing is inflated here.
import type { ZipEntry } from './guard';

const FIRST = ['xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/sharedStrings.xml', 'xl/styles.xml'];

function u32(b: Uint8Array, o: number): number {
  return ((b[o] ?? 0) | ((b[o + 1] ?? 0) << 8) | ((b[o + 2] ?? 0) << 16)) + (b[o + 3] ?? 0) * 0x1000000;
}

/** The end of an entry's local record, including a data descriptor when the entry has one. */
function recordEnd(b: Uint8Array, e: ZipEntry): number {
  let end = e.dataOffset + e.compressedSize;
  if (e.flags & 8) end += u32(b, end) === 0x08074b50 ? 16 : 12;
  return Math.min(end, b.length);
}

export function streamOrder(b: Uint8Array, entries: readonly ZipEntry[]): Uint8Array {
  const rank = (e: ZipEntry) => {
    const i = FIRST.indexOf(e.name);
    return i < 0 ? FIRST.length : i;
  };
  const sorted = entries.map((e, i) => ({ e, i })).sort((x, y) => rank(x.e) - rank(y.e) || x.i - y.i);
  if (sorted.every((x, k) => x.i === k)) return b;
  const parts = sorted.map(({ e }) => b.subarray(e.localOffset, recordEnd(b, e)));
  const out = new Uint8Array(parts.reduce((a, p) => a + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}
