import { CUT_MARKER, MAX_CELL_CHARS, looksLikeFormula, safeText } from '../../../shared/text/sanitize';

describe('safeText', () => {
  test.each([
    ['ordinary text is unchanged', '东山村党支部', '东山村党支部'],
    ['tab, LF and CR are kept', 'a\tb\nc\rd', 'a\tb\nc\rd'],
    ['C0 controls are removed', 'a\u0000b\u0001c\u0008d\u000Be\u000Cf\u001Fg', 'abcdefg'],
    ['U+FFFE and U+FFFF are removed', '东山\uFFFE村\uFFFF', '东山村'],
    ['other non-characters are removed', 'a\uFDD0b\uFDEFc\u{1FFFE}d\u{10FFFF}e', 'abcde'],
    ['a lone high surrogate is removed', 'a\uD800b', 'ab'],
    ['a lone low surrogate is removed', 'a\uDC00b', 'ab'],
    ['a surrogate pair (a real character) is kept', '𠀋村', '𠀋村'],
    ['U+FFFD and private use are kept (valid XML)', '\uFFFD\uE000', '\uFFFD\uE000'],
  ])('%s', (_what, input, expected) => {
    expect(safeText(input)).toBe(expected);
  });

  test('returns the same string when nothing changes (no copy of ordinary text)', () => {
    const s = '好'.repeat(100);
    expect(safeText(s)).toBe(s);
  });

  test.each([
    ['exactly the limit', MAX_CELL_CHARS, MAX_CELL_CHARS],
    ['one over the limit', MAX_CELL_CHARS + 1, MAX_CELL_CHARS],
    ['a million characters', 1_000_000, MAX_CELL_CHARS],
  ])('a cell of %s fits Excel’s limit', (_what, n, len) => {
    const out = safeText('名'.repeat(n));
    expect(out.length).toBe(len);
    if (n > MAX_CELL_CHARS) expect(out.endsWith(CUT_MARKER)).toBe(true);
  });

  test('a cut never splits a surrogate pair', () => {
    const out = safeText('𠀋'.repeat(MAX_CELL_CHARS));
    expect(out.length).toBeLessThanOrEqual(MAX_CELL_CHARS);
    expect(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/.test(out)).toBe(false);
    expect(out.endsWith(CUT_MARKER)).toBe(true);
  });
});

describe('looksLikeFormula', () => {
  test.each([
    ['=1+1', true],
    ['+86 138', true],
    ['-5', true],
    ['@SUM(A1)', true],
    ['\t=1', true],
    ['\r=1', true],
    ['＝1+1', true],
    ['东山村=1', false],
    ['1+1', false],
    ['', false],
  ])('%j → %s', (s, expected) => {
    expect(looksLikeFormula(s)).toBe(expected);
  });
});
