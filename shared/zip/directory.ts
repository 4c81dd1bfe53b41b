// The zip container of an untrusted .xlsx, read from both ends: the central directory at the end
// says which entries exist, and each entry's own local header (what a streaming reader would
// trust) must say the same thing — name, method, flags, sizes and checksum. A file whose two
// views disagree is refused, so a sheet cannot hide as "xl/media/image1.png" in one view and be
// read as a worksheet in the other. Declared sizes are bounded here, before anything inflates.
// The layout is held to what zip writers produce, so that no reader can find anything else in
// the file: one end record, closing the file right after the directory, and the listed entries
// (local header, data, descriptor) tiling every byte before the directory, from the first byte
// on. A streaming reader (local headers front to back) then meets exactly the listed entries,
// and a second directory or an unlisted entry has nowhere to hide.
import { makeIssue } from '../issues/catalogue';
import type { Issue } from '../issues/types';
import { formatBytesOver, type ReadLimits } from '../xlsx/limits';
import { u16, u32 } from './bytes';
import { compoundContent } from './compound';
import { refuse } from './refusal';
import { utf8 } from './utf8';
import { badEntryName } from './entry-names';
export { MAX_ENTRY_NAME } from './entry-names';

export interface ZipEntry {
  /** The name as written (identical bytes in the central directory and the local header). */
  name: string;
  /** Lower-cased name: OPC part names compare without case, so lookups go through this. */
  key: string;
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
  dataOffset: number;
}

export interface ZipDirectory {
  entries: ZipEntry[];
  byKey: Map<string, ZipEntry>;
}

const MB = 1024 * 1024;
const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_END = 0x06054b50;
const SIG_DESCRIPTOR = 0x08074b50;
/** The longest zip comment LibreOffice still finds the end record behind (tried: 512 opens, 513 does not). */
const MAX_COMMENT = 512;
/** Flag bit 3: sizes and CRC follow the data in a data descriptor. */
export const FLAG_DESCRIPTOR = 0x8;

function sameBytes(b: Uint8Array, x: number, y: number, n: number): boolean {
  for (let i = 0; i < n; i++) if (b[x + i] !== b[y + i]) return false;
  return true;
}

/** XML parts get their own (larger) bound; everything else is an image or a binary. */
export function isXmlName(key: string): boolean {
  return key.endsWith('.xml') || key.endsWith('.rels') || key.endsWith('.vml');
}

/** What a file that is not a zip most likely is, for the refusal's detail. */
function sniff(b: Uint8Array): string {
  const head: number[] = [];
  for (let i = 0; i < Math.min(b.length, 512); i++) {
    const c = b[i] as number;
    head.push(c >= 0x41 && c <= 0x5a ? c + 0x20 : c);
  }
  const text = String.fromCharCode(...head).trimStart();
  if (text.startsWith('%pdf')) return '这是 PDF 文件';
  if (text.startsWith('<html') || text.startsWith('<!doctype html') || text.includes('<table')) return '这是网页（HTML）文件';
  if (text.startsWith('<?xml')) return '这是 XML 文件';
  if (b[0] === 0x52 && b[1] === 0x61 && b[2] === 0x72 && b[3] === 0x21) return '这是 RAR 压缩包';
  let printable = true;
  for (let i = 0; i < Math.min(b.length, 512); i++) {
    const c = b[i] as number;
    if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) printable = false;
  }
  return printable || text.includes(',') ? '可能是 CSV 或文本文件' : '';
}

/** A compound file is an old .xls, or a workbook with a password to open: each has its own remedy. */
function compoundRefusal(b: Uint8Array): Issue {
  switch (compoundContent(b)) {
    case 'encryptedPackage':
    case 'encryptedXls':
      return makeIssue('FILE_ENCRYPTED');
    case 'xls':
      return makeIssue('FILE_OLD_XLS');
    case 'unknown':
      return makeIssue('FILE_NOT_XLSX', { detail: '这是旧版 Office 格式（97–2003）的文件' });
  }
}

function findEnd(b: Uint8Array): number {
  for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 0xffff); i--) {
    if (b[i] === 0x50 && b[i + 1] === 0x4b && b[i + 2] === 0x05 && b[i + 3] === 0x06 && i + 22 + u16(b, i + 20) <= b.length) return i;
  }
  return -1;
}

