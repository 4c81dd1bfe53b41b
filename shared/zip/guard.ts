// Checks on untrusted bytes before any parser sees them: a .xlsx is a zip, and a zip can lie
// (declared sizes), explode (a 1.4 MB file inflating to 490 MB), hide entities (XXE) or simply
// be something else (.xls renamed). Every refusal is one Chinese issue; memory stays bounded
// because entries are inflated chunk by chunk and the output is scanned, never kept.
import { Inflate } from 'pako';
import { makeIssue } from '../issues/catalogue';
import type { Issue } from '../issues/types';

export interface GuardLimits {
  /** Size of the file itself. */
  maxBytes: number;
  maxEntries: number;
  /** Sum of the entries' uncompressed sizes, declared and actual. */
  maxUncompressed: number;
  /** Per entry, for entries over 1 MB uncompressed. Real sheets stay well under 100. */
  maxEntryRatio: number;
  /** Whole file, when over 10 MB uncompressed. */
  maxTotalRatio: number;
  /** Rows in any one worksheet. */
  maxRows: number;
}

export const DEFAULT_LIMITS: GuardLimits = {
  maxBytes: 20 * 1024 * 1024,
  maxEntries: 10_000,
  maxUncompressed: 200 * 1024 * 1024,
  maxEntryRatio: 250,
  maxTotalRatio: 150,
  maxRows: 200_000,
};

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  size: number;
  /** Offset of the local header and of the compressed data. */
  localOffset: number;
  dataOffset: number;
}

export interface GuardResult {
  ok: boolean;
  issues: Issue[];
  entries: ZipEntry[];
  /** Rows counted per worksheet, by sheet name (or part name when the workbook does not say). */
  rows: Map<string, number>;
}

const MB = 1024 * 1024;

export function formatBytes(n: number): string {
  if (n >= MB) return `${(n / MB).toFixed(1)} MB`;
  if (n >= 1024) return `${(n / 1024).toFixed(0)} KB`;
  return `${n} 字节`;
}

function u16(b: Uint8Array, o: number): number {
  return (b[o] ?? 0) | ((b[o + 1] ?? 0) << 8);
}

function u32(b: Uint8Array, o: number): number {
  return ((b[o] ?? 0) | ((b[o + 1] ?? 0) << 8) | ((b[o + 2] ?? 0) << 16)) + (b[o + 3] ?? 0) * 0x1000000;
}

function latin1(b: Uint8Array, from = 0, to = b.length): string {
  let s = '';
  for (let i = from; i < to; i += 8192) s += String.fromCharCode(...b.subarray(i, Math.min(to, i + 8192)));
  return s;
}

/** UTF-8 without TextDecoder (shared has no DOM or Node types). */
function utf8(b: Uint8Array): string {
  try {
    return decodeURIComponent(escape(latin1(b)));
  } catch {
    return latin1(b);
  }
}

class Refusal extends Error {
  constructor(readonly issue: Issue) {
    super(issue.message);
  }
}

function refuse(issue: Issue): never {
  throw new Refusal(issue);
}

export function guardXlsx(bytes: Uint8Array, limits: Partial<GuardLimits> = {}): GuardResult {
  const L = { ...DEFAULT_LIMITS, ...limits };
  const rows = new Map<string, number>();
  try {
    const entries = checkContainer(bytes, L);
    scanEntries(bytes, entries, L, rows);
    return { ok: true, issues: [], entries, rows };
  } catch (e) {
    if (e instanceof Refusal) return { ok: false, issues: [e.issue], entries: [], rows };
    throw e;
  }
}

