// From styles.xml only what tells a date from a number: each cell format (cellXfs/xf, indexed by
// a cell's `s`) → its number format id → built-in or custom (numFmts) → date or not.
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
  let inCellXfs = false;
  const tooMany = () => refuse(makeIssue('TOO_MANY_STYLES', { limit: L.maxStyles }));
  await parseXmlPart(
    bytes,
    entry,
    {
      open(name, a) {
        if (name === 'numFmt') {
          if (custom.size >= L.maxStyles) tooMany();
          custom.set(Number(a.numFmtId), isDateFormatCode(a.formatCode ?? ''));
        } else if (name === 'cellXfs') inCellXfs = true;
        else if (name === 'xf' && inCellXfs) {
          if (xfFormats.length >= L.maxStyles) tooMany();
          xfFormats.push(Number(a.numFmtId ?? 0));
        }
      },
      close(name) {
        if (name === 'cellXfs') inCellXfs = false;
      },
      text() {},
    },
    L,
    pacer,
  );
  return xfFormats.map((id) => custom.get(id) ?? isBuiltinDateFormat(id));
}
