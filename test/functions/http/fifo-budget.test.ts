// The budget behind the host's bounds on memory (request bodies, workbook reads): first come first
// served, a bounded wait, and whoever gives up lets the ones behind it in.
import { FifoBudget } from '../../../functions/src/http/fifo-budget';

describe('FifoBudget', () => {
  type Step = ['reserve', string, number, number] | ['release', number];
  // [steps, which reservations were granted (by name), in order; bytes reserved at the end]
  test.each<[string, Step[], string[], number]>([
    ['fits: granted at once', [['reserve', 'a', 40, 50], ['reserve', 'b', 60, 50]], ['a', 'b'], 100],
    ['full: waits until a release, then granted', [['reserve', 'a', 80, 50], ['reserve', 'b', 40, 200], ['release', 80]], ['a', 'b'], 40],
    ['full and never released: refused after the wait', [['reserve', 'a', 80, 50], ['reserve', 'b', 40, 30]], ['a'], 80],
    ['first come first served: a small one does not overtake a big one waiting', [['reserve', 'a', 70, 50], ['reserve', 'big', 60, 200], ['reserve', 'small', 10, 200], ['release', 70]], ['a', 'big', 'small'], 70],
    ['a waiter that gave up lets the ones behind it in', [['reserve', 'a', 70, 50], ['reserve', 'big', 60, 20], ['reserve', 'small', 10, 200]], ['a', 'small'], 80],
    ['more than the capacity is clamped to it', [['reserve', 'a', 500, 50]], ['a'], 100],
  ])('%s', async (_what, steps, granted, end) => {
    const b = new FifoBudget(100);
    const got: string[] = [];
    const pending: Array<Promise<void>> = [];
    for (const s of steps) {
      if (s[0] === 'release') {
        // Whatever was reserved so far has had its turn (granted ones synchronously, in order).
        await new Promise((r) => setTimeout(r, 5));
        b.release(s[1]);
      } else {
        const [, name, n, wait] = s;
        pending.push(b.reserve(n, wait).then((ok) => void (ok && got.push(name))));
      }
    }
    await Promise.all(pending);
    expect(got).toEqual(granted);
    expect(b.reserved).toBe(end);
  });
});


describe('FifoBudget.grow: more for a holder that needs it to finish (a body read as it arrives)', () => {
  const settle = () => new Promise((r) => setImmediate(r));

  test('goes ahead of reservations waiting, and is served first when units come back', async () => {
    const b = new FifoBudget(100);
    const got: string[] = [];
    const note = (name: string) => (ok: boolean) => void (ok && got.push(name));
    await b.reserve(70, 10_000);
    const big = b.reserve(60, 10_000).then(note('big'));
    // Fits beside the 70 although a reservation waits: taken at once.
    await b.grow(20, 10_000).then(note('grow 20'));
    // Does not fit: waits, ahead of the big one.
    const more = b.grow(30, 10_000).then(note('grow 30'));
    await settle();
    expect(got).toEqual(['grow 20']);
    b.release(30);
    await settle();
    expect(got).toEqual(['grow 20', 'grow 30']);
    b.release(100);
    await Promise.all([big, more]);
    expect(got).toEqual(['grow 20', 'grow 30', 'big']);
    expect(b.reserved).toBe(60);
  });

  test('a reservation of nothing (a body reserved as it arrives) never waits, even behind a waiting one', async () => {
    const b = new FifoBudget(100);
    await b.reserve(90, 10_000);
    void b.reserve(20, 10_000);
    let granted = false;
    void b.reserve(0, 10_000).then((ok) => (granted = ok));
    await settle();
    expect(granted).toBe(true);
    expect(b.reserved).toBe(90);
    b.release(90);
  });
});
