import { backoffMs, ContentionError, retryOnConflict, type RetryClock, type RetryOptions } from '../../../functions/src/storage/retry';
import { ConflictError } from '../../../functions/src/storage/store';

const opts: RetryOptions = { tries: 5, baseMs: 10, maxMs: 50 };

/** Records the pauses instead of waiting; random() = 1 - ε shows each pause's upper bound. */
function clock(random = () => 0.999999): RetryClock & { pauses: number[] } {
  const pauses: number[] = [];
  return { pauses, random, sleep: async (ms) => void pauses.push(ms) };
}

describe('backoff', () => {
  it.each([
    [1, 9],
    [2, 19],
    [3, 39],
    [4, 49],
    [9, 49],
  ])('after %i conflicts the pause is below min(max, base·2^(n-1)): %i ms at most', (n, max) => {
    expect(backoffMs(n, opts, () => 0.999999)).toBe(max);
    expect(backoffMs(n, opts, () => 0)).toBe(0);
  });

  it('is jittered: different random draws give different pauses', () => {
    const seen = new Set([0.1, 0.3, 0.5, 0.7, 0.9].map((r) => backoffMs(3, opts, () => r)));
    expect(seen.size).toBe(5);
  });
});

describe('retryOnConflict', () => {
  it('returns the first result without pausing', async () => {
    const c = clock();
    await expect(retryOnConflict('x', async () => 42, opts, c)).resolves.toBe(42);
    expect(c.pauses).toEqual([]);
  });

  it('retries a conflict after growing pauses and returns once the write goes through', async () => {
    const c = clock();
    const attempts: number[] = [];
    const r = await retryOnConflict(
      'x',
      async (n) => {
        attempts.push(n);
        if (n < 3) throw new ConflictError(412);
        return 'done';
      },
      opts,
      c,
    );
    expect(r).toBe('done');
    expect(attempts).toEqual([0, 1, 2, 3]);
    expect(c.pauses).toEqual([9, 19, 39]);
  });

  it('gives up after the bounded number of tries with a ContentionError', async () => {
    const c = clock();
    let calls = 0;
    const p = retryOnConflict('upload c/t', async () => {
      calls++;
      throw new ConflictError(409);
    }, opts, c);
    await expect(p).rejects.toBeInstanceOf(ContentionError);
    await expect(p).rejects.toThrow('upload c/t kept conflicting after 5 tries');
    expect(calls).toBe(5);
    expect(c.pauses).toHaveLength(4);
  });

  it('does not retry anything but a conflict', async () => {
    const c = clock();
    let calls = 0;
    await expect(retryOnConflict('x', async () => {
      calls++;
      throw new Error('boom');
    }, opts, c)).rejects.toThrow('boom');
    expect(calls).toBe(1);
  });
});
