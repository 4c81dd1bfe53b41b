// Hostile workbooks against the real HTTP stack: the dev host in its own process (so its peak RSS
// is measured honestly), Azurite in this one. Each upload must be answered 4xx with a Chinese
// message, store nothing, leave the host alive under the RSS ceiling, and not stop a GET /api/me
// sent while it is in flight. The files are built here, byte by byte where no library would.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { BlobServiceClient } from '@azure/storage-blob';
import { errorBodySchema, meSchema, townshipStatusSchema } from '../../../shared/api/contract';
import { startAzurite } from '../../helpers/azurite';
import { credentialBook, type CredentialBook } from '../../helpers/credentials';
import { bombStream, hostileZip, type HostilePart } from '../../helpers/hostile-zip';
import { deflatedRun, unzipParts } from '../../helpers/workbooks';
import { filled } from '../filled';
import { campaignBody, COUNTY, TOWNSHIPS } from '../stack';
import { startChildHost, type ChildHost } from './child-host';

const SECRET = 'hostile-secret-0123456789abcdef';
const MB = 1024 * 1024;
/** The ceiling for the host process's peak resident memory over the whole suite. */
const RSS_CEILING = 300 * MB;

let azurite: { connectionString: string; stop(): Promise<void> };
let host: ChildHost;
let book: CredentialBook;
let base: Uint8Array;
const figures: Array<{ case: string; status: number; code: string; peakRssMB: number; meBeforeUpload: boolean }> = [];
const t = TOWNSHIPS[0]!;
const county = () => book.county();
const township = (id = t.id) => book.township('c2026', id);

function call(method: string, p: string, token: string, body?: Uint8Array | string): Promise<Response> {
  const headers: Record<string, string> = { Authorization: `Bearer ${token}` };
  if (typeof body === 'string') headers['Content-Type'] = 'application/json';
  else if (body) headers['Content-Type'] = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  return fetch(`${host.url}/api${p}`, { method, headers, ...(body !== undefined ? { body: body as unknown as BodyInit } : {}) });
}

beforeAll(async () => {
  azurite = await startAzurite();
  host = await startChildHost(azurite.connectionString, SECRET);
  // Credentials are records in storage: written here, checked by the host in its own process.
  book = await credentialBook(azurite.connectionString, SECRET, COUNTY);
  county();
  for (const x of TOWNSHIPS) township(x.id);
  await book.ready();
  expect((await call('POST', '/campaigns', county(), JSON.stringify(campaignBody()))).status).toBe(201);
  base = (await filled(t, { seed: 3, n: 20 })).bytes;
}, 120_000);

afterAll(async () => {
  await host?.stop();
  await azurite?.stop();
  if (figures.length) {
    fs.mkdirSync(path.resolve(__dirname, '../../../test-artifacts'), { recursive: true });
    fs.writeFileSync(path.resolve(__dirname, '../../../test-artifacts/hostile-rss.json'), JSON.stringify(figures, null, 2));
  }
});

/** The filled template's parts, with `fn` applied: a real upload made hostile in one place. */
function fromTemplate(fn: (parts: HostilePart[]) => HostilePart[]): Uint8Array {
  return hostileZip(fn(unzipParts(base).map((p) => ({ name: p.name, data: p.data }))));
}

const replace = (name: string, part: Partial<HostilePart>) => (parts: HostilePart[]) => parts.map((p) => (p.name === name ? { ...p, ...part } : p));
const SHEET = 'xl/worksheets/sheet1.xml';

function sheetPart(parts: HostilePart[]): string {
  const p = parts.find((x) => x.name === SHEET)!;
  return typeof p.data === 'string' ? p.data : Buffer.from(p.data).toString('utf8');
}

/**
 * A worksheet of `rows` × `cols` numbers, deflated as it is written (never held whole): with cell
 * references, or bare `<c><v>1</v></c>` (15 bytes a cell), or bare with random digits so that it
 * does not compress past the ratio bound.
 */
async function wideSheet(rows: number, cols: number, mode: 'refs' | 'bare' | 'random'): Promise<{ data: Uint8Array; size: number }> {
  const zlib = await import('node:zlib');
  const d = zlib.createDeflateRaw({ level: 6 });
  const out: Buffer[] = [];
  d.on('data', (b: Buffer) => out.push(b));
  const done = new Promise<void>((resolve) => d.on('end', () => resolve()));
  let size = 0;
  const put = (s: string) => {
    const b = Buffer.from(s);
    size += b.length;
    d.write(b);
  };
  put('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>');
  const letters = (n: number) => {
    let s = '';
    for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
    return s;
  };
  const colNames = Array.from({ length: cols }, (_x, i) => letters(i + 1));
  let seed = 7;
  const digit = () => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 16) % 10;
  for (let r = 1; r <= rows; r++) {
    const cell = mode === 'refs' ? (c: string) => `<c r="${c}${r}"><v>1</v></c>` : mode === 'bare' ? () => '<c><v>1</v></c>' : () => `<c><v>${digit()}</v></c>`;
    put(`<row r="${r}">${colNames.map(cell).join('')}</row>`);
    if (d.writableNeedDrain) await new Promise((resolve) => d.once('drain', resolve));
  }
  put('</sheetData></worksheet>');
  d.end();
  await done;
  return { data: new Uint8Array(Buffer.concat(out)), size };
}

