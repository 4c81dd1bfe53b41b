// The cache of parsed content-named blobs: bounded by the bytes it holds and by count, least
// recently used out first, a blob larger than the budget never kept.
import { ContentCache } from '../../../functions/src/storage/content-cache';

type Step = ['set', string, number] | ['get', string];

describe('ContentCache', () => {
  test.each<[string, number, number, Step[], string[], number]>([
    // [case, maxBytes, maxEntries, steps, names kept (oldest first), bytes held]
    ['under both bounds everything stays', 100, 10, [['set', 'a', 30], ['set', 'b', 30], ['set', 'c', 30]], ['a', 'b', 'c'], 90],
    ['past the bytes the oldest goes', 100, 10, [['set', 'a', 40], ['set', 'b', 40], ['set', 'c', 40]], ['b', 'c'], 80],
    ['as many go as the new one needs', 100, 10, [['set', 'a', 30], ['set', 'b', 30], ['set', 'c', 30], ['set', 'd', 90]], ['d'], 90],
    ['past the count the oldest goes', 1000, 2, [['set', 'a', 1], ['set', 'b', 1], ['set', 'c', 1]], ['b', 'c'], 2],
    ['a read makes it the most recent', 100, 10, [['set', 'a', 40], ['set', 'b', 40], ['get', 'a'], ['set', 'c', 40]], ['a', 'c'], 80],
    ['larger than the budget: not kept, nothing dropped', 100, 10, [['set', 'a', 40], ['set', 'big', 101]], ['a'], 40],
    ['the same name again replaces it', 100, 10, [['set', 'a', 40], ['set', 'a', 60]], ['a'], 60],
  ])('%s', (_case, maxBytes, maxEntries, steps, kept, bytes) => {
    const c = new ContentCache<string>(maxBytes, maxEntries);
    for (const s of steps) {
      if (s[0] === 'set') c.set(s[1], `value of ${s[1]}`, s[2]);
      else expect(c.get(s[1])).toBe(`value of ${s[1]}`);
    }
    expect(c.stats()).toEqual({ bytes, entries: kept.length });
    for (const name of ['a', 'b', 'c', 'd', 'big']) expect(c.get(name) !== undefined).toBe(kept.includes(name));
  });
});
