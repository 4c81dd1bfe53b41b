// The reader's CRC-32 against zlib's, across the lengths where slicing by 8 changes path.
import { randomBytes } from 'node:crypto';
import * as zlib from 'node:zlib';
import { crc32 } from '../../../shared/zip/crc32';

test.each([0, 1, 7, 8, 9, 15, 16, 17, 1000, 65_537])('%d random bytes, whole and in two pieces', (n) => {
  const b = new Uint8Array(randomBytes(n));
  const expected = zlib.crc32(b) >>> 0;
  expect(crc32(b)).toBe(expected);
  expect(crc32(b.subarray(n >> 1), crc32(b.subarray(0, n >> 1)))).toBe(expected);
});
