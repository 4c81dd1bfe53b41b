import { cellText, freeText, isoDate } from '../../../shared/workbook/model';

test.each([
  new Date(Date.UTC(2026, 3, 20)),
  new Date(Date.UTC(2026, 11, 31, 23, 59, 59, 999)),
  new Date(Date.UTC(1900, 0, 1)),
  new Date(Date.UTC(1899, 11, 30, 12)),
  new Date(Date.UTC(999, 0, 5)),
  new Date(Date.UTC(9999, 11, 31)),
  new Date(Date.UTC(10000, 0, 1)),
  new Date(Date.UTC(-1, 5, 6)),
  new Date(Date.UTC(0, 0, 1) - 864e5 * 365 * 1900),
  new Date(8.64e15),
  new Date(-8.64e15),
])('isoDate(%p) is what toISOString begins with', (d) => {
  expect(isoDate(d)).toBe(d.toISOString().slice(0, 10));
});

test('isoDate of an invalid date throws as toISOString does', () => {
  expect(() => isoDate(new Date(NaN))).toThrow(RangeError);
});

test('a date cell reads as yyyy-mm-dd', () => {
  expect(cellText({ v: new Date(Date.UTC(2026, 0, 5)) })).toBe('2026-01-05');
});

test('freeText folds whitespace as its definition says, on every BMP code unit between words', () => {
  const wrong: string[] = [];
  for (let c = 0; c < 0x10000; c++) {
    const s = ` 整改${String.fromCharCode(c)}措施 `.slice(c % 2);
    if (freeText(s) !== s.replace(/\s+/g, ' ').trim()) wrong.push(c.toString(16));
  }
  expect(wrong).toEqual([]);
});
