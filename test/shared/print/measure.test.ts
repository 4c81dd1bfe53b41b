import { fitWidth, splitLines, textWidth, wrappedLines } from '../../../shared/print/measure';

test.each([
  ['', 0],
  ['abc', 3],
  ['92.5', 4],
  ['村', 2],
  ['非公有制经济组织', 16],
  ['（15分）', 8],
  ['“好”', 6],
  ['１２', 4],
  ['𠀋', 2],
])('textWidth(%j) = %d', (s, w) => {
  expect(textWidth(s)).toBe(w);
});

test.each([
  ['fits on one line', '东山村党支部', 24, 1],
  ['a Chinese character that does not fit starts a new line', '党组织带头人', 6, 3],
  ['explicit line breaks count', '一\n二\n三', 20, 3],
  ['an empty text is one line', '', 10, 1],
  ['long explanation in a 24-wide column', '总分 92.5 分，定为“好”，经党委研究确定。', 24, 2],
])('wrappedLines: %s', (_what, s, width, lines) => {
  expect(wrappedLines(s, width)).toBe(lines);
});

test.each([
  ['fits the longest name with a margin', ['村', '非公有制经济组织'], 6, 60, 18],
  ['never narrower than the minimum', ['村'], 6, 60, 6],
  ['never wider than the maximum', ['很'.repeat(100)], 6, 30, 30],
])('fitWidth %s', (_what, texts, min, max, w) => {
  expect(fitWidth(texts, min, max)).toBe(w);
});

describe('splitLines: a text cut at its wrapped lines into pieces a row can hold', () => {
  // 9 characters a line in a 20-wide column: 50 characters are 6 lines.
  const text = '一二三四五六七八九'.repeat(5) + '十二三四五';

  test('a text within the limit is one piece, unchanged', () => {
    expect(splitLines(text, 20, 6)).toEqual([{ text, lines: 6 }]);
    expect(splitLines('', 20, 3)).toEqual([{ text: '', lines: 1 }]);
  });

  test('pieces of at most maxLines lines, cut where a line starts, that together are the text', () => {
    const pieces = splitLines(text, 20, 4);
    expect(pieces).toEqual([
      { text: '一二三四五六七八九'.repeat(4), lines: 4 },
      { text: '一二三四五六七八九十二三四五', lines: 2 },
    ]);
    expect(pieces.map((p) => p.text).join('')).toBe(text);
  });

  test('each piece wraps as its lines did in the whole text', () => {
    const long = '1. 加强班子建设，落实“三会一课”制度，规范组织生活。'.repeat(12) + '\n2. 整顿软弱涣散，选优配强带头人。'.repeat(6);
    const pieces = splitLines(long, 32, 7);
    expect(pieces.length).toBeGreaterThan(2);
    for (const p of pieces) {
      expect(p.lines).toBeLessThanOrEqual(7);
      expect(wrappedLines(p.text, 32)).toBe(p.lines);
    }
    expect(pieces.reduce((a, p) => a + p.lines, 0)).toBe(wrappedLines(long, 32));
  });

  test('the first piece may hold more lines than the others (a row made taller by its other cells)', () => {
    expect(splitLines(text, 20, 2, 5).map((p) => p.lines)).toEqual([5, 1]);
    expect(splitLines(text, 20, 2, 3).map((p) => [p.text, p.lines])).toEqual([
      ['一二三四五六七八九'.repeat(3), 3],
      ['一二三四五六七八九'.repeat(2), 2],
      ['十二三四五', 1],
    ]);
  });

  test('a line break that ends a piece is dropped, not carried to the next piece as an empty line', () => {
    expect(splitLines('甲\n乙\n丙', 20, 2)).toEqual([
      { text: '甲\n乙', lines: 2 },
      { text: '丙', lines: 1 },
    ]);
    // The empty line after a final line break would be a piece of its own: there is none.
    expect(splitLines('甲\n乙\n', 20, 2)).toEqual([{ text: '甲\n乙', lines: 2 }]);
  });
});
