// The pace a request body arrives at, judged on a clock the test moves: a body keeps the
// reservation of its declared size only while it arrives like a real upload, and one that stops or
// crawls is dropped. Time the server spends waiting for the budget is not the client's.
import { BodyPace, DEFAULT_PACE, type PaceLimits } from '../../../functions/src/http/body-pace';

const L: PaceLimits = DEFAULT_PACE;

/** Verdicts (with the second they came in) of a body sending `bytes` every `everyMs`, checked at each arrival and each moment nextCheckIn names, until `untilMs`. */
function run(pace: BodyPace, bytes: number, everyMs: number, untilMs: number): Array<[number, string]> {
  const said: Array<[number, string]> = [];
  let t = 0;
  let nextByte = everyMs;
  while (t < untilMs) {
    const check = t + Math.max(1, pace.nextCheckIn(t));
    if (bytes > 0 && nextByte <= check) {
      t = nextByte;
      nextByte += everyMs;
      const v = pace.arrived(bytes, t);
      pace.resume(t);
      if (v !== 'ok') said.push([Math.floor(t / 1000), v]);
    } else {
      t = check;
      const v = pace.check(t);
      if (v !== 'ok') said.push([Math.floor(t / 1000), v]);
    }
    if (said.some(([, v]) => v === 'stalled' || v === 'slow')) break;
  }
  return said;
}

describe('BodyPace', () => {
  test('one byte a second: loses its declared reservation after the 2 s of grace, dropped as too slow at the end of the first minute', () => {
    expect(run(new BodyPace(L, 0, true), 1, 1000, 200_000)).toEqual([
      [2, 'demote'],
      [60, 'slow'],
    ]);
  });

  test('nothing at all: stalled after 30 s', () => {
    expect(run(new BodyPace(L, 0, true), 0, 1000, 200_000)).toEqual([
      [2, 'demote'],
      [30, 'stalled'],
    ]);
  });

  test('a real upload (1 MB/s for 20 s) keeps its reservation and is never dropped', () => {
    expect(run(new BodyPace(L, 0, true), 64 * 1024, 62, 20_000)).toEqual([]);
  });

  test('a slow but real link (8 KB/s) loses the reservation but is never dropped', () => {
    expect(run(new BodyPace(L, 0, true), 8 * 1024, 1000, 300_000)).toEqual([[2, 'demote']]);
  });

  test('fast, then a trickle: the declared reservation goes once the bytes fall behind, the body at the end of the next full window', () => {
    const pace = new BodyPace(L, 0, true);
    expect(pace.arrived(1024 * 1024, 100)).toBe('ok');
    pace.resume(100);
    // 1 MB covers 2 s + 16 s of the trusted pace.
    expect(pace.check(17_999)).toBe('ok');
    expect(pace.check(18_000)).toBe('demote');
    // The first minute got 1 MB; the second gets only a few bytes.
    for (let t = 19_000; t < 120_000; t += 10_000) {
      expect(pace.arrived(1, t)).toBe('ok');
      pace.resume(t);
    }
    expect(pace.check(120_000)).toBe('slow');
    // 69 s, 79 s … 119 s.
    expect(pace.windowReceived).toBe(6);
  });

  test('a body reserved as it arrives is never demoted', () => {
    expect(run(new BodyPace(L, 0, false), 1, 1000, 200_000)).toEqual([[60, 'slow']]);
  });

  test('time spent waiting for the budget does not count against the client', () => {
    const pace = new BodyPace(L, 0, false);
    expect(pace.arrived(100, 1000)).toBe('ok');
    // Held back by the budget for 10 minutes.
    pace.resume(600_000);
    // The last byte came 1 s into the client's time; 29.999 s of it have passed since.
    expect(pace.check(600_000 + 29_999)).toBe('ok');
    expect(pace.nextCheckIn(600_000 + 29_999)).toBe(1);
    expect(pace.check(600_000 + 30_000)).toBe('stalled');
  });
});
