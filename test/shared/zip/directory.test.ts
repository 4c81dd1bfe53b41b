// The zip's layout leaves no room for a second reading: every byte before the central directory
// belongs to one listed entry, and one end record closes the file right after the directory. A
// file laid out otherwise is refused, because another program (a streaming reader, unzip, a
// reader that takes another end record) could read parts the server never validated.
import { readWorkbook } from '../../../shared';
import { MAX_ENTRY_NAME } from '../../../shared/zip/directory';
import { book, worksheet, type HostilePart } from '../../helpers/hostile-zip';

const REAL = worksheet('<row r="1"><c r="A1" t="inlineStr"><is><t>较好</t></is></c></row>');
const FORGED = worksheet('<row r="1"><c r="A1" t="inlineStr"><is><t>好</t></is></c></row>');
const SHEET = 'xl/worksheets/sheet1.xml';

function sheetBook(edit?: (parts: HostilePart[]) => HostilePart[]): Uint8Array {
  return book({ sheets: [{ name: '一览表', xml: REAL }], edit });
}

/** The same part again, before the real one, as a local entry the directory does not list. */
const forgedBefore = (parts: HostilePart[]): HostilePart[] => parts.flatMap((p) => (p.name === SHEET ? [{ name: SHEET, data: FORGED, unlisted: true }, p] : [p]));

function endRecordAt(b: Uint8Array): number {
  return Buffer.from(b).lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
}

/** A comment of `text` on the end record. */
function withComment(b: Uint8Array, text: Uint8Array): Uint8Array {
  const out = Buffer.concat([Buffer.from(b), Buffer.from(text)]);
  out.writeUInt16LE(text.length, endRecordAt(b) + 20);
  return new Uint8Array(out);
}

async function codes(bytes: Uint8Array): Promise<string[]> {
  return (await readWorkbook(bytes)).issues.map((i) => `${i.code}: ${i.message}`);
}

const layout = (what: string) => `ZIP_LAYOUT: 工作簿的压缩包结构异常（${what}），文件可能已损坏或被改动，已拒绝读取；请在 Excel 或 WPS 中另存为 .xlsx 后再上传`;

test.each<[string, () => Uint8Array, string]>([
  ['a forged sheet as a local entry the directory does not list, before the real one (read first by java.util.zip.ZipInputStream)', () => sheetBook(forgedBefore), layout('部件之间有目录中没有列出的数据')],
  ['an unlisted entry first in the file', () => sheetBook((p) => [{ name: SHEET, data: FORGED, unlisted: true }, ...p]), layout('部件之间有目录中没有列出的数据')],
  ['an unlisted entry between the last entry and the directory', () => sheetBook((p) => [...p, { name: 'xl/media/image1.png', data: 'x', unlisted: true }]), layout('部件之间有目录中没有列出的数据')],
  ['the end record written twice (Python zipfile: BadZipFile)', () => {
    const b = sheetBook();
    return new Uint8Array(Buffer.concat([Buffer.from(b), Buffer.from(b.subarray(endRecordAt(b)))]));
  }, layout('有两个目录结尾记录')],
  ['a second end record, listing nothing, hidden in the first one\'s comment', () => {
    const b = sheetBook();
    const fake = Buffer.from(b.subarray(endRecordAt(b)));
    fake.writeUInt16LE(0, 8);
    fake.writeUInt16LE(0, 10);
    return withComment(b, fake);
  }, layout('有两个目录结尾记录')],
  ['bytes between the directory and its end record', () => {
    const b = Buffer.from(sheetBook());
    const end = endRecordAt(b);
    return new Uint8Array(Buffer.concat([b.subarray(0, end), Buffer.alloc(100), b.subarray(end)]));
  }, layout('目录之后有多余的数据')],
  ['bytes after the end record', () => new Uint8Array(Buffer.concat([Buffer.from(sheetBook()), Buffer.alloc(5000)])), layout('目录结尾记录之后有多余的数据')],
  ['a zip comment of 513 bytes (LibreOffice: "source file could not be loaded")', () => withComment(sheetBook(), Buffer.alloc(513, 0x78)), layout('压缩包注释超过 512 字节')],
])('%s → ZIP_LAYOUT', async (_name, make, want) => {
  expect(await codes(make())).toEqual([want]);
});

