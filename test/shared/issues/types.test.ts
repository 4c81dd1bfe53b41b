// How a name from inside a file is written into a message (nameText): on one line, with control,
// format and separator characters as escapes, and never long.
import { nameText } from '../../../shared/issues/types';

test.each([
  ['a plain name', 'xl/worksheets/sheet1.xml', 'xl/worksheets/sheet1.xml'],
  ['Chinese', '工作表一.xml', '工作表一.xml'],
  ['CR and LF', 'x\r\n请联系管理员\r\n.xml', 'x\\r\\n请联系管理员\\r\\n.xml'],
  ['a tab, a NUL and DEL', 'a\tb\u0000c\u007f', 'a\\tb\\u0000c\\u007F'],
  ['direction marks and a zero-width space', '\u202eexe.\u2066x\u200b', '\\u202Eexe.\\u2066x\\u200B'],
  ['line and paragraph separators', 'a\u2028b\u2029c', 'a\\u2028b\\u2029c'],
  ['absent', undefined, ''],
])('%s', (_what, name, want) => {
  expect(nameText(name)).toBe(want);
});

test('escapes count toward the length: cut at 60 characters with an ellipsis', () => {
  expect(nameText('\u0001'.repeat(20))).toBe(`${'\\u0001'.repeat(10)}…`);
  expect(nameText('y'.repeat(60))).toBe('y'.repeat(60));
  expect(nameText('y'.repeat(61))).toBe(`${'y'.repeat(60)}…`);
});
