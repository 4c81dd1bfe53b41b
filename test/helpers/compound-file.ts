// Compound files (MS-CFB) for the reader's tests: an old .xls, an .xls with a password to open, and
// an .xlsx with a password to open (EncryptionInfo and EncryptedPackage beside a \x06DataSpaces
// storage, as Excel writes it). Built here, so the cases run on any machine; the contents are
// placeholders, since the reader only looks at the directory and a workbook's first records.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { PYTHON, soffice } from './clerk-files';

export interface CompoundNode {
  name: string;
  /** A stream's bytes; a storage has children instead. */
  data?: Uint8Array;
  children?: CompoundNode[];
}

export interface CompoundOptions {
  /** 3: 512-byte sectors (Excel's usual); 4: 4096-byte sectors. */
  version?: 3 | 4;
  /** Directory sectors laid out in reverse, so only following the FAT chain reads them in order. */
  scatterDirectory?: boolean;
}

const END = 0xfffffffe;
const FREE = 0xffffffff;
const FAT_SECTOR = 0xfffffffd;
const CUTOFF = 4096;
const MINI = 64;

interface Entry {
  name: string;
  type: 1 | 2 | 5;
  data?: Uint8Array;
  right: number;
  child: number;
  start: number;
  size: number;
}

const sectorsFor = (bytes: number, size: number) => Math.ceil(bytes / size);

export function compoundFile(nodes: readonly CompoundNode[], o: CompoundOptions = {}): Uint8Array {
  const size = o.version === 4 ? 4096 : 512;
  const per = size / 4;

  // Directory: the root, then every storage's children chained through their right siblings.
  const entries: Entry[] = [{ name: 'Root Entry', type: 5, right: FREE, child: FREE, start: END, size: 0 }];
  const add = (list: readonly CompoundNode[]): number => {
    const at = list.map((n) => entries.push({ name: n.name, type: n.children ? 1 : 2, ...(n.data ? { data: n.data } : {}), right: FREE, child: FREE, start: END, size: n.data?.length ?? 0 }) - 1);
    list.forEach((n, k) => {
      const e = entries[at[k]!]!;
      e.right = at[k + 1] ?? FREE;
      if (n.children) e.child = add(n.children);
    });
    return at[0] ?? FREE;
  };
  entries[0]!.child = add(nodes);

  // Small streams go to the mini stream (64-byte sectors), the rest to sectors of their own.
  const streams = entries.filter((e) => e.type === 2);
  const small = streams.filter((e) => e.size < CUTOFF && e.size > 0);
  const big = streams.filter((e) => e.size >= CUTOFF);
  const miniSectors = small.reduce((n, e) => n + sectorsFor(e.size, MINI), 0);
  const nDir = sectorsFor(entries.length * 128, size);
  const nMiniFat = sectorsFor(miniSectors * 4, size);
  const nMini = sectorsFor(miniSectors * MINI, size);
  const nBig = big.reduce((n, e) => n + sectorsFor(e.size, size), 0);
  const rest = nDir + nMiniFat + nMini + nBig;
  let nFat = 1;
  while (nFat * per < rest + nFat) nFat++;
  if (nFat > 109) throw new Error('compoundFile: too large for a header-only DIFAT');
  const total = nFat + rest;

  const out = new Uint8Array((total + 1) * size);
  const view = new DataView(out.buffer);
  const put32 = (at: number, x: number) => view.setUint32(at, x, true);
  const sector = (n: number) => (n + 1) * size;
  const fat = new Array<number>(nFat * per).fill(FREE);
  const chain = (sectors: readonly number[]) => sectors.forEach((s, k) => (fat[s] = sectors[k + 1] ?? END));
  const run = (from: number, n: number) => Array.from({ length: n }, (_, k) => from + k);

  for (let k = 0; k < nFat; k++) fat[k] = FAT_SECTOR;
  let next = nFat;
  const dirSectors = run(next, nDir);
  next += nDir;
  const dirChain = o.scatterDirectory ? [...dirSectors].reverse() : dirSectors;
  chain(dirChain);
  const miniFatSectors = run(next, nMiniFat);
  next += nMiniFat;
  chain(miniFatSectors);
  const miniStreamSectors = run(next, nMini);
  next += nMini;
  chain(miniStreamSectors);

  // The mini stream and its FAT.
  const miniStream = new Uint8Array(nMini * size);
  const miniFat = new Array<number>(nMiniFat * per).fill(FREE);
  let m = 0;
  for (const e of small) {
    const n = sectorsFor(e.size, MINI);
    e.start = m;
    for (let k = 0; k < n; k++) miniFat[m + k] = k + 1 < n ? m + k + 1 : END;
    miniStream.set(e.data!, m * MINI);
    m += n;
  }
  miniStreamSectors.forEach((s, k) => out.set(miniStream.subarray(k * size, (k + 1) * size), sector(s)));
  miniFat.forEach((x, k) => put32(sector(miniFatSectors[Math.floor(k / per)]!) + 4 * (k % per), x));
  if (nMini) Object.assign(entries[0]!, { start: miniStreamSectors[0], size: miniSectors * MINI });

  for (const e of big) {
    const secs = run(next, sectorsFor(e.size, size));
    next += secs.length;
    chain(secs);
    e.start = secs[0]!;
    out.set(e.data!, sector(e.start));
  }

  // Directory entries, in chain order.
  entries.forEach((e, i) => {
    const at = sector(dirChain[Math.floor((i * 128) / size)]!) + ((i * 128) % size);
    for (let k = 0; k < e.name.length; k++) view.setUint16(at + 2 * k, e.name.charCodeAt(k), true);
    view.setUint16(at + 0x40, (e.name.length + 1) * 2, true);
    out[at + 0x42] = e.type;
    out[at + 0x43] = 1;
    put32(at + 0x44, FREE);
    put32(at + 0x48, e.right);
    put32(at + 0x4c, e.child);
    put32(at + 0x74, e.start);
    put32(at + 0x78, e.size);
  });
  for (let i = entries.length; i < (nDir * size) / 128; i++) {
    const at = sector(dirChain[Math.floor((i * 128) / size)]!) + ((i * 128) % size);
    put32(at + 0x44, FREE);
    put32(at + 0x48, FREE);
    put32(at + 0x4c, FREE);
  }
  fat.forEach((x, k) => put32(sector(Math.floor(k / per)) + 4 * (k % per), x));

  // The header.
  out.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], 0);
  view.setUint16(0x18, 0x3e, true);
  view.setUint16(0x1a, o.version === 4 ? 4 : 3, true);
  view.setUint16(0x1c, 0xfffe, true);
  view.setUint16(0x1e, o.version === 4 ? 12 : 9, true);
  view.setUint16(0x20, 6, true);
  put32(0x28, o.version === 4 ? nDir : 0);
  put32(0x2c, nFat);
  put32(0x30, dirChain[0]!);
  put32(0x38, CUTOFF);
  put32(0x3c, nMiniFat ? miniFatSectors[0]! : END);
  put32(0x40, nMiniFat);
  put32(0x44, END);
  put32(0x48, 0);
  for (let k = 0; k < 109; k++) put32(0x4c + 4 * k, k < nFat ? k : FREE);
  return out;
}

