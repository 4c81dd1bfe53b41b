// The small pure rules of reading text and formats, as tables.
import { formatCount, readLimits, readLimitsSchema } from '../../../shared';
import { parseNumber } from '../../../shared/xlsx/cell-value';
import { isBuiltinDateFormat, isDateFormatCode } from '../../../shared/xlsx/number-format';
import { decodeCellText, type Dropped } from '../../../shared/xlsx/text';

test.each<[string, string, number]>([
  ['东山村党支部', '东山村党支部', -1],
  ['a_x000D_b', 'a\rb', -1],
  ['a_x000d_b', 'a\rb', -1],
  ['_x005F_x000D_', '_x000D_', -1],
  ['_x005F__x0041_', '_A', -1],
  ['x_xFFFE_y', 'xy', 0xfffe],
  ['x_xFFFF_y', 'xy', 0xffff],
  ['x_x0001_y_x0009_', 'xy\t', 0x0001],
  ['_xD83D__xDE00_', '😀', -1],
  ['lone _xD83D_ high', 'lone  high', 0xd83d],
  ['_x00', '_x00', -1],
  ['_x0041', '_x0041', -1],
])('decodeCellText(%j) → %j', (raw, text, dropped) => {
  const d: Dropped = { code: -1 };
  expect(decodeCellText(raw, d)).toBe(text);
  expect(d.code).toBe(dropped);
});

test.each<[string, boolean]>([
  ['General', false],
  ['0.00', false],
  ['#,##0.00_);[Red](#,##0.00)', false],
  ['0.00E+00', false],
  ['0"分"', false],
  ['@', false],
  ['[DBNum1][$-804]General', false],
  ['yyyy-mm-dd', true],
  ['YYYY/MM/DD', true],
  ['yyyy"年"m"月"d"日"', true],
  ['[$-804]yyyy"年"m"月"d"日";@', true],
  ['h:mm:ss', true],
  ['[h]:mm', true],
  ['[ss]', true],
  ['\\d0', false],
  ['"day"0', false],
  ['* 0_m', false],
])('isDateFormatCode(%j) → %s', (code, isDate) => {
  expect(isDateFormatCode(code)).toBe(isDate);
});

test.each<[number, boolean]>([
  [0, false],
  [2, false],
  [14, true],
  [22, true],
  [31, true],
  [49, false],
  [57, true],
  [164, false],
])('built-in number format %d is a date: %s', (id, isDate) => {
  expect(isBuiltinDateFormat(id)).toBe(isDate);
});

test.each<[number, string]>([
  [0, '0'],
  [999, '999'],
  [32767, '32,767'],
  [1_000_000, '1,000,000'],
])('formatCount(%d) → %s', (n, s) => {
  expect(formatCount(n)).toBe(s);
});

test('READ_LIMITS: known keys override the defaults, unknown keys and non-positive numbers are refused', () => {
  expect(readLimits(readLimitsSchema.parse({ maxRowsPerSheet: 50_000 }))).toMatchObject({ maxRowsPerSheet: 50_000, maxCellChars: 32_767 });
  expect(readLimitsSchema.safeParse({ maxRows: 5 }).success).toBe(false);
  expect(readLimitsSchema.safeParse({ maxCells: 0 }).success).toBe(false);
});

test.each<[string, number | null]>([
  ['92', 92],
  ['89.5', 89.5],
  ['-0.25', -0.25],
  ['1.5E+2', 150],
  ['1e-3', 0.001],
  ['5.', 5],
  [' 7', 7],
  ['', null],
  ['  ', null],
  ['0x1A', null],
  ['0b1', null],
  ['Infinity', null],
  ['NaN', null],
  ['12abc', null],
  ['九十', null],
])('a <v> of %j reads as %p', (s, n) => {
  expect(parseNumber(s)).toBe(n);
});
