// A compound file (MS-CFB: the D0 CF 11 E0 signature) is the container of an old .xls, and also
// of an .xlsx saved with a password to open: Excel, WPS and LibreOffice then write the encrypted
// zip as a stream "EncryptedPackage" beside "EncryptionInfo" (MS-OFFCRYPTO). The clerk's remedy
// differs (remove the password, or save as .xlsx), so the directory is read far enough to tell
// which it is. Only the header, the FAT sectors, the directory chain and the first bytes of one
// stream are read; every walk is bounded by the number of sectors, so a looping chain stops.
import { u16, u32 } from './bytes';

export type CompoundContent =
  /** An .xlsx (or .docx …) with a password to open. */
  | 'encryptedPackage'
  /** An .xls whose Workbook stream starts with FILEPASS: a password to open. */
  | 'encryptedXls'
  | 'xls'
  /** A directory that cannot be read, or one without a workbook (a .doc, a .ppt). */
  | 'unknown';

/** Sector numbers above this are markers (end of chain, free, FAT, DIFAT), not sectors. */
const MAX_SECTOR = 0xfffffffa;
const ENTRY_BYTES = 128;
const MINI_SECTOR = 64;
const TYPE_STREAM = 2;
const TYPE_ROOT = 5;
/** BIFF record types met before FILEPASS in a workbook's globals (MS-XLS 2.1.7.20.3). */
const BOF = new Set([0x0809, 0x0409, 0x0209, 0x0009]);
const WRITE_PROTECT = 0x0086;
const FILEPASS = 0x002f;

interface Entry {
  name: string;
  type: number;
  left: number;
  right: number;
  child: number;
  start: number;
  size: number;
}

class Compound {
  readonly size: number;
  readonly count: number;
  private readonly fat: number[] = [];

  constructor(
    private readonly b: Uint8Array,
    shift: number,
  ) {
    this.size = 2 ** shift;
    this.count = Math.max(0, Math.ceil((b.length - this.size) / this.size));
    // The FAT's own sectors: 109 in the header, the rest in a chain of DIFAT sectors. No more
    // are needed than cover the file's sectors.
    const per = this.size / 4;
    const need = Math.min(u32(b, 0x2c), Math.ceil(this.count / per));
    for (let i = 0; i < 109 && this.fat.length < need; i++) this.fat.push(u32(b, 0x4c + 4 * i));
    let difat = u32(b, 0x44);
    for (let steps = 0; this.fat.length < need && this.isSector(difat) && steps < this.count; steps++) {
      const at = this.offset(difat);
      for (let i = 0; i < per - 1 && this.fat.length < need; i++) this.fat.push(u32(b, at + 4 * i));
      difat = u32(b, at + 4 * (per - 1));
    }
  }

  offset(sector: number): number {
    return (sector + 1) * this.size;
  }

  isSector(n: number): boolean {
    return n <= MAX_SECTOR && n < this.count;
  }

  /** The sectors of a chain, in order; a chain that loops or leaves the file ends there. */
  chain(start: number, max = this.count): number[] {
    const out: number[] = [];
    const seen = new Set<number>();
    const per = this.size / 4;
    for (let s = start; this.isSector(s) && !seen.has(s) && out.length < max; ) {
      out.push(s);
      seen.add(s);
      const fatSector = this.fat[Math.floor(s / per)];
      s = fatSector !== undefined && this.isSector(fatSector) ? u32(this.b, this.offset(fatSector) + 4 * (s % per)) : MAX_SECTOR + 1;
    }
    return out;
  }

  entries(): Entry[] {
    const out: Entry[] = [];
    for (const s of this.chain(u32(this.b, 0x30))) {
      for (let at = this.offset(s); at < this.offset(s) + this.size; at += ENTRY_BYTES) {
        const len = u16(this.b, at + 0x40);
        let name = '';
        // The name is UTF-16LE, its length in bytes counting the terminating zero.
        if (len >= 2 && len <= 64) for (let i = 0; i < len - 2; i += 2) name += String.fromCharCode(u16(this.b, at + i));
        out.push({ name, type: this.b[at + 0x42] ?? 0, left: u32(this.b, at + 0x44), right: u32(this.b, at + 0x48), child: u32(this.b, at + 0x4c), start: u32(this.b, at + 0x74), size: u32(this.b, at + 0x78) });
      }
    }
    return out;
  }

  /** Where the first `n` bytes of a stream are, when they lie in one sector (they do for n ≤ 64). */
  head(e: Entry, root: Entry): number | null {
    if (e.size >= u32(this.b, 0x38)) return this.isSector(e.start) ? this.offset(e.start) : null;
    // A small stream lives in the mini stream (the root's chain), in 64-byte sectors.
    const at = e.start * MINI_SECTOR;
    const sector = this.chain(root.start, Math.floor(at / this.size) + 1)[Math.floor(at / this.size)];
    return sector === undefined ? null : this.offset(sector) + (at % this.size);
  }
}

/** The root storage's own entries (a red-black tree over left and right siblings). */
function rootChildren(entries: readonly Entry[], root: Entry): Entry[] {
  const out: Entry[] = [];
  const seen = new Set<number>();
  const todo = [root.child];
  while (todo.length) {
    const i = todo.pop() as number;
    const e = entries[i];
    if (!e || seen.has(i)) continue;
    seen.add(i);
    out.push(e);
    todo.push(e.left, e.right);
  }
  return out;
}

function startsWithFilepass(b: Uint8Array, at: number, size: number): boolean {
  const end = at + Math.min(size, MINI_SECTOR);
  for (let p = at; p + 4 <= end; p += 4 + u16(b, p + 2)) {
    const type = u16(b, p);
    if (type === FILEPASS) return true;
    if (!(p === at ? BOF.has(type) : type === WRITE_PROTECT)) return false;
  }
  return false;
}

/** What a compound file holds, as far as the clerk's remedy goes. */
export function compoundContent(b: Uint8Array): CompoundContent {
  const shift = u16(b, 0x1e);
  if (b.length < 512 || (shift !== 9 && shift !== 12)) return 'unknown';
  const cf = new Compound(b, shift);
  const entries = cf.entries();
  const root = entries[0];
  if (!root || root.type !== TYPE_ROOT) return 'unknown';
  const streams = new Map<string, Entry>();
  // Names compare without case (MS-CFB 2.6.4).
  for (const e of rootChildren(entries, root)) if (e.type === TYPE_STREAM) streams.set(e.name.toUpperCase(), e);
  if (streams.has('ENCRYPTIONINFO') && streams.has('ENCRYPTEDPACKAGE')) return 'encryptedPackage';
  const workbook = streams.get('WORKBOOK') ?? streams.get('BOOK');
  if (!workbook) return 'unknown';
  const at = cf.head(workbook, root);
  return at !== null && startsWithFilepass(b, at, workbook.size) ? 'encryptedXls' : 'xls';
}
