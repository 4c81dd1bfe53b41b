// The one reader of untrusted .xlsx files (task pane, standalone page, server): bytes → zip
// directory checked against every local header → package → styles and shared strings → each
// worksheet streamed into the sheet model. Every other entry is inflated too, only to prove it
// is what its headers say. It never throws: a refusal is one Chinese issue, anything unexpected
// becomes WORKBOOK_UNREADABLE.
import { makeIssue } from '../issues/catalogue';
import type { Issue } from '../issues/types';
import type { SheetModel, WorkbookModel } from '../workbook/model';
import { isXmlName, readZipDirectory, type ZipDirectory, type ZipEntry } from '../zip/directory';
import { inflateEntry, Pacer } from '../zip/inflate';
import { Refusal, refuse } from '../zip/refusal';
import { readLimits, type ReadLimits } from './limits';
import { readPackage } from './package';
import { readSharedStrings } from './shared-strings';
import { readDateStyles } from './styles';
import { readWorksheet, type WorkbookContext } from './worksheet';

export interface WorkbookReadOptions {
  /**
   * Sheets whose cells the caller never looks at (the validator ignores the template's 汇总表):
   * they are verified like every other entry — inflated to the last byte against sizes and CRC,
   * scanned for DOCTYPE — but not parsed, and come back with no rows.
   */
  skipSheet?: (name: string) => boolean;
}

export interface WorkbookRead {
  /** Null when the file was refused; then `issues` says why. */
  model: WorkbookModel | null;
  issues: Issue[];
  /**
   * When the only refusals are of cells (a character no workbook may hold, a text too long), the
   * workbook as read with those cells cleaned: only to tell which organization each cell is about.
   */
  cleaned?: WorkbookModel;
}

const LT = 0x3c;
const BANG = 0x21;

function lower(c: number | undefined): number {
  return c !== undefined && c >= 0x41 && c <= 0x5a ? c + 32 : (c ?? 0);
}

function wordAt(b: Uint8Array, at: number, word: string): boolean {
  for (let k = 0; k < word.length; k++) if (lower(b[at + k]) !== word.charCodeAt(k)) return false;
  return true;
}

/**
 * XML parts nobody here parses (drawings, VML that is often not well-formed) are still scanned
 * for `<!DOCTYPE`/`<!ENTITY`, across chunk boundaries: whoever opens the stored file later is
 * not exposed to them either.
 */
async function scanForDoctype(bytes: Uint8Array, e: ZipEntry, pacer: Pacer): Promise<void> {
  let carry = new Uint8Array(0);
  // Every `<!` whose `<` is before `end` (the rest waits for the next chunk, with room for the
  // word). Found by its `!`, far rarer in XML than `<`.
  const look = (buf: Uint8Array, end: number) => {
    for (let i = buf.indexOf(BANG, 1); i > 0 && i <= end; i = buf.indexOf(BANG, i + 1)) {
      if (buf[i - 1] === LT && (wordAt(buf, i + 1, 'doctype') || wordAt(buf, i + 1, 'entity'))) refuse(makeIssue('XML_DOCTYPE', { entry: e.name }));
    }
  };
  await inflateEntry(
    bytes,
    e,
    (chunk) => {
      const buf = carry.length ? concat(carry, chunk) : chunk;
      const end = Math.max(0, buf.length - 9);
      look(buf, end);
      carry = buf.slice(end);
    },
    pacer,
  );
  look(carry, carry.length);
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

/** Every entry the reader did not parse: inflated to the last byte against both headers' size and CRC, then dropped. */
async function verifyOthers(bytes: Uint8Array, dir: ZipDirectory, parsed: ReadonlySet<ZipEntry>, pacer: Pacer): Promise<void> {
  for (const e of dir.entries) {
    if (parsed.has(e)) continue;
    if (isXmlName(e.key)) await scanForDoctype(bytes, e, pacer);
    else await inflateEntry(bytes, e, () => undefined, pacer);
  }
}

async function read(bytes: Uint8Array, L: ReadLimits, opts: WorkbookReadOptions): Promise<WorkbookRead> {
  const pacer = new Pacer();
  const dir = readZipDirectory(bytes, L);
  const pkg = await readPackage(bytes, dir, L, pacer);
  const parsed = new Set<ZipEntry>(pkg.parsed);
  const skipped = new Set(pkg.sheets.filter((s) => opts.skipSheet?.(s.name)));
  for (const s of pkg.sheets) if (!skipped.has(s)) parsed.add(s.entry);
  if (pkg.sharedStrings) parsed.add(pkg.sharedStrings);
  if (pkg.styles) parsed.add(pkg.styles);
  // Cheap proofs first: a bomb among the images is refused before any sheet is parsed.
  await verifyOthers(bytes, dir, parsed, pacer);
  const dateStyles = await readDateStyles(bytes, pkg.styles, L, pacer);
  const sst = await readSharedStrings(bytes, pkg.sharedStrings, L, pacer);
  const ctx: WorkbookContext = { L, sst, dateStyles, date1904: pkg.date1904, recalcOnLoad: pkg.recalcOnLoad, cells: 0, textChars: sst.chars, merges: 0, issues: [] };
  const sheets: SheetModel[] = [];
  for (const part of pkg.sheets) sheets.push(skipped.has(part) ? { name: part.name, state: part.state, rows: [] } : await readWorksheet(bytes, part, ctx, pacer));
  if (ctx.issues.length > 0) return { model: null, issues: ctx.issues, cleaned: { sheets } };
  return { model: { sheets }, issues: [] };
}

export async function readWorkbook(bytes: Uint8Array, limits: Partial<ReadLimits> = {}, opts: WorkbookReadOptions = {}): Promise<WorkbookRead> {
  try {
    return await read(bytes, readLimits(limits), opts);
  } catch (e) {
    if (e instanceof Refusal) return { model: null, issues: [e.issue] };
    // A fault of the reader itself: the clerk gets one Chinese sentence, not a stack trace.
    return { model: null, issues: [makeIssue('WORKBOOK_UNREADABLE', { detail: '读取时发生意外错误' })] };
  }
}
