// The streaming reader for big uploads (Node only): the same guards, the same row rules and the
// same ReadResult as shared's readSubmission, but rows flow from exceljs's WorkbookReader into the
// row-at-a-time readers, so a 100k-row sheet is never held as cells.
import { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import * as fs from 'node:fs/promises';
import ExcelJS from 'exceljs';
import {
  WorkbookValidator,
  formatBytes,
  guardLimits,
  guardXlsx,
  makeIssue,
  normalizeCell,
  rawCellValue,
  streamOrder,
  shortReason,
  DEFAULT_LIMITS,
  type ReadOptions,
  type ReadResult,
  type Scheme,
  type SheetRow,
  type SheetState,
} from '../../../shared';

/** Bytes, or a path to read (its size is checked before it is read). */
export async function readSubmissionStream(input: Uint8Array | string, scheme: Scheme, opts: ReadOptions = {}): Promise<ReadResult> {
  const limits = guardLimits(opts);
  let bytes: Uint8Array;
  if (typeof input === 'string') {
    const max = limits.maxBytes ?? DEFAULT_LIMITS.maxBytes;
    const st = await fs.stat(input);
    if (st.size > max) return { issues: [makeIssue('FILE_TOO_LARGE', { size: formatBytes(st.size), limit: formatBytes(max) })], submission: null };
    bytes = new Uint8Array(await fs.readFile(input));
  } else bytes = input;

  const g = guardXlsx(bytes, limits);
  if (!g.ok) return { issues: g.issues, submission: null };
  try {
    return await streamParts(streamOrder(bytes, g.entries), scheme);
  } catch (e) {
    return { issues: [makeIssue('WORKBOOK_UNREADABLE', { detail: shortReason(e) })], submission: null };
  }
}

/** Decodes UTF-8 across chunk boundaries. */
async function* utf8Chunks(it: AsyncIterable<unknown>): AsyncGenerator<string> {
  const d = new StringDecoder('utf8');
  for await (const c of it) {
    const s = typeof c === 'string' ? c : d.write(c as Buffer);
    if (s) yield s;
  }
  const tail = d.end();
  if (tail) yield tail;
}

type Entry = { setEncoding(enc: string): void };
type ReaderInternals = {
  _parseWorksheet(iterator: AsyncIterable<unknown>, sheetNo: string): Generator<unknown>;
  _parseSharedStrings(entry: Entry): AsyncGenerator<unknown>;
  _parseWorkbook(entry: Entry): Promise<void>;
  _parseRels(entry: Entry): Promise<void>;
  _parseStyles(entry: Entry): Promise<void>;
};

/**
 * exceljs 4.4's streaming reader decodes each zip chunk to text on its own, so a Chinese
 * character split across two chunks becomes "��" (seen as "一��" for 一般 in a 10k-row sheet).
 * Every XML part it parses is handed over as correctly decoded text instead.
 */
function utf8SafeReader(input: Readable, options: Partial<ExcelJS.stream.xlsx.WorkbookStreamReaderOptions>): ExcelJS.stream.xlsx.WorkbookReader {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, options);
  const r = reader as unknown as ReaderInternals;
  const proto = Object.getPrototypeOf(reader) as ReaderInternals;
  r._parseWorksheet = (iterator, sheetNo) => proto._parseWorksheet.call(reader, utf8Chunks(iterator), sheetNo);
  for (const m of ['_parseSharedStrings', '_parseWorkbook', '_parseRels', '_parseStyles'] as const) {
    const original = proto[m] as (e: Entry) => unknown;
    (r as unknown as Record<string, (e: Entry) => unknown>)[m] = (entry: Entry) => {
      entry.setEncoding('utf8');
      return original.call(reader, entry);
    };
  }
  return reader;
}

interface StreamedSheet extends AsyncIterable<ExcelJS.Row> {
  name: string;
  state?: string;
}

async function streamParts(bytes: Uint8Array, scheme: Scheme): Promise<ReadResult> {
  const reader = utf8SafeReader(Readable.from([Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)]), {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  // Merged ranges come after a sheet's rows in its XML, so this reader passes none.
  const v = new WorkbookValidator(scheme);
  for await (const ws of reader as unknown as AsyncIterable<StreamedSheet>) {
    const sink = v.sheet(ws.name, (ws.state ?? 'visible') as SheetState);
    for await (const row of ws) {
      const cells: SheetRow['cells'] = [];
      let any = false;
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        const n = normalizeCell(rawCellValue(cell));
        if (n) {
          cells[c] = n;
          any = true;
        }
      });
      if (any) sink.push(row.hidden ? { row: row.number, cells, hidden: true } : { row: row.number, cells });
    }
    sink.end();
  }
  return v.finish();
}