/** Text that does not compress past the ratio bound (16 characters in a pseudo-random order). */
function randomText(n: number): string {
  const alphabet = '党支部村社区委员会总书记组织工作好';
  let seed = 11;
  let out = '';
  for (let i = 0; i < n; i++) out += alphabet[((seed = (seed * 1103515245 + 12345) >>> 0) >>> 16) % 16];
  return out;
}

type Case = [name: string, code: string, make: () => Promise<Uint8Array>];

const cases: Case[] = [
  ['800 × 16,000 cells: 193 MB of sheet XML from a small file', 'PART_TOO_LARGE', async () => {
    const sheet = await wideSheet(800, 16_000, 'bare');
    return fromTemplate(replace(SHEET, { data: '', deflated: sheet }));
  }],
  ['600 × 16,000 cells under the part bound: refused by the cell count while parsing', 'TOO_MANY_CELLS', async () => {
    const sheet = await wideSheet(600, 16_000, 'random');
    return fromTemplate(replace(SHEET, { data: '', deflated: sheet }));
  }],
  ['sharedStrings listed as xl/media/pad.bin (1 KB) inflating to 2 GB', 'ZIP_ENTRY_MISMATCH', async () =>
    fromTemplate(replace('xl/sharedStrings.xml', { data: '', deflated: { data: bombStream(2048, 0x41), size: 1024 }, central: { name: 'xl/media/pad.bin' } }))],
  ['9,000 entries of 1 MB declared as 1 byte', 'ZIP_SIZE_MISMATCH', async () => {
    const run = await deflatedRun(MB, 0x41);
    return fromTemplate((p) => [...Array.from({ length: 9000 }, (_x, i): HostilePart => ({ name: `xl/media/pad${i}.bin`, data: '', deflated: { data: run.data, size: 1 } })), ...p]);
  }],
  ['an image declared 1 KB inflating to 1.8 GB', 'ZIP_SIZE_MISMATCH', async () =>
    fromTemplate((p) => [...p, { name: 'xl/media/image9.png', data: '', deflated: { data: bombStream(1800), size: 1024 } }])],
  ['a 1,000,000-character shared string referenced by 450 rows', 'XML_TEXT_TOO_LONG', async () =>
    fromTemplate((p) => {
      const rows = Array.from({ length: 450 }, (_x, i) => `<row r="${i + 5}"><c r="B${i + 5}" t="s"><v>0</v></c></row>`).join('');
      const sheet = sheetPart(p).replace(/<sheetData>[\s\S]*<\/sheetData>/, `<sheetData>${rows}</sheetData>`);
      return replace(SHEET, { data: sheet })(replace('xl/sharedStrings.xml', { data: `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>${randomText(1_000_000)}</t></si></sst>` })(p));
    })],
  ['a sheet with an XXE DOCTYPE listed as xl/media/image1.png', 'ZIP_ENTRY_MISMATCH', async () =>
    fromTemplate((p) => replace(SHEET, { data: sheetPart(p).replace('<worksheet', '<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><worksheet'), central: { name: 'xl/media/image1.png' } })(p))],
  ['a sheet with an XXE DOCTYPE under its own name', 'XML_DOCTYPE', async () =>
    fromTemplate((p) => replace(SHEET, { data: sheetPart(p).replace('<worksheet', '<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><worksheet') })(p))],
  ['250,000 rows listed as xl/media/image1.png', 'ZIP_ENTRY_MISMATCH', async () => {
    const sheet = await wideSheet(250_000, 1, 'refs');
    return fromTemplate(replace(SHEET, { data: '', deflated: sheet, central: { name: 'xl/media/image1.png' } }));
  }],
  ['250,000 rows under their own name', 'TOO_MANY_ROWS', async () => fromTemplate(replace(SHEET, { data: '', deflated: await wideSheet(250_000, 1, 'refs') }))],
  ['a relationship Id (x+x+)+y against a 32-character r:id', 'WORKBOOK_UNREADABLE', async () =>
    fromTemplate((p) => {
      const text = (n: string) => Buffer.from(p.find((x) => x.name === n)!.data as Uint8Array).toString('utf8');
      return replace('xl/_rels/workbook.xml.rels', { data: text('xl/_rels/workbook.xml.rels').replace('Id="rId1"', 'Id="(x+x+)+y"') })(
        replace('xl/workbook.xml', { data: text('xl/workbook.xml').replace('r:id="rId1"', `r:id="${'x'.repeat(32)}"`) })(p),
      );
    })],
  ['a relationship Id containing "("', 'WORKBOOK_UNREADABLE', async () =>
    fromTemplate((p) => {
      const text = (n: string) => Buffer.from(p.find((x) => x.name === n)!.data as Uint8Array).toString('utf8');
      return replace('xl/_rels/workbook.xml.rels', { data: text('xl/_rels/workbook.xml.rels').replace('Id="rId1"', 'Id="rId(1"') })(
        replace('xl/workbook.xml', { data: text('xl/workbook.xml').replace('r:id="rId1"', 'r:id="rId(1"') })(p),
      );
    })],
  ['U+FFFE written as _xFFFE_ in a name', 'CELL_INVALID_CHAR', async () =>
    fromTemplate((p) => {
      const sst = Buffer.from(p.find((x) => x.name === 'xl/sharedStrings.xml')!.data as Uint8Array).toString('utf8');
      return replace('xl/sharedStrings.xml', { data: sst.replace('党支部</t>', '党支部_xFFFE_</t>') })(p);
    })],
  ['a 40,000-character name', 'CELL_TOO_LONG', async () =>
    fromTemplate((p) => {
      const sst = Buffer.from(p.find((x) => x.name === 'xl/sharedStrings.xml')!.data as Uint8Array).toString('utf8');
      return replace('xl/sharedStrings.xml', { data: sst.replace('党支部</t>', `${'党'.repeat(40_000)}</t>`) })(p);
    })],
];

