// Workbooks for tests: a generated template filled with valid sample rows, plus hooks to inject
// the mistakes clerks make. Other suites (functions, task pane) may import these.
import { once } from 'node:events';
import * as zlib from 'node:zlib';
import ExcelJS from 'exceljs';
import { defaultScheme, defaultSchemeInput, fillTemplate, generateTemplate, readLimits, sampleOrgs, schemeSchema, type FillData, type FillOrg, type FillRect, type Scheme } from '../../shared';
import { readZipDirectory } from '../../shared/zip/directory';

/** The "五个好" grouping with its own weights and no override columns. */
export const fiveGoods: Scheme = schemeSchema.parse({
  ...defaultSchemeInput,
  id: 'fivegoods',
  name: '五个好',
  indicators: [
    { key: 'team', name: '领导班子好', max: 20 },
    { key: 'members', name: '党员队伍好', max: 20 },
    { key: 'mechanism', name: '工作机制好', max: 20 },
    { key: 'results', name: '工作业绩好', max: 20 },
    { key: 'opinion', name: '群众反映好', max: 20 },
  ],
  overrides: {
    forcedBottom: { enabled: false, label: '涉及三打两建问题' },
    newlyEstablishedCap: { enabled: false, label: '新组建', capGrade: 'fairlyGood' },
    branchFollowsGeneralBranch: { enabled: false },
  },
});

export const TOWNSHIP = { id: 'chengguan', name: '城关镇' };
export const CAMPAIGN = 'c2026';

export async function template(scheme: Scheme = defaultScheme, rows?: number): Promise<Uint8Array> {
  return generateTemplate({ scheme, year: 2026, county: '某某县', campaignId: CAMPAIGN, township: TOWNSHIP, ...(rows ? { rows } : {}) });
}

export interface FilledOptions {
  scheme?: Scheme;
  n?: number;
  seed?: number;
  /** Change rows before writing (index into the sample's orgs). */
  edit?: (orgs: FillOrg[], rects: FillRect[]) => void;
  info?: FillData['info'];
  cachedResults?: boolean;
}

export const INFO = { township: '城关镇党委', filledBy: '张三', phone: '0795-1234567', filledOn: new Date(Date.UTC(2026, 3, 20)) };

/** A valid filled workbook (zero issues when read), optionally edited. */
export async function filledWorkbook(o: FilledOptions = {}): Promise<Uint8Array> {
  const scheme = o.scheme ?? defaultScheme;
  const sample = sampleOrgs(scheme, o.n ?? 20, o.seed ?? 7, { prefix: '' });
  o.edit?.(sample.orgs, sample.rectifications);
  const t = await template(scheme, Math.max(20, (o.n ?? 20) + 5));
  return fillTemplate(t, { scheme, info: o.info ?? INFO, orgs: sample.orgs, rectifications: sample.rectifications, ...(o.cachedResults === false ? { cachedResults: false } : {}) });
}

