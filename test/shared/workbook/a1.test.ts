import { cellAddress, colLetter, colNumber, parseCell } from '../../../shared/workbook/a1';

test.each([
  [1, 'A'], [26, 'Z'], [27, 'AA'], [28, 'AB'], [702, 'ZZ'], [703, 'AAA'], [16384, 'XFD'],
])('column %p ⇄ %p', (n, letters) => {
  expect(colLetter(n)).toBe(letters);
  expect(colNumber(letters)).toBe(n);
  expect(colNumber(letters.toLowerCase())).toBe(n);
});

test.each([
  ['H12', { col: 8, row: 12 }],
  ['$H$12', { col: 8, row: 12 }],
  [' AA10:AB11', { col: 27, row: 10 }],
  ['#REF!', null],
  ['', null],
  ['12', null],
])('parseCell %p → %p', (ref, cell) => {
  expect(parseCell(ref)).toEqual(cell);
});

test('cellAddress', () => {
  expect(cellAddress(15, 8)).toBe('O8');
});
