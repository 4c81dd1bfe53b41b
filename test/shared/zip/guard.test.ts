// Malformed and hostile files: each gives exactly one clear issue, never a crash, within bounded memory.
import { defaultScheme, readSubmission, readWorkbook } from '../../../shared';
import { buildZip, deflatedRun, filledWorkbook, minimalXlsx, sheetXml, unzipParts } from '../../helpers/workbooks';

const MB = 1024 * 1024;

async function one(bytes: Uint8Array, opts: Parameters<typeof readSubmission>[2] = {}): Promise<{ code: string; message: string }> {
  const r = await readSubmission(bytes, defaultScheme, opts);
  expect(r.submission).toBeNull();
  expect(r.issues).toHaveLength(1);
  const i = r.issues[0]!;
  expect(i.message).toMatch(/[\u4e00-\u9fff]/);
  return { code: i.code, message: i.message };
}

let valid: Uint8Array;
beforeAll(async () => {
  valid = await filledWorkbook({ n: 20 });
});

test('a valid workbook passes the guards and its rows are read', async () => {
  const r = await readWorkbook(valid);
  expect(r.issues).toEqual([]);
  expect(r.model?.sheets.find((s) => s.name === '分类定级情况一览表')?.rows.length).toBeGreaterThanOrEqual(24);
});

test.each([
  ['an empty file', 'FILE_EMPTY', () => new Uint8Array(0)],
  ['a .xls renamed .xlsx (OLE signature)', 'FILE_OLD_XLS', () => Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0)])],
  ['a CSV file', 'FILE_NOT_XLSX', () => Uint8Array.from(Buffer.from('序号,党组织名称,总分\n1,东山村党支部,92\n'))],
  ['a PDF', 'FILE_NOT_XLSX', () => Uint8Array.from(Buffer.from('%PDF-1.7\n...'))],
  ['a truncated zip', 'ZIP_TRUNCATED', () => valid.slice(0, Math.floor(valid.length / 2))],
  ['a zip cut inside the central directory', 'ZIP_TRUNCATED', () => valid.slice(0, valid.length - 30)],
  ['a Word document', 'FILE_NOT_XLSX', () => buildZip([{ name: '[Content_Types].xml', data: '<Types/>' }, { name: 'word/document.xml', data: '<w:document/>' }])],
  ['an OpenDocument spreadsheet', 'FILE_NOT_XLSX', () => buildZip([{ name: 'mimetype', data: 'application/vnd.oasis.opendocument.spreadsheet', store: true }, { name: 'content.xml', data: '<office:document-content/>' }])],
  ['an encrypted entry', 'ZIP_UNSUPPORTED', () => buildZip(unzipParts(valid).map((p) => ({ ...p, flags: 0x801 })))],
  ['a broken workbook.xml', 'WORKBOOK_UNREADABLE', () => buildZip(unzipParts(valid).map((p) => (p.name === 'xl/workbook.xml' ? { ...p, data: '<workbook><sheets><sheet name="x" ' } : p)))],
])('%s → %s', async (_name, code, make) => {
  expect((await one(make())).code).toBe(code);
});

test('the old .xls message tells the clerk what to do', async () => {
  const r = await one(Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0, 0, 0]));
  expect(r.message).toContain('这是旧版 .xls 文件，请另存为 .xlsx');
});

test('a file over the size cap is refused before anything is parsed', async () => {
  expect((await one(valid, { limits: { maxFileBytes: 1000 } })).code).toBe('FILE_TOO_LARGE');
});

test('too many zip entries', async () => {
  expect((await one(valid, { limits: { maxEntries: 3 } })).code).toBe('ZIP_TOO_MANY_ENTRIES');
});

test('XXE: a DOCTYPE with an external entity in the sheet XML is refused', async () => {
  const parts = unzipParts(valid).map((p) => {
    if (p.name !== 'xl/worksheets/sheet1.xml') return p;
    const xml = Buffer.from(p.data).toString('utf8').replace('<worksheet', '<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><worksheet');
    return { ...p, data: xml };
  });
  const r = await one(buildZip(parts));
  expect(r.code).toBe('XML_DOCTYPE');
  expect(r.message).toContain('xl/worksheets/sheet1.xml');
});

test('XXE: billion laughs in sharedStrings is refused', async () => {
  const laughs = '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>&lol2;</t></si></sst>';
  const parts = unzipParts(valid).map((p) => (p.name === 'xl/sharedStrings.xml' ? { ...p, data: laughs } : p));
  expect((await one(buildZip(parts))).code).toBe('XML_DOCTYPE');
});

describe('zip bombs', () => {
  test('a 200 MB highly compressible sheet declared honestly → over the uncompressed cap', async () => {
    const run = await deflatedRun(210 * MB);
    expect(run.data.length).toBeLessThan(1 * MB);
    const before = process.memoryUsage().heapUsed;
    const r = await one(minimalXlsx({ deflated: run }));
    expect(r.code).toBe('ZIP_TOO_LARGE_UNCOMPRESSED');
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(100 * MB);
  });

  test('a 50 MB run in a few KB → compression ratio refused', async () => {
    const r = await one(minimalXlsx({ deflated: await deflatedRun(50 * MB) }));
    expect(r.code).toBe('ZIP_RATIO');
  });

  test('a bomb that lies about its size is caught while inflating, without inflating it all', async () => {
    const run = await deflatedRun(150 * MB);
    const before = process.memoryUsage().heapUsed;
    const r = await one(minimalXlsx({ deflated: { data: run.data, size: 4096 } }));
    expect(r.code).toBe('ZIP_RATIO');
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(100 * MB);
  });
});

test('200,001 rows are refused from the row count, before exceljs reads a cell', async () => {
  const rows: string[] = [];
  for (let r = 1; r <= 200_001; r++) rows.push(`<row r="${r}"><c r="A${r}"><v>${r}</v></c></row>`);
  const bytes = minimalXlsx(sheetXml(rows.join('')));
  const r = await one(bytes);
  expect(r.code).toBe('TOO_MANY_ROWS');
  expect(r.message).toContain('分类定级情况一览表');
});

test('a custom row cap applies to a real workbook', async () => {
  expect((await one(valid, { limits: { maxRowsPerSheet: 10 } })).code).toBe('TOO_MANY_ROWS');
});

test('an empty workbook (a sheet with no rows) is one clear issue', async () => {
  const r = await readSubmission(minimalXlsx(sheetXml(''), 'Sheet1'), defaultScheme);
  expect(r.submission).toBeNull();
  expect(r.issues.filter((i) => i.severity === 'error').map((i) => i.code)).toEqual(['SHEET_MISSING']);
});

test('corrupted bytes anywhere never throw: always a result, with an issue when nothing could be read', async () => {
  let seed = 12345;
  const rand = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);
  for (let k = 0; k < 40; k++) {
    const b = valid.slice();
    for (let j = 0; j < 8; j++) b[Math.floor(rand() * b.length)] = Math.floor(rand() * 256);
    const r = await readSubmission(b, defaultScheme);
    if (!r.submission) expect(r.issues.length).toBeGreaterThan(0);
    for (const i of r.issues) expect(i.message).toMatch(/[\u4e00-\u9fff]/);
  }
});
