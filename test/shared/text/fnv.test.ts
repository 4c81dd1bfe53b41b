import { stableId } from '../../../shared/roster/ids';
import { defaultScheme, yichunScheme } from '../../../shared/scheme/default';
import { schemeFingerprint } from '../../../shared/scheme/lookup';
import { fnv1a2x32 } from '../../../shared/text/fnv';

// Stored organization and ledger ids and the fingerprints written into every template are made
// from this hash: the values below were produced before it had one owner and must never change.
describe('fnv1a2x32', () => {
  // The first half is the standard 32-bit FNV-1a (its published test vectors).
  it.each([
    ['', 0x811c9dc5],
    ['a', 0xe40c292c],
    ['foobar', 0xbf9cf968],
  ])('first half of %p is FNV-1a %i', (text, h1) => {
    expect(fnv1a2x32(text)[0]).toBe(h1);
  });

  it('starts the second half from the length, with another multiplier', () => {
    expect(fnv1a2x32('')[1]).toBe(0x01000193);
    expect(fnv1a2x32('a')[1]).toBe(Math.imul((0x01000193 ^ 1) ^ 0x61, 0x5bd1e995) >>> 0);
  });

  it('is two unsigned 32-bit numbers', () => {
    for (const t of ['', 'x', '甲村党支部', 'x'.repeat(1000)]) for (const h of fnv1a2x32(t)) expect(h >>> 0).toBe(h);
  });
});

describe('what is made from it stays as stored', () => {
  it.each([
    ['o', ['c2026', 'dongshan', '甲村党支部'], 'o-1vf87mq0r6j4fi'],
    ['l', [], 'l-0ztntfp009zloz'],
    ['o', ['', ''], 'o-014fqfg09044un'],
  ])('stableId(%p, %j) → %s', (prefix, parts, id) => {
    expect(stableId(prefix, parts)).toBe(id);
  });

  it.each([
    ['default', defaultScheme, 'ded61089b5d7e8f9'],
    ['yichun', yichunScheme, '5ab40735f9f4525d'],
  ])('schemeFingerprint(%s) → %s', (_, scheme, fp) => {
    expect(schemeFingerprint(scheme)).toBe(fp);
  });
});