export function readZipDirectory(b: Uint8Array, L: ReadLimits): ZipDirectory {
  if (b.length === 0) refuse(makeIssue('FILE_EMPTY'));
  if (b.length > L.maxFileBytes) refuse(makeIssue('FILE_TOO_LARGE', formatBytesOver(b.length, L.maxFileBytes)));
  if (b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0) refuse(compoundRefusal(b));
  if (b.length < 22 || u32(b, 0) !== SIG_LOCAL) {
    if (u32(b, 0) === SIG_END) refuse(makeIssue('FILE_NOT_XLSX', { detail: '压缩包中没有工作簿' }));
    refuse(makeIssue('FILE_NOT_XLSX', { detail: sniff(b) }));
  }

  const end = findEnd(b);
  if (end < 0) refuse(makeIssue('ZIP_TRUNCATED'));
  const count = u16(b, end + 10);
  const cdSize = u32(b, end + 12);
  const cdOffset = u32(b, end + 16);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) refuse(makeIssue('ZIP_UNSUPPORTED', { detail: 'ZIP64' }));
  if (u16(b, end + 4) !== 0 || u16(b, end + 6) !== 0 || u16(b, end + 8) !== count) refuse(makeIssue('ZIP_UNSUPPORTED', { detail: '分卷压缩' }));
  if (count > L.maxEntries) refuse(makeIssue('ZIP_TOO_MANY_ENTRIES', { count, limit: L.maxEntries }));
  if (cdOffset + cdSize > end) refuse(makeIssue('ZIP_TRUNCATED'));
  // The end record found is the last one; a reader that looks for the first, or that trusts a
  // record sitting between the directory and this one, would read another directory.
  if (cdOffset + cdSize < end) {
    refuse(makeIssue('ZIP_LAYOUT', { what: u32(b, cdOffset + cdSize) === SIG_END ? '有两个目录结尾记录' : '目录之后有多余的数据' }));
  }
  if (end + 22 + u16(b, end + 20) !== b.length) refuse(makeIssue('ZIP_LAYOUT', { what: '目录结尾记录之后有多余的数据' }));
  // No spreadsheet program writes a comment; LibreOffice looks for the end record only in the
  // last 512 + 22 bytes, so it cannot load a file with a longer one.
  if (u16(b, end + 20) > MAX_COMMENT) refuse(makeIssue('ZIP_LAYOUT', { what: `压缩包注释超过 ${MAX_COMMENT} 字节` }));

  const entries: ZipEntry[] = [];
  const byKey = new Map<string, ZipEntry>();
  const records: Array<{ start: number; end: number; name: string }> = [];
  let declared = 0;
  let compressed = 0;
  let p = cdOffset;
  for (let k = 0; k < count; k++) {
    if (p + 46 > cdOffset + cdSize || u32(b, p) !== SIG_CENTRAL) refuse(makeIssue('ZIP_TRUNCATED'));
    const flags = u16(b, p + 8);
    const method = u16(b, p + 10);
    const crc = u32(b, p + 16);
    const compressedSize = u32(b, p + 20);
    const size = u32(b, p + 24);
    const nameLen = u16(b, p + 28);
    const localOffset = u32(b, p + 42);
    const nameAt = p + 46;
    p = nameAt + nameLen + u16(b, p + 30) + u16(b, p + 32);
    if (p > cdOffset + cdSize) refuse(makeIssue('ZIP_TRUNCATED'));
    const name = utf8(b.subarray(nameAt, nameAt + nameLen));
    const badName = badEntryName(name, flags);
    if (badName) refuse(makeIssue('ZIP_ENTRY_NAME', { entry: name, what: badName }));
    // A folder holds nothing; data under a folder's name is a file to some extractors.
    if (name.endsWith('/') && size !== 0) refuse(makeIssue('ZIP_ENTRY_NAME', { entry: name, what: '文件夹条目含有数据' }));
    if (compressedSize === 0xffffffff || size === 0xffffffff || localOffset === 0xffffffff) refuse(makeIssue('ZIP_UNSUPPORTED', { detail: 'ZIP64' }));
    if (flags & 0x41) refuse(makeIssue('ZIP_UNSUPPORTED', { detail: '加密' }));
    if (method !== 0 && method !== 8) refuse(makeIssue('ZIP_UNSUPPORTED', { detail: `压缩方式 ${method}` }));
    if (method === 0 && compressedSize !== size) refuse(makeIssue('ZIP_ENTRY_MISMATCH', { entry: name, what: '未压缩部件的大小' }));

    // Bounds on what the entry says it holds, before a byte of it is inflated.
    declared += size;
    compressed += compressedSize;
    if (declared > L.maxTotalInflated) {
      const over = formatBytesOver(declared, L.maxTotalInflated);
      refuse(makeIssue('ZIP_TOO_LARGE_UNCOMPRESSED', { size: `${over.size} 以上`, limit: over.limit }));
    }
    const key = name.toLowerCase();
    const partLimit = isXmlName(key) ? L.maxXmlPartInflated : L.maxPartInflated;
    if (size > partLimit) refuse(makeIssue('PART_TOO_LARGE', { entry: name, ...formatBytesOver(size, partLimit) }));
    if (size > MB && size / Math.max(1, compressedSize) > L.maxRatio) refuse(makeIssue('ZIP_RATIO', { entry: name, ratio: Math.round(size / Math.max(1, compressedSize)) }));

    // The local header must tell the same story.
    const lo = localOffset;
    if (lo + 30 > cdOffset || u32(b, lo) !== SIG_LOCAL) refuse(makeIssue('ZIP_ENTRY_MISMATCH', { entry: name, what: '文件头位置' }));
    const localNameLen = u16(b, lo + 26);
    const dataOffset = lo + 30 + localNameLen + u16(b, lo + 28);
    if (localNameLen !== nameLen || !sameBytes(b, lo + 30, nameAt, nameLen)) refuse(makeIssue('ZIP_ENTRY_MISMATCH', { entry: name, what: '名称' }));
    if (u16(b, lo + 8) !== method) refuse(makeIssue('ZIP_ENTRY_MISMATCH', { entry: name, what: '压缩方式' }));
    if (u16(b, lo + 6) !== flags) refuse(makeIssue('ZIP_ENTRY_MISMATCH', { entry: name, what: '标志位' }));
    const lcrc = u32(b, lo + 14);
    const lcsize = u32(b, lo + 18);
    const lsize = u32(b, lo + 22);
    let recordEnd = dataOffset + compressedSize;
    if (flags & FLAG_DESCRIPTOR) {
      // Sizes may be left zero in the local header and given after the data instead; both must agree.
      if ((lcrc !== 0 && lcrc !== crc) || (lcsize !== 0 && lcsize !== compressedSize) || (lsize !== 0 && lsize !== size)) {
        refuse(makeIssue('ZIP_ENTRY_MISMATCH', { entry: name, what: '大小' }));
      }
      const d = dataOffset + compressedSize;
      // The descriptor's own signature is optional.
      const at = u32(b, d) === SIG_DESCRIPTOR && u32(b, d + 4) === crc ? d + 4 : d;
      if (at + 12 > cdOffset || u32(b, at) !== crc || u32(b, at + 4) !== compressedSize || u32(b, at + 8) !== size) {
        refuse(makeIssue('ZIP_ENTRY_MISMATCH', { entry: name, what: '数据描述符' }));
      }
      recordEnd = at + 12;
    } else if (lcrc !== crc || lcsize !== compressedSize || lsize !== size) {
      refuse(makeIssue('ZIP_ENTRY_MISMATCH', { entry: name, what: lcrc !== crc ? '校验值' : '大小' }));
    }
    if (dataOffset + compressedSize > cdOffset) refuse(makeIssue('ZIP_TRUNCATED'));

    if (byKey.has(key)) refuse(makeIssue('ZIP_ENTRY_MISMATCH', { entry: name, what: '同名部件出现两次' }));
    const e: ZipEntry = { name, key, method, flags, crc, compressedSize, size, localOffset, dataOffset };
    entries.push(e);
    records.push({ start: localOffset, end: recordEnd, name });
    byKey.set(key, e);
  }
  if (p !== cdOffset + cdSize) refuse(makeIssue('ZIP_TRUNCATED'));
  if (declared > 10 * MB && declared / Math.max(1, compressed) > L.maxRatio) {
    refuse(makeIssue('ZIP_RATIO', { entry: '（整个文件）', ratio: Math.round(declared / Math.max(1, compressed)) }));
  }
  refuseGapsAndOverlaps(records, cdOffset);
  return { entries, byKey };
}

/**
 * The listed entries, in file order, must follow each other byte for byte from the start of the
 * file to the directory. Two entries sharing bytes (the "overlapping files" bomb) and bytes no
 * entry accounts for (an unlisted entry that a streaming reader would read, a second archive)
 * cannot come from a spreadsheet program.
 */
function refuseGapsAndOverlaps(records: Array<{ start: number; end: number; name: string }>, cdOffset: number): void {
  records.sort((a, b) => a.start - b.start);
  let at = 0;
  for (const r of records) {
    if (r.start < at) refuse(makeIssue('ZIP_ENTRY_MISMATCH', { entry: r.name, what: '与其他部件重叠' }));
    if (r.start > at) refuse(makeIssue('ZIP_LAYOUT', { what: '部件之间有目录中没有列出的数据' }));
    at = r.end;
  }
  if (at !== cdOffset) refuse(makeIssue('ZIP_LAYOUT', { what: '部件之间有目录中没有列出的数据' }));
}
