import { crc32 } from 'node:zlib';
import { crc32Combine } from '../../../functions/src/xlsx-out/crc';

describe('crc32Combine', () => {
  const bytes = (n: number, seed: number) => Buffer.from(Array.from({ length: n }, (_, i) => (i * 31 + seed * 17) & 0xff));

  test.each([
    [0, 0],
    [0, 5],
    [5, 0],
    [1, 1],
    [100, 3],
    [7, 1 << 16],
    [1 << 18, 1234567],
  ])('CRC(A ‖ B) from CRC(A), CRC(B) and |B| (%i, %i bytes)', (a, b) => {
    const A = bytes(a, 1);
    const B = bytes(b, 2);
    expect(crc32Combine(crc32(A), crc32(B), B.length)).toBe(crc32(Buffer.concat([A, B])));
  });
});