function record(type: number, body: Uint8Array): Uint8Array {
  const r = new Uint8Array(4 + body.length);
  new DataView(r.buffer).setUint16(0, type, true);
  new DataView(r.buffer).setUint16(2, body.length, true);
  r.set(body, 4);
  return r;
}

/** A BIFF8 workbook stream: BOF (globals), FILEPASS when it has a password to open, then padding to `size`. */
export function biffWorkbook(o: { password?: boolean; size?: number } = {}): Uint8Array {
  const bof = new Uint8Array(16);
  new DataView(bof.buffer).setUint16(0, 0x0600, true);
  new DataView(bof.buffer).setUint16(2, 0x0005, true);
  const parts = [record(0x0809, bof), ...(o.password ? [record(0x002f, new Uint8Array(54).fill(1))] : []), record(0x000a, new Uint8Array(0))];
  const out = new Uint8Array(Math.max(o.size ?? 5000, parts.reduce((n, p) => n + p.length, 0)));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

const filled = (n: number, x = 0x5a) => new Uint8Array(n).fill(x);

/** An .xlsx with a password to open, as Excel lays it out (the contents are placeholders). */
export function encryptedXlsx(o: CompoundOptions & { packageSize?: number } = {}): Uint8Array {
  return compoundFile(
    [
      {
        name: '\u0006DataSpaces',
        children: [
          { name: 'Version', data: filled(76) },
          { name: 'DataSpaceMap', data: filled(112) },
          { name: 'DataSpaceInfo', children: [{ name: 'StrongEncryptionDataSpace', data: filled(64) }] },
          { name: 'TransformInfo', children: [{ name: 'StrongEncryptionTransform', children: [{ name: '\u0006Primary', data: filled(200) }] }] },
        ],
      },
      { name: 'EncryptionInfo', data: filled(1024) },
      { name: 'EncryptedPackage', data: filled(o.packageSize ?? 9000) },
    ],
    o,
  );
}

/** An old .xls (BIFF8), with or without a password to open. */
export function oldXls(o: CompoundOptions & { password?: boolean; workbookSize?: number; stream?: string } = {}): Uint8Array {
  return compoundFile(
    [
      { name: o.stream ?? 'Workbook', data: biffWorkbook({ ...(o.password ? { password: true } : {}), ...(o.workbookSize ? { size: o.workbookSize } : {}) }) },
      { name: '\u0005SummaryInformation', data: filled(200) },
      { name: '\u0005DocumentSummaryInformation', data: filled(200) },
    ],
    o,
  );
}

/** LibreOffice's python can drive it: whether this machine can save real .xls files for a test. */
export const haveUno = !!soffice && spawnSync(PYTHON, ['-c', 'import uno'], { encoding: 'utf8' }).status === 0;

/**
 * Saves `xlsx` with LibreOffice through each filter, with a password to open where one is given
 * (its 另存为 → 使用密码保存), in one soffice run.
 */
export function savedByLibreOffice(xlsx: Uint8Array, saves: ReadonlyArray<{ filter: string; password?: string }>): Uint8Array[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lo-save-'));
  try {
    const src = path.join(dir, 'in.xlsx');
    fs.writeFileSync(src, xlsx);
    const spec = { src, profile: path.join(dir, 'profile'), saves: saves.map((s, i) => ({ ...s, out: path.join(dir, `out${i}`) })) };
    const r = spawnSync(PYTHON, [path.join(__dirname, 'libreoffice-save.py')], { input: JSON.stringify(spec), encoding: 'utf8', timeout: 180_000 });
    if (r.status !== 0) throw new Error(`libreoffice-save failed: ${r.stderr}`);
    return spec.saves.map((s) => new Uint8Array(fs.readFileSync(s.out)));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
