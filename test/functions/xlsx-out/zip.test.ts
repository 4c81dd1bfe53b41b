// The lean writer's zip read back by the product's own strict reader (central directory against
// every local header, sizes and CRC) and by fflate.
import { strFromU8, unzipSync } from 'fflate';
import { ZipPackage } from '../../../functions/src/xlsx-out/zip';
import { readLimits } from '../../../shared/xlsx/limits';
import { readZipDirectory } from '../../../shared/zip/directory';
import { Pacer, inflateEntry } from '../../../shared/zip/inflate';

/** Each entry inflated and checked against its declared size and CRC (throws otherwise). */
async function verified(bytes: Uint8Array): Promise<Record<string, string>> {
  const dir = readZipDirectory(bytes, readLimits({ maxRatio: 10_000 }));
  const out: Record<string, string> = {};
  for (const e of dir.entries) {
    const chunks: Uint8Array[] = [];
    await inflateEntry(bytes, e, (c) => chunks.push(c.slice()), new Pacer());
    out[e.name] = Buffer.concat(chunks).toString('utf8');
  }
  return out;
}

describe('the zip container', () => {
  test('parts of any size (many pieces, some on the thread pool), heads put first, in the order opened', async () => {
    const zip = new ZipPackage(new Date(Date.UTC(2026, 3, 25, 10, 20, 30)), 1);
    const big = zip.part('xl/big.xml');
    const small = zip.part('small.xml');
    const empty = zip.part('empty.xml');
    let expected = '';
    for (let i = 0; i < 60_000; i++) {
      const line = `<row r="${i}">第${i}行 ${'x'.repeat(i % 50)}</row>`;
      big.write(line);
      expected += line;
    }
    small.write('body');
    big.end('<head dimension="A1:Z60000">', '</tail>');
    small.end('<h>', '</t>');
    empty.end('', '');
    const bytes = new Uint8Array(await zip.finish());
    const files = await verified(bytes);
    expect(Object.keys(files)).toEqual(['xl/big.xml', 'small.xml', 'empty.xml']);
    expect(files['xl/big.xml']).toBe(`<head dimension="A1:Z60000">${expected}</tail>`);
    expect(files['small.xml']).toBe('<h>body</t>');
    expect(files['empty.xml']).toBe('');
    expect(strFromU8(unzipSync(bytes)['small.xml'] as Uint8Array)).toBe('<h>body</t>');
  });

  test('a part not ended, a part opened twice or written after its end is a programming error', async () => {
    const zip = new ZipPackage(new Date());
    const p = zip.part('a.xml');
    expect(() => zip.part('a.xml')).toThrow(/twice/);
    await expect(zip.finish()).rejects.toThrow(/not ended/);
    p.end('', '');
    expect(() => p.write('x')).toThrow(/closed/);
  });
});
