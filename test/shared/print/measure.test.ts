import { fitWidth, textWidth, wrappedLines } from '../../../shared/print/measure';

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
