// The workbook is found as Excel and LibreOffice find it: named by _rels/.rels and declared a
// workbook in [Content_Types].xml. A file without either opens in neither program (LibreOffice:
// "source file could not be loaded"; openpyxl: KeyError), so it is refused rather than read by
// a guess that the county's programs would not make.
import { readWorkbook } from '../../../shared';
import { book, worksheet, type HostilePart } from '../../helpers/hostile-zip';

const CT_NS = 'http://schemas.openxmlformats.org/package/2006/content-types';
const MAIN = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml';
const RELS = 'application/vnd.openxmlformats-package.relationships+xml';
const OFFICE_DOCUMENT = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument';

const types = (inner: string) => `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="${CT_NS}"><Default Extension="rels" ContentType="${RELS}"/>${inner}</Types>`;
const rootRels = (inner: string) => `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${inner}</Relationships>`;
const officeDocument = (target: string, extra = '') => `<Relationship Id="rId1" Type="${OFFICE_DOCUMENT}" Target="${target}"${extra}/>`;

/** A one-sheet workbook with one part replaced (data) or left out (null). */
function withPart(name: string, data: string | null, more: (parts: HostilePart[]) => HostilePart[] = (p) => p): Uint8Array {
  return book({
    sheets: [{ name: '一览表', xml: worksheet('<row r="1"><c r="A1"><v>1</v></c></row>') }],
    edit: (parts) => more(parts.flatMap((p) => (p.name !== name ? [p] : data === null ? [] : [{ ...p, data }]))),
  });
}

async function issues(bytes: Uint8Array): Promise<string[]> {
  return (await readWorkbook(bytes)).issues.map((i) => `${i.code}: ${i.message}`);
}

const damaged = (detail: string) => `PACKAGE_DAMAGED: 工作簿的结构不完整（${detail}），文件可能已损坏或被改动，已拒绝读取；请在 Excel 或 WPS 中另存为 .xlsx 后再上传`;

test.each<[string, () => Uint8Array, string]>([
  ['no [Content_Types].xml', () => withPart('[Content_Types].xml', null), damaged('缺少 [Content_Types].xml')],
  ['[Content_Types].xml that is not XML', () => withPart('[Content_Types].xml', 'not xml at all <<<'), 'WORKBOOK_UNREADABLE: 无法读取工作簿（[Content_Types].xml 不是有效的 XML），请在 Excel 或 WPS 中打开并另存为 .xlsx 后再上传'],
  ['[Content_Types].xml that is another XML document', () => withPart('[Content_Types].xml', rootRels('')), damaged('[Content_Types].xml 不是内容类型清单')],
  ['[Content_Types].xml that says nothing of the workbook', () => withPart('[Content_Types].xml', types('<Default Extension="xml" ContentType="application/xml"/>')), damaged('[Content_Types].xml 没有声明工作簿的类型')],
  ['the workbook declared as plain XML', () => withPart('[Content_Types].xml', types(`<Default Extension="xml" ContentType="${MAIN}"/><Override PartName="/xl/workbook.xml" ContentType="application/xml"/>`)), damaged('[Content_Types].xml 没有声明工作簿的类型')],
  ['the workbook declared twice', () => withPart('[Content_Types].xml', types(`<Override PartName="/xl/workbook.xml" ContentType="${MAIN}"/><Override PartName="/xl/workbook.xml" ContentType="application/xml"/>`)), damaged('[Content_Types].xml 重复声明了工作簿的类型')],
  ['no _rels/.rels', () => withPart('_rels/.rels', null), damaged('缺少 _rels/.rels')],
  ['_rels/.rels naming a part that is not there (the workbook was guessed at xl/workbook.xml)', () => withPart('_rels/.rels', rootRels(officeDocument('xl/nothere.xml'))), damaged('_rels/.rels 中没有指向工作簿的关系')],
  ['_rels/.rels naming the workbook as an external link', () => withPart('_rels/.rels', rootRels(officeDocument('xl/workbook.xml', ' TargetMode="External"'))), damaged('_rels/.rels 中没有指向工作簿的关系')],
])('%s → refused', async (_name, make, want) => {
  expect(await issues(make())).toEqual([want]);
});

// What Excel-like writers and LibreOffice open is read.
test.each<[string, () => Uint8Array]>([
  ['declared by an Override (Excel, LibreOffice, openpyxl, exceljs)', () => withPart('[Content_Types].xml', types(`<Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="${MAIN}"/>`))],
  ['declared by the Default for .xml', () => withPart('[Content_Types].xml', types(`<Default Extension="XML" ContentType="${MAIN}"/>`))],
  ['a template (.xltx)', () => withPart('[Content_Types].xml', types(`<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml"/>`))],
  ['a macro-enabled workbook (.xlsm), names in another case', () => withPart('[Content_Types].xml', types(`<Override PartName="/XL/Workbook.xml" ContentType="application/vnd.ms-excel.sheet.macroEnabled.main+xml"/>`))],
  ['a workbook part of another name, found through _rels/.rels', () => withPart('_rels/.rels', rootRels(officeDocument('/xl/book.xml')), (parts) => parts.map((p) => {
    if (p.name === 'xl/workbook.xml') return { ...p, name: 'xl/book.xml' };
    if (p.name === 'xl/_rels/workbook.xml.rels') return { ...p, name: 'xl/_rels/book.xml.rels' };
    if (p.name === '[Content_Types].xml') return { ...p, data: types(`<Override PartName="/xl/book.xml" ContentType="${MAIN}"/>`) };
    return p;
  }))],
])('read: %s', async (_name, make) => {
  const r = await readWorkbook(make());
  expect(r.issues).toEqual([]);
  expect(r.model?.sheets.map((s) => [s.name, s.rows.length])).toEqual([['一览表', 1]]);
});
