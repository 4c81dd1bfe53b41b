// The server inflates small parts with Node's zlib (and checks their CRC with it), the task pane with fflate. They must agree:
// every workbook the tests make, and every broken or lying stream, gives the same result (the same
// submission, or the same refusal) whichever inflater reads it.
import * as zlib from 'node:zlib';
import { defaultScheme, readSubmission, type ReadResult } from '../../../shared';
import { crc32 } from '../../../shared/zip/crc32';
import { setNativeZip } from '../../../shared/zip/inflate';
import { nativeOneShot, nodeZip } from '../../../functions/src/upload/native-inflate';
import { handMade } from '../../helpers/hand-made';
import { bombStream } from '../../helpers/hostile-zip';
import { buildZip, filledWorkbook, minimalXlsx, sheetXml, template, unzipParts, type ZipPart } from '../../helpers/workbooks';
import { filled } from '../filled';

async function readWith(native: boolean, bytes: Uint8Array): Promise<ReadResult> {
  setNativeZip(native ? nodeZip : null);
  try {
    return await readSubmission(bytes, defaultScheme);
  } finally {
    setNativeZip(null);
  }
}

async function agree(bytes: Uint8Array): Promise<ReadResult> {
  const pane = await readWith(false, bytes);
  const server = await readWith(true, bytes);
  expect(server).toEqual(pane);
  return server;
}

/** The sheet part of a small workbook, replaced by `sheet` (raw deflate bytes and the size the headers declare). */
function withSheet(deflated: Uint8Array, size: number): Uint8Array {
  return minimalXlsx({ deflated: { data: deflated, size, crc: zlib.crc32(SHEET) } });
}

const SHEET = sheetXml('<row r="1"><c r="A1"><v>1</v></c></row>');
const good = new Uint8Array(zlib.deflateRawSync(Buffer.from(SHEET)));

describe('workbooks read the same with either inflater', () => {
  test.each<[string, () => Promise<Uint8Array>]>([
    ['a filled template (40)', () => filledWorkbook({ n: 40 })],
    ['a blank template', () => template()],
    ['the hand-made Traditional sheet', handMade],
    ['a township upload with a bad score', async () => (await filled({ id: 'xihe', name: '西河乡' }, { seed: 6, mutate: (o) => ((o[0] as { scores: unknown[] }).scores[1] = 'abc') })).bytes],
    ['every part re-deflated at level 9', async () => buildZip(unzipParts(await filledWorkbook({ n: 10 })).map((p): ZipPart => ({ ...p, deflated: { data: new Uint8Array(zlib.deflateRawSync(Buffer.from(p.data), { level: 9 })), size: Buffer.from(p.data).length, crc: zlib.crc32(Buffer.from(p.data)) } })))],
  ])('%s', async (_name, make) => {
    const r = await agree(await make());
    expect(r.issues.filter((i) => i.code.startsWith('ZIP_'))).toEqual([]);
  });
});

describe('broken and lying streams are refused the same way', () => {
  test.each<[string, () => Uint8Array, string]>([
    ['the true stream', () => withSheet(good, SHEET.length), ''],
    ['a size declared one byte short', () => withSheet(good, SHEET.length - 1), 'ZIP_SIZE_MISMATCH'],
    ['a size declared one byte long', () => withSheet(good, SHEET.length + 1), 'ZIP_SIZE_MISMATCH'],
    ['a small bomb declaring 1 KB', () => withSheet(bombStream(1), 1024), 'ZIP_SIZE_MISMATCH'],
    ['a stream cut in half', () => withSheet(good.slice(0, good.length >> 1), SHEET.length), 'ZIP_TRUNCATED'],
    ['random bytes', () => withSheet(Uint8Array.from({ length: 300 }, (_, i) => (i * 97 + 13) & 0xff), SHEET.length), 'ZIP_TRUNCATED'],
    ['a reserved block type (11)', () => withSheet(Uint8Array.from([0x07, 0x00, 0x00]), SHEET.length), 'ZIP_TRUNCATED'],
    ['a stored block whose length check fails', () => withSheet(Uint8Array.from([0x01, 0x05, 0x00, 0x00, 0x00, 0x61]), 5), 'ZIP_TRUNCATED'],
    // Bytes no spreadsheet program writes, refused by both (ZIP_LAYOUT, shared/zip/inflate.ts).
    ['garbage after the final block', () => withSheet(Uint8Array.from([...good, 0xde, 0xad, 0xbe, 0xef]), SHEET.length), 'ZIP_LAYOUT'],
  ])('%s', async (_name, make, code) => {
    const r = await agree(make());
    expect(r.issues.find((i) => i.code.startsWith('ZIP_'))?.code ?? '').toBe(code);
  });
});

describe('the native one-shot inflater', () => {
  test('never gives more than its limit: 64 MB of zeros against a 1 KB limit is "too-large"', () => {
    expect(nativeOneShot(bombStream(64), 1024)).toBe('too-large');
  });

  test('gives the bytes when they fit, and throws on a broken stream', () => {
    expect(Buffer.from(nativeOneShot(good, SHEET.length + 1) as Uint8Array).toString('utf8')).toBe(SHEET);
    expect(() => nativeOneShot(Uint8Array.from([0x07, 0x00]), 100)).toThrow();
  });
});

describe("Node's CRC-32 is ours", () => {
  const bytes = Uint8Array.from({ length: 70_001 }, (_, i) => (i * 7919 + (i >> 3)) & 0xff);
  test.each<[string, Uint8Array, number[]]>([
    ['nothing', new Uint8Array(0), []],
    ['one byte', Uint8Array.of(0xff), []],
    ['a 70 KB part in one go', bytes, []],
    // The reader continues the CRC chunk by chunk; odd cuts cross the 8-byte steps of ours.
    ['the same part in chunks', bytes, [1, 7, 8, 9, 65_536]],
  ])('%s', (_name, b, cuts) => {
    const native = nodeZip.crc32;
    if (!native) throw new Error('this Node has no zlib.crc32');
    let ours = 0;
    let theirs = 0;
    let from = 0;
    for (const to of [...cuts, b.length]) {
      ours = crc32(b.subarray(from, to), ours);
      theirs = native(b.subarray(from, to), theirs);
      from = to;
    }
    expect(theirs).toBe(ours);
    expect(ours).toBe(zlib.crc32(b));
  });
});