/** Load, change with exceljs, save: for header and metadata mistakes. */
export async function editWorkbook(bytes: Uint8Array, fn: (wb: ExcelJS.Workbook) => void | Promise<void>): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  await fn(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

export interface ZipPart {
  name: string;
  data: Uint8Array | string;
  /** Stored instead of deflated. */
  store?: boolean;
  /** Lie about the uncompressed size in the headers. */
  declaredSize?: number;
  /** Already deflated (raw) data with its true size, e.g. a streamed bomb. */
  deflated?: { data: Uint8Array; size: number; crc?: number };
  flags?: number;
}

/** A hand-written zip, so tests can build what no library would: bombs, lies, truncations. */
export function buildZip(parts: ZipPart[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = Buffer.from(p.name, 'utf8');
    const raw = typeof p.data === 'string' ? Buffer.from(p.data, 'utf8') : Buffer.from(p.data);
    const body = p.deflated ? Buffer.from(p.deflated.data) : p.store ? raw : zlib.deflateRawSync(raw);
    const size = p.declaredSize ?? (p.deflated ? p.deflated.size : raw.length);
    const crc = p.deflated ? (p.deflated.crc ?? 0) : zlib.crc32(raw);
    const method = p.store && !p.deflated ? 0 : 8;
    const lh = Buffer.alloc(30);
    lh.writeUInt32LE(0x04034b50, 0);
    lh.writeUInt16LE(20, 4);
    lh.writeUInt16LE(p.flags ?? 0x800, 6);
    lh.writeUInt16LE(method, 8);
    lh.writeUInt32LE(crc >>> 0, 14);
    lh.writeUInt32LE(body.length, 18);
    lh.writeUInt32LE(size >>> 0, 22);
    lh.writeUInt16LE(name.length, 26);
    const ch = Buffer.alloc(46);
    ch.writeUInt32LE(0x02014b50, 0);
    ch.writeUInt16LE(20, 4);
    ch.writeUInt16LE(20, 6);
    ch.writeUInt16LE(p.flags ?? 0x800, 8);
    ch.writeUInt16LE(method, 10);
    ch.writeUInt32LE(crc >>> 0, 16);
    ch.writeUInt32LE(body.length, 20);
    ch.writeUInt32LE(size >>> 0, 24);
    ch.writeUInt16LE(name.length, 28);
    ch.writeUInt32LE(offset, 42);
    locals.push(lh, name, body);
    centrals.push(ch, name);
    offset += lh.length + name.length + body.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, cd, end]));
}

/** The parts of a zip (stored or deflated entries), to rebuild it with one part changed. */
export function unzipParts(bytes: Uint8Array): ZipPart[] {
  return readZipDirectory(bytes, readLimits()).entries.map((e) => {
    const body = bytes.subarray(e.dataOffset, e.dataOffset + e.compressedSize);
    return { name: e.name, data: e.method === 0 ? body : new Uint8Array(zlib.inflateRawSync(body)) };
  });
}

/** `size` bytes of one repeated byte, deflated in 1 MB steps so the test never holds them all. */
export async function deflatedRun(size: number, byte = 0x20): Promise<{ data: Uint8Array; size: number }> {
  const d = zlib.createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  d.on('data', (b: Buffer) => out.push(b));
  const done = new Promise<void>((resolve, reject) => {
    d.on('end', () => resolve());
    d.on('error', reject);
  });
  const chunk = Buffer.alloc(1024 * 1024, byte);
  for (let left = size; left > 0; left -= chunk.length) {
    const n = Math.min(left, chunk.length);
    if (!d.write(n === chunk.length ? chunk : chunk.subarray(0, n))) await once(d, 'drain');
  }
  d.end();
  await done;
  return { data: new Uint8Array(Buffer.concat(out)), size };
}

/** A minimal valid .xlsx around one worksheet's XML, for guard tests that need big or odd sheets. */
export function minimalXlsx(sheetXml: string | { deflated: { data: Uint8Array; size: number; crc?: number } }, sheetName = '分类定级情况一览表'): Uint8Array {
  const ct = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`;
  const rels = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
  const wb = `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="${sheetName}" sheetId="1" r:id="rId1"/></sheets></workbook>`;
  const wbRels = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`;
  const sheet: ZipPart = typeof sheetXml === 'string' ? { name: 'xl/worksheets/sheet1.xml', data: sheetXml } : { name: 'xl/worksheets/sheet1.xml', data: '', deflated: sheetXml.deflated };
  return buildZip([
    { name: '[Content_Types].xml', data: ct },
    { name: '_rels/.rels', data: rels },
    { name: 'xl/workbook.xml', data: wb },
    { name: 'xl/_rels/workbook.xml.rels', data: wbRels },
    sheet,
  ]);
}

export function sheetXml(rowsXml: string): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rowsXml}</sheetData></worksheet>`;
}