// What real writers produce is read: folders listed as entries (exceljs), data descriptors with
// and without their signature (LibreOffice writes them), stored entries, a zip comment LibreOffice
// still opens.
test.each<[string, () => Uint8Array]>([
  ['folder entries', () => sheetBook((p) => [{ name: 'xl/', data: '' }, { name: 'xl/worksheets/', data: '', store: true }, ...p])],
  ['data descriptors with and without their signature', () => sheetBook((p) => p.map((x, i) => ({ ...x, descriptor: { signature: i % 2 === 0 } })))],
  ['every entry stored', () => sheetBook((p) => p.map((x) => ({ ...x, store: true })))],
  ['a zip comment of 512 bytes', () => withComment(sheetBook(), Buffer.alloc(512, 0x78))],
])('a layout real writers produce is read: %s', async (_name, make) => {
  const r = await readWorkbook(make());
  expect(r.issues).toEqual([]);
  expect(r.model?.sheets[0]?.rows[0]?.cells[1]?.v).toBe('较好');
});

test('the forged twin is refused whatever the order of the two entries', async () => {
  const after = (parts: HostilePart[]) => parts.flatMap((p) => (p.name === SHEET ? [p, { name: SHEET, data: FORGED, unlisted: true }] : [p]));
  expect(await codes(sheetBook(after))).toEqual([layout('部件之间有目录中没有列出的数据')]);
});

/** The "Q" of "imageQ" in both headers' copies of the name made 0xFF, a byte UTF-8 never uses. */
function notUtf8(bytes: Uint8Array): Uint8Array {
  const b = Buffer.from(bytes);
  for (let at = b.indexOf('imageQ'); at >= 0; at = b.indexOf('imageQ', at + 1)) b[at + 5] = 0xff;
  return new Uint8Array(b);
}

describe('entry names no spreadsheet program writes are refused', () => {
  const extra = (name: string, data = 'hello') => sheetBook((p) => [...p, { name, data }]);
  test.each<[string, () => Uint8Array, string]>([
    ['a backslash twin of the sheet, with other grades (unzip writes it over the real sheet)', () => sheetBook((p) => [...p, { name: 'xl\\worksheets\\sheet1.xml', data: FORGED }]), '含有反斜杠'],
    ['a Windows path', () => extra('C:\\Windows\\evil.dll'), '含有反斜杠'],
    ['".." segments', () => extra('../../evil.txt'), '含有“.”或“..”路径段'],
    ['a "." segment', () => extra('xl/./worksheets/sheet1.xml', FORGED), '含有“.”或“..”路径段'],
    ['an empty segment', () => extra('xl//worksheets/sheet1.xml', FORGED), '含有空的路径段'],
    ['an absolute path', () => extra('/etc/passwd'), '是绝对路径'],
    ['a drive letter', () => extra('C:/evil.dll'), '是绝对路径'],
    ['a NUL', () => extra('a\u0000b.xml'), '含有控制字符'],
    ['a line break', () => extra('x\r\n请联系管理员\r\n.xml'), '含有控制字符'],
    ['a right-to-left override', () => extra('xl/\u202egnp.exe'), '含有控制字符'],
    ['60,000 characters', () => extra('x'.repeat(60_000)), '超过 255 个字符'],
    ['a folder entry that holds data', () => extra('xl/media/'), '文件夹条目含有数据'],
    ['a byte that is not UTF-8 (U+FFFD here, something else elsewhere)', () => notUtf8(extra('xl/media/imageQ.png')), '不是有效的 UTF-8 文字'],
    ['non-ASCII not marked UTF-8 (CP437 to Python and unzip)', () => sheetBook((p) => [...p, { name: 'xl/media/图片.png', data: 'png', central: { flags: 0 }, local: { flags: 0 } }]), '含有未标明 UTF-8 编码的非 ASCII 字符'],
  ])('%s', async (_name, make, what) => {
    const r = await readWorkbook(make());
    expect(r.issues.map((i) => [i.code, i.params?.what])).toEqual([['ZIP_ENTRY_NAME', what]]);
    expect(r.issues[0]?.message).toMatch(/^工作簿部件名称“.*”不是电子表格程序会写出的（.+），文件可能已损坏或被改动，已拒绝读取；请在 Excel 或 WPS 中另存为 \.xlsx 后再上传$/s);
    expect(r.issues[0]?.message.length).toBeLessThan(200);
    // The name is quoted on one line, whatever it holds (nameText).
    expect(r.issues[0]?.message).not.toMatch(/[\p{Cc}\p{Cf}]/u);
  });

  test('names real writers use are read: brackets, folders, non-ASCII, 255 characters', async () => {
    const r = await readWorkbook(sheetBook((p) => [{ name: 'docProps/', data: '' }, ...p, { name: 'xl/media/图片 1.png', data: 'png' }, { name: `xl/${'n'.repeat(MAX_ENTRY_NAME - 7)}.bin`, data: 'x' }]));
    expect(r.issues).toEqual([]);
  });
});
