// Sizes in refusals: a size over a limit must read larger than the limit, in the same unit near it.
import { formatBytes, formatBytesOver } from '../../../shared/xlsx/limits';

const KB = 1024;
const MB = 1024 * 1024;

describe('formatBytesOver', () => {
  test.each([
    // [case, size, limit, size shown, limit shown]
    ['well over a round limit', 25 * MB, 20 * MB, '25.0 MB', '20.0 MB'],
    ['30 KB over 20 MB (rounded alike before)', 20 * MB + 30 * KB, 20 * MB, '20.1 MB', '20.0 MB'],
    ['one byte over 20 MB', 20 * MB + 1, 20 * MB, '20.1 MB', '20.0 MB'],
    ['1,200 bytes over a 1,000-byte limit (was "1 KB 超过上限 1000 字节")', 1200, 1000, '1200 字节', '1000 字节'],
    ['one byte over 1 KB', KB + 1, KB, '2 KB', '1 KB'],
    ['a limit that is not round is rounded down', 1.56 * MB, 1.55 * MB, '1.6 MB', '1.5 MB'],
    ['far over a small limit: the size in its own unit', 300 * MB, 1000, '300.0 MB', '1000 字节'],
    ['far over in KB', 50 * KB, 2 * KB, '50 KB', '2 KB'],
  ])('%s', (_case, size, limit, wantSize, wantLimit) => {
    expect(formatBytesOver(size, limit)).toEqual({ size: wantSize, limit: wantLimit });
  });

  test('for round limits the limit reads as formatBytes writes it', () => {
    for (const limit of [20 * MB, 200 * MB, 64 * KB, 900]) expect(formatBytesOver(limit + 1, limit).limit).toBe(formatBytes(limit));
  });

  test('the size shown is never at or below the limit shown, across sizes near many limits', () => {
    const num = (s: string) => Number(s.split(' ')[0]);
    for (const limit of [900, 1000, KB, 1500, 20 * KB, 1.55 * MB, 20 * MB, 20 * MB + 7]) {
      for (const over of [1, 2, 17, 100, 1023, 1024, 50_000, 104_857]) {
        const r = formatBytesOver(limit + over, limit);
        if (r.size.split(' ')[1] === r.limit.split(' ')[1]) expect(num(r.size)).toBeGreaterThan(num(r.limit));
      }
    }
  });
});