function checkContainer(b: Uint8Array, L: GuardLimits): ZipEntry[] {
  if (b.length === 0) refuse(makeIssue('FILE_EMPTY'));
  if (b.length > L.maxBytes) refuse(makeIssue('FILE_TOO_LARGE', { size: formatBytes(b.length), limit: formatBytes(L.maxBytes) }));
  if (b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0) refuse(makeIssue('FILE_OLD_XLS'));
  const isZip = b[0] === 0x50 && b[1] === 0x4b && (b[2] === 0x03 || b[2] === 0x05) && (b[3] === 0x04 || b[3] === 0x06);
  if (!isZip) refuse(makeIssue('FILE_NOT_XLSX', { detail: sniff(b) }));

  // End of central directory: the last 22 bytes plus up to 64 KB of comment.
  let eocd = -1;
  for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 0xffff); i--) {
    if (b[i] === 0x50 && b[i + 1] === 0x4b && b[i + 2] === 0x05 && b[i + 3] === 0x06) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) refuse(makeIssue('ZIP_TRUNCATED'));
  const count = u16(b, eocd + 10);
  const cdSize = u32(b, eocd + 12);
  const cdOffset = u32(b, eocd + 16);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) refuse(makeIssue('ZIP_UNSUPPORTED', { detail: 'ZIP64' }));
  if (u16(b, eocd + 4) !== 0 || u16(b, eocd + 6) !== 0) refuse(makeIssue('ZIP_UNSUPPORTED', { detail: '分卷压缩' }));
  if (count > L.maxEntries) refuse(makeIssue('ZIP_TOO_MANY_ENTRIES', { count, limit: L.maxEntries }));
  if (cdOffset + cdSize > eocd) refuse(makeIssue('ZIP_TRUNCATED'));

  const entries: ZipEntry[] = [];
  let p = cdOffset;
  let declared = 0;
  for (let k = 0; k < count; k++) {
    if (p + 46 > eocd || u32(b, p) !== 0x02014b50) refuse(makeIssue('ZIP_TRUNCATED'));
    const flags = u16(b, p + 8);
    const method = u16(b, p + 10);
    const compressedSize = u32(b, p + 20);
    const size = u32(b, p + 24);
    const nameLen = u16(b, p + 28);
    const extraLen = u16(b, p + 30);
    const commentLen = u16(b, p + 32);
    const local = u32(b, p + 42);
    const name = utf8(b.subarray(p + 46, p + 46 + nameLen));
    p += 46 + nameLen + extraLen + commentLen;
    if (compressedSize === 0xffffffff || size === 0xffffffff || local === 0xffffffff) refuse(makeIssue('ZIP_UNSUPPORTED', { detail: 'ZIP64' }));
    if (flags & 1) refuse(makeIssue('ZIP_UNSUPPORTED', { detail: '加密' }));
    if (method !== 0 && method !== 8) refuse(makeIssue('ZIP_UNSUPPORTED', { detail: `压缩方式 ${method}` }));
    declared += size;
    if (declared > L.maxUncompressed) refuse(makeIssue('ZIP_TOO_LARGE_UNCOMPRESSED', { size: formatBytes(declared), limit: formatBytes(L.maxUncompressed) }));
    if (size > MB && size / Math.max(1, compressedSize) > L.maxEntryRatio) {
      refuse(makeIssue('ZIP_RATIO', { entry: name, ratio: Math.round(size / Math.max(1, compressedSize)) }));
    }
    if (local + 30 > b.length || u32(b, local) !== 0x04034b50) refuse(makeIssue('ZIP_TRUNCATED'));
    const dataOffset = local + 30 + u16(b, local + 26) + u16(b, local + 28);
    if (dataOffset + compressedSize > b.length) refuse(makeIssue('ZIP_TRUNCATED'));
    entries.push({ name, method, flags, compressedSize, size, localOffset: local, dataOffset });
  }
  const compressed = entries.reduce((a, e) => a + e.compressedSize, 0);
  if (declared > 10 * MB && declared / Math.max(1, compressed) > L.maxTotalRatio) {
    refuse(makeIssue('ZIP_RATIO', { entry: '（整个文件）', ratio: Math.round(declared / Math.max(1, compressed)) }));
  }
  if (!entries.some((e) => e.name === 'xl/workbook.xml')) {
    const word = entries.some((e) => e.name.startsWith('word/'));
    const ppt = entries.some((e) => e.name.startsWith('ppt/'));
    const xlsb = entries.some((e) => e.name === 'xl/workbook.bin');
    const ods = entries.some((e) => e.name === 'content.xml') && entries.some((e) => e.name === 'mimetype');
    const detail = word ? '这是 Word 文档' : ppt ? '这是 PowerPoint 文档' : xlsb ? '这是 .xlsb 二进制工作簿' : ods ? '这是 OpenDocument 表格（.ods）' : '压缩包中没有工作簿';
    refuse(makeIssue('FILE_NOT_XLSX', { detail }));
  }
  return entries;
}

function sniff(b: Uint8Array): string {
  const head = latin1(b, 0, Math.min(b.length, 512)).trimStart().toLowerCase();
  if (head.startsWith('%pdf')) return '这是 PDF 文件';
  if (head.startsWith('<html') || head.startsWith('<!doctype html') || head.includes('<table')) return '这是网页（HTML）文件';
  if (head.startsWith('<?xml')) return '这是 XML 文件';
  if (b[0] === 0x52 && b[1] === 0x61 && b[2] === 0x72 && b[3] === 0x21) return '这是 RAR 压缩包';
  if (/^[\x20-\x7e\r\n\t,;]*$/.test(head) || head.includes(',')) return '可能是 CSV 或文本文件';
  return '';
}

const LOOKAHEAD = 24;

