// From styles.xml only what tells a date from a number: each cell format (cellXfs/xf, indexed by
// a cell's `s`) → its number format id → built-in or custom (numFmts) → date or not. Only the
// stylesheet's own numFmts and cellXfs count: a conditional format's <dxf> (in <dxfs>, or x14's in
// extLst) carries a numFmt of its own, and openpyxl numbers it from 164 like the cells' formats.
import { makeIssue } from '../issues/catalogue';
import type { ZipEntry } from '../zip/directory';
import type { Pacer } from '../zip/inflate';
import { refuse } from '../zip/refusal';
import type { ReadLimits } from './limits';
import { isBuiltinDateFormat, isDateFormatCode } from './number-format';
import { parseXmlPart } from './xml';

/** For each cell format index, whether its number format shows a date. */
export type DateStyles = readonly boolean[];

export async function readDateStyles(bytes: Uint8Array, entry: ZipEntry | null, L: ReadLimits, pacer: Pacer): Promise<DateStyles> {
  if (!entry) return [];
  const custom = new Map<number, boolean>();
  const xfFormats: number[] = [];
  // Depth 1 is <styleSheet>; numFmts and cellXfs are its children.
  let depth = 0;
  let inNumFmts = false;
  let inCellXfs = false;
  const tooMany = () => refuse(makeIssue('TOO_MANY_STYLES', { limit: L.maxStyles }));
  await parseXmlPart(
    bytes,
    entry,
    {
      open(name, a) {
        depth++;
        if (depth === 2 && name === 'numFmts') inNumFmts = true;
        else if (depth === 2 && name === 'cellXfs') inCellXfs = true;
        else if (depth === 3 && name === 'numFmt' && inNumFmts) {
          if (custom.size >= L.maxStyles) tooMany();
          custom.set(Number(a.numFmtId), isDateFormatCode(a.formatCode ?? ''));
        } else if (depth === 3 && name === 'xf' && inCellXfs) {
          if (xfFormats.length >= L.maxStyles) tooMany();
          xfFormats.push(Number(a.numFmtId ?? 0));
        }
      },
      close() {
        if (depth === 2) inNumFmts = inCellXfs = false;
        depth--;
      },
      text() {},
    },
    L,
    pacer,
  );
  return xfFormats.map((id) => custom.get(id) ?? isBuiltinDateFormat(id));
}
