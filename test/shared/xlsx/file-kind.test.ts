// A stored upload is handed back under the extension of its own package type: Excel refuses a
// macro-enabled workbook or a template named .xlsx.
import { workbookFileKind } from '../../../shared';
import { buildZip, filledWorkbook, unzipParts } from '../../helpers/workbooks';

const SHEET_MAIN = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml';

async function withMainType(type: string): Promise<Uint8Array> {
  const parts = unzipParts(await filledWorkbook({ n: 3 }));
  const ct = parts.find((p) => p.name === '[Content_Types].xml');
  if (!ct) throw new Error('no [Content_Types].xml');
  const xml = Buffer.from(ct.data).toString('utf8');
  if (!xml.includes(SHEET_MAIN)) throw new Error('no workbook type');
  ct.data = xml.replace(SHEET_MAIN, type);
  return buildZip(parts);
}

test.each([
  ['a workbook', SHEET_MAIN, 'xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
  ['a macro-enabled workbook (Excel writes macroEnabled)', 'application/vnd.ms-excel.sheet.macroEnabled.main+xml', 'xlsm', 'application/vnd.ms-excel.sheet.macroEnabled.12'],
  ['a template', 'application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml', 'xltx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.template'],
  ['a macro-enabled template', 'application/vnd.ms-excel.template.macroEnabled.main+xml', 'xltm', 'application/vnd.ms-excel.template.macroEnabled.12'],
])('%s', async (_name, type, extension, mime) => {
  expect(await workbookFileKind(await withMainType(type))).toEqual({ extension, mime });
});

test('bytes that are not a package are an .xlsx, as uploaded', async () => {
  expect((await workbookFileKind(new Uint8Array([1, 2, 3]))).extension).toBe('xlsx');
});