test('control: a valid workbook is accepted by the same host', async () => {
  // Another township, so every hostile case below starts from an empty history.
  const other = TOWNSHIPS[1]!;
  const bytes = (await filled(other, { seed: 4, n: 20 })).bytes;
  const r = await call('POST', `/campaigns/c2026/townships/${other.id}/submissions`, township(other.id), bytes);
  expect(r.status).toBe(201);
}, 60_000);

test.each(cases)('%s → 4xx %s, nothing stored, host alive', async (name, code, make) => {
  const bytes = await make();
  expect(bytes.length).toBeLessThan(20 * MB);
  let uploadDone = false;
  const upload = call('POST', `/campaigns/c2026/townships/${t.id}/submissions`, township(), bytes).then(async (r) => {
    uploadDone = true;
    return { status: r.status, body: errorBodySchema.parse(await r.json()) };
  });
  // Sent while the upload is in flight; it must be answered, whatever the upload costs.
  const me = await call('GET', '/me', township());
  const meBeforeUpload = !uploadDone;
  expect(me.status).toBe(200);
  expect(meSchema.parse(await me.json()).townshipId).toBe(t.id);

  const { status, body } = await upload;
  expect(status).toBeGreaterThanOrEqual(400);
  expect(status).toBeLessThan(500);
  expect(body.error.message).toMatch(/[\u4e00-\u9fff]/);
  const codes = (body.error.issues ?? []).map((i) => i.code);
  expect(codes).toContain(code);
  for (const i of body.error.issues ?? []) {
    expect(i.message).toMatch(/[\u4e00-\u9fff]/);
    expect(i.message.length).toBeLessThan(300);
  }
  expect(JSON.stringify(body)).not.toMatch(/\n\s+at |Error:/);

  // Nothing stored: no version, no raw or normalized blob for this township.
  const s = await call('GET', `/campaigns/c2026/townships/${t.id}/submissions`, county());
  expect(townshipStatusSchema.parse(await s.json()).versions).toEqual([]);
  const container = BlobServiceClient.fromConnectionString(azurite.connectionString).getContainerClient('grading');
  const blobs: string[] = [];
  for await (const b of container.listBlobsFlat({ prefix: `c2026/${t.id}/` })) blobs.push(b.name);
  expect(blobs).toEqual([]);

  // The host is alive and under the ceiling (peak resident memory since it started).
  expect(host.process.exitCode).toBeNull();
  expect((await call('GET', '/me', county())).status).toBe(200);
  const { peakRss } = await host.stats();
  figures.push({ case: name, status, code: codes.join(','), peakRssMB: Math.round(peakRss / MB), meBeforeUpload });
  expect(peakRss).toBeLessThan(RSS_CEILING);
}, 180_000);
