// A deflated entry must end its deflate stream exactly where the directory says its data ends.
// With a data descriptor, a streaming reader (java.util.zip.ZipInputStream) looks for the
// descriptor and the next entry where the stream ends, so bytes after the stream's end, inside
// the declared size, are entries only it reads: a forged sheet hidden there. Without one, such
// bytes are still what no spreadsheet program writes. Both inflaters (the pane's fflate, the
// server's zlib) refuse it, for an entry small enough to inflate in one call and for a bigger one
// inflated in pieces, with a descriptor and without.
import { randomBytes } from 'node:crypto';
import * as zlib from 'node:zlib';
import { readWorkbook } from '../../../shared';
import { setNativeZip } from '../../../shared/zip/inflate';
import { nodeZip } from '../../../functions/src/upload/native-inflate';
import { book, hostileZip, worksheet, type HostilePart } from '../../helpers/hostile-zip';

const SHEET = 'xl/worksheets/sheet1.xml';
const REAL = worksheet('<row r="1"><c r="A1" t="inlineStr"><is><t>较好</t></is></c></row>');
const FORGED = worksheet('<row r="1"><c r="A1" t="inlineStr"><is><t>好</t></is></c></row>');
/** Random bytes: they do not compress, so the entry is over the one-call size (16 KB compressed). */
const IMAGE = randomBytes(40_000);

/** An entry (with a data descriptor, or sizes in both headers) whose declared data is its deflate stream followed by `tail`. */
function tailed(name: string, raw: Uint8Array, tail: Uint8Array, descriptor: boolean): HostilePart {
  const crc = zlib.crc32(raw) >>> 0;
  const data = Buffer.concat([zlib.deflateRawSync(raw), tail]);
  if (!descriptor) return { name, data: '', deflated: { data, size: raw.length }, central: { crc }, local: { crc } };
  return { name, data: '', deflated: { data, size: raw.length }, central: { crc }, descriptor: { crc, signature: true } };
}

/** What a streaming reader meets after the stream: the descriptor it expects, then a forged sheet. */
function forgedAfter(raw: Uint8Array): Uint8Array {
  const stream = zlib.deflateRawSync(raw);
  const descriptor = Buffer.alloc(16);
  descriptor.writeUInt32LE(0x08074b50, 0);
  descriptor.writeUInt32LE(zlib.crc32(raw) >>> 0, 4);
  descriptor.writeUInt32LE(stream.length, 8);
  descriptor.writeUInt32LE(raw.length, 12);
  const zip = Buffer.from(hostileZip([{ name: SHEET, data: FORGED }]));
  return Buffer.concat([descriptor, zip.subarray(0, zip.indexOf('PK\x01\x02'))]);
}

function withEntry(part: HostilePart): Uint8Array {
  return book({ sheets: [{ name: '一览表', xml: REAL }], edit: (parts) => [part, ...parts] });
}

const CT = Buffer.from('<?xml version="1.0"?><Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"/>');

describe.each([
  ['fflate (task pane), with a data descriptor', false, true],
  ['zlib (server), with a data descriptor', true, true],
  ['fflate (task pane), sizes in both headers', false, false],
  ['zlib (server), sizes in both headers', true, false],
])('%s', (_name, native, desc) => {
  beforeAll(() => setNativeZip(native ? nodeZip : null));
  afterAll(() => setNativeZip(null));

  test.each<[string, () => Uint8Array]>([
    ['a forged sheet after the stream of a small entry', () => withEntry(tailed('docProps/app.xml', CT, forgedAfter(CT), desc))],
    ['a forged sheet after the stream of an entry inflated in pieces', () => withEntry(tailed('xl/media/image1.png', IMAGE, forgedAfter(IMAGE), desc))],
    ['one byte after the stream', () => withEntry(tailed('docProps/app.xml', CT, Buffer.from([0]), desc))],
  ])('%s → ZIP_LAYOUT', async (_case, make) => {
    const r = await readWorkbook(make());
    expect(r.issues.map((i) => [i.code, i.message])).toEqual([
      ['ZIP_LAYOUT', '工作簿的压缩包结构异常（部件的压缩数据之后夹带了其他数据），文件可能已损坏或被改动，已拒绝读取；请在 Excel 或 WPS 中另存为 .xlsx 后再上传'],
    ]);
  });

  test.each<[string, () => Uint8Array]>([
    ['a small entry', () => withEntry(tailed('docProps/app.xml', CT, new Uint8Array(0), desc))],
    ['an entry inflated in pieces', () => withEntry(tailed('xl/media/image1.png', IMAGE, new Uint8Array(0), desc))],
    ['an empty entry', () => withEntry(tailed('docProps/custom.xml', new Uint8Array(0), new Uint8Array(0), desc))],
  ])('an entry whose stream ends with its data is read: %s', async (_case, make) => {
    const r = await readWorkbook(make());
    expect(r.issues).toEqual([]);
    expect(r.model?.sheets[0]?.rows[0]?.cells[1]?.v).toBe('较好');
  });
});