/** Inflates every entry in chunks: checks actual sizes against declared ones, finds DOCTYPE/ENTITY and counts rows. */
function scanEntries(b: Uint8Array, entries: ZipEntry[], L: GuardLimits, rows: Map<string, number>): void {
  let total = 0;
  const keep = new Map<string, string>();
  const sheetRows = new Map<string, number>();
  for (const e of entries) {
    const isXml = /\.(xml|rels|vml)$/i.test(e.name);
    const isSheet = /^xl\/worksheets\/[^/]+\.xml$/i.test(e.name);
    const wanted = e.name === 'xl/workbook.xml' || e.name === 'xl/_rels/workbook.xml.rels';
    if (!isXml && !wanted) {
      // Images and binaries: only their size matters, and the declared size was checked.
      total += e.size;
      continue;
    }
    let out = 0;
    let rowCount = 0;
    let carry = new Uint8Array(0);
    const kept: string[] = [];
    const onChunk = (chunk: Uint8Array, last: boolean) => {
      out += chunk.length;
      total += chunk.length;
      if (out > e.size + 1) refuse(makeIssue('ZIP_RATIO', { entry: e.name, ratio: Math.round(out / Math.max(1, e.compressedSize)) }));
      if (total > L.maxUncompressed) refuse(makeIssue('ZIP_TOO_LARGE_UNCOMPRESSED', { size: formatBytes(total), limit: formatBytes(L.maxUncompressed) }));
      if (wanted && out < 4 * MB) kept.push(latin1(chunk));
      const buf = carry.length ? concat(carry, chunk) : chunk;
      const end = last ? buf.length : Math.max(0, buf.length - LOOKAHEAD);
      const r = scanXml(buf, end, isSheet);
      if (r.doctype) refuse(makeIssue('XML_DOCTYPE', { entry: e.name }));
      rowCount += r.rows;
      if (isSheet && rowCount > L.maxRows) {
        refuse(makeIssue('TOO_MANY_ROWS', { sheet: sheetName(keep, e.name), rows: `${rowCount}+`, limit: L.maxRows }));
      }
      carry = buf.slice(end);
    };
    const data = b.subarray(e.dataOffset, e.dataOffset + e.compressedSize);
    if (e.method === 0) {
      for (let i = 0; i < data.length; i += 65536) onChunk(data.subarray(i, Math.min(data.length, i + 65536)), false);
    } else {
      const inf = new Inflate({ raw: true, chunkSize: 65536 });
      let status = 0;
      inf.onData = (chunk: Uint8Array) => onChunk(chunk, false);
      inf.onEnd = (st: number) => {
        status = st;
      };
      inf.push(data, true);
      if (status !== 0 || inf.err) refuse(makeIssue('ZIP_TRUNCATED'));
    }
    // Flush the lookahead kept back from the last chunk.
    onChunk(new Uint8Array(0), true);
    if (out + 1 < e.size) refuse(makeIssue('ZIP_TRUNCATED'));
    if (wanted) keep.set(e.name, kept.join(''));
    if (isSheet) sheetRows.set(e.name, rowCount);
  }
  for (const [part, n] of sheetRows) rows.set(sheetName(keep, part), n);
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

const LT = 0x3c;

function lower(c: number | undefined): number {
  return c !== undefined && c >= 0x41 && c <= 0x5a ? c + 32 : (c ?? 0);
}

function matchWord(b: Uint8Array, at: number, word: string): boolean {
  for (let k = 0; k < word.length; k++) if (lower(b[at + k]) !== word.charCodeAt(k)) return false;
  return true;
}

/** One pass over bytes: `<!DOCTYPE`/`<!ENTITY` anywhere, and `<row ` (any prefix) start tags. */
function scanXml(b: Uint8Array, end: number, countRows: boolean): { doctype: boolean; rows: number } {
  let rows = 0;
  // indexOf is native: it skips the text between tags far faster than a byte loop.
  for (let i = b.indexOf(LT); i >= 0 && i < end; i = b.indexOf(LT, i + 1)) {
    const n = b[i + 1];
    if (n === 0x21 && (matchWord(b, i + 2, 'doctype') || matchWord(b, i + 2, 'entity'))) return { doctype: true, rows };
    if (!countRows) continue;
    let j = i + 1;
    // Optional namespace prefix (x:row) of up to 8 characters.
    for (let k = 0; k < 9; k++) {
      const c = b[j + k];
      if (c === 0x3a) {
        j = j + k + 1;
        break;
      }
      if (c === undefined || !((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39))) break;
    }
    if (b[j] === 0x72 && b[j + 1] === 0x6f && b[j + 2] === 0x77) {
      const t = b[j + 3];
      if (t === 0x20 || t === 0x3e || t === 0x2f || t === 0x09 || t === 0x0a || t === 0x0d) rows++;
    }
  }
  return { doctype: false, rows };
}

/** xl/worksheets/sheet1.xml → the sheet's name, from workbook.xml and its rels. */
function sheetName(keep: Map<string, string>, part: string): string {
  const wb = keep.get('xl/workbook.xml');
  const rels = keep.get('xl/_rels/workbook.xml.rels');
  if (!wb || !rels) return part;
  const target = part.replace(/^xl\//, '');
  let id: string | null = null;
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const t = /Target="([^"]*)"/.exec(m[0])?.[1];
    if (t && (t === target || t === `/${part}` || t.endsWith(`/${target}`))) id = /Id="([^"]*)"/.exec(m[0])?.[1] ?? null;
  }
  if (!id) return part;
  for (const m of wb.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    if (new RegExp(`r:id="${id}"`).test(m[0])) {
      const name = /name="([^"]*)"/.exec(m[0])?.[1];
      if (name) return utf8(Uint8Array.from(name, (c) => c.charCodeAt(0))).replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"');
    }
  }
  return part;
}
