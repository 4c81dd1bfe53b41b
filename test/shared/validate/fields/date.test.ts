import { deadlineField, findDateInText, parseCellDate } from '../../../../shared/validate/fields/date';
import { cell, type In } from '../../../helpers/models';

test.each<[unknown, string | null]>([
  [new Date(Date.UTC(2026, 11, 31)), '2026-12-31'],
  [46387, '2026-12-31'],
  ['2026-12-31', '2026-12-31'],
  ['2026/12/31', '2026-12-31'],
  ['2026.12.31', '2026-12-31'],
  ['2026年12月31日', '2026-12-31'],
  ['２０２６年１２月３１日', '2026-12-31'],
  ['２０２６－０３－０５', '2026-03-05'],
  ['2026年3月5日', '2026-03-05'],
  ['2026 年 3 月 5 日', '2026-03-05'],
  ['2026/3/5', '2026-03-05'],
  ['2026.3.5', '2026-03-05'],
  ['2026-03-05前', '2026-03-05'],
  [46086, '2026-03-05'],
  ['2026年6月', '2026-06-30'],
  ['2026年6月底', '2026-06-30'],
  ['2026年6月底前', '2026-06-30'],
  ['2026.6', '2026-06-30'],
  ['2026年2月底', '2026-02-28'],
  ['2026年底', '2026-12-31'],
  ['2026年底前', '2026-12-31'],
  ['2026-02-30', null],
  ['2026年13月', null],
  ['年底前', null],
  ['尽快', null],
  [12, null],
])('parseCellDate(%p) → %p', (v, want) => expect(parseCellDate(v)).toBe(want));

// With the year the caller means (the ledger: the year of the upload), a month's or the year's
// end that names no year is that year's day; Chinese numerals are read nowhere, so not here.
test.each<[string, string | null]>([
  ['12月底前', '2026-12-31'],
  ['12月底', '2026-12-31'],
  ['12月末', '2026-12-31'],
  ['12月前', '2026-12-31'],
  ['12月份', '2026-12-31'],
  ['12月', '2026-12-31'],
  ['12月底之前', '2026-12-31'],
  ['１２月底前', '2026-12-31'],
  [' 12 月底前 ', '2026-12-31'],
  ['6月底前', '2026-06-30'],
  ['2月底', '2026-02-28'],
  ['年底前', '2026-12-31'],
  ['年底', '2026-12-31'],
  ['年末', '2026-12-31'],
  ['2027年3月底前', '2027-03-31'],
  ['2025-12-31', '2025-12-31'],
  ['13月底前', null],
  ['0月底', null],
  ['00月底', null],
  ['123月底', null],
  ['十二月底前', null],
  ['七一前', null],
  ['底前', null],
  ['尽快', null],
])('parseCellDate(%p, 2026) → %p', (v, want) => expect(parseCellDate(v, 2026)).toBe(want));

test.each(['12月底前', '12月份', '年底前'])('without a year, %p names no day', (v) => expect(parseCellDate(v)).toBeNull());

test.each<[string, string | null]>([
  ['已于2026年6月28日完成，申请销号', '2026-06-28'],
  ['已于２０２６年６月２８日完成', '2026-06-28'],
  ['2026 年 6 月 28 日 已完成', '2026-06-28'],
  ['完成于2026/6/28，申请销号', '2026-06-28'],
  ['完成于2026.6.28', '2026-06-28'],
  ['2026-06-28完成；2026-07-01复查', '2026-06-28'],
  ['已于2026年2月30日完成', null],
  ['已于6月28日完成', null],
  ['正在整改', null],
])('findDateInText(%p) → %p', (text, want) => expect(findDateInText(text)).toBe(want));

const at = { sheet: '整改台账', cell: 'G3', org: '上塘村党支部' };

test.each<[In, string | null, string]>([
  ['2026-12-31', '2026-12-31', '2026-12-31'],
  ['2026年6月底', '2026-06-30', '2026年6月底'],
  [new Date(Date.UTC(2026, 11, 31)), '2026-12-31', '2026-12-31'],
  // A time frame without a day is a real deadline: kept as written, no warning.
  ['年底前', null, '年底前'],
  ['6月底前', null, '6月底前'],
  ['长期坚持', null, '长期坚持'],
  ['立行立改', null, '立行立改'],
  [undefined, null, ''],
])('deadline %p → date %p, text %p', (x, iso, text) => {
  expect(deadlineField(cell(x), at)).toEqual({ value: { iso, text } });
});

test.each<[In, string]>([
  ['尽快', 'DEADLINE_UNCLEAR'],
  ['x'.repeat(51), 'TEXT_TOO_LONG'],
  [{ error: '#REF!' }, 'CELL_ERROR'],
])('deadline %p → %s', (x, code) => {
  const d = deadlineField(cell(x), at);
  expect(d.issue?.code).toBe(code);
  expect(d.issue?.org).toBe('上塘村党支部');
});

test('what the clerk wrote is kept when it names no time', () => {
  expect(deadlineField(cell('尽快'), at).value).toEqual({ iso: null, text: '尽快' });
});
