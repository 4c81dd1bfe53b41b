import { shiftFormula } from '../../../shared/xlsx/formula-shift';

// [master's formula, rows down, columns right, the dependent cell's formula]
test.each<[string, number, number, string]>([
  ['SUM(H5:N5)', 1, 0, 'SUM(H6:N6)'],
  ['SUM(H5:N5)', 0, 0, 'SUM(H5:N5)'],
  ['SUM($H$5:N5)', 3, 0, 'SUM($H$5:N8)'],
  ['H$5+$H5', 2, 1, 'I$5+$H7'],
  ['IF(O5>=90,"好O5",IF(O5>=80,"较好",""))', 1, 0, 'IF(O6>=90,"好O5",IF(O6>=80,"较好",""))'],
  ["'Sheet A5'!B2+Sheet1!C3", 1, 0, "'Sheet A5'!B3+Sheet1!C4"],
  ['LOG10(A1)+ATAN2(B1,C1)', 1, 0, 'LOG10(A2)+ATAN2(B2,C2)'],
  ['_xlfn.CONCAT(A1,"x")', 1, 0, '_xlfn.CONCAT(A2,"x")'],
  ['A1-B1', -1, 0, '#REF!-#REF!'],
  ['XFD1+A1', 0, 1, '#REF!+B1'],
  ['"say ""A1"""&A1', 1, 0, '"say ""A1"""&A2'],
])('%s moved %i rows, %i columns → %s', (f, dRow, dCol, want) => {
  expect(shiftFormula(f, dRow, dCol)).toBe(want);
});
