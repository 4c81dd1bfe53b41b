import { defaultScheme, detailColumns } from '../../../../shared';
import { gradeFormula, totalFormula } from '../../../../shared/template/formulas';
import { formulaShape, isRowGradeFormula, isRowTotalFormula, shownFormula } from '../../../../shared/validate/fields/formula';

const cols = detailColumns(defaultScheme);
// The template's layout: scores H..N, total O, flags P and Q, grade R.
const SCORES = [8, 9, 10, 11, 12, 13, 14];
const GRADE_AT = { total: 15, forcedBottom: 16, newlyEstablished: 17 };

test.each<[string, string, boolean]>([
  ["the template's own", totalFormula(cols, 5), true],
  ['written by another program: $, spaces, lower case, "="', `=if(counta($H$5:$N$5)=0, "", if(count(H5:N5)<counta(H5:N5),"分数须为数字",round(sum(H5:N5),6)))`, true],
  ["the first template's", 'IF(COUNT(H5:N5)=0,"",ROUND(SUM(H5:N5),6))', true],
  ['a plain sum', 'SUM(H5:N5)', true],
  ['the cells one by one', 'H5+I5+J5+K5+L5+M5+N5', true],
  ['SUM of the cells listed, any order', 'SUM(N5,H5,I5,J5,K5,L5,M5)', true],
  ['leaves out 群众反映', 'SUM(H5:M5)', false],
  ['another row (a script inserted a row above)', totalFormula(cols, 4), false],
  ['a cell counted twice', 'H5+H5+I5+J5+K5+L5+M5', false],
  ['a constant', '83', false],
  ['more than the scores', 'SUM(H5:O5)', false],
])('总分 %s → %p', (_n, f, want) => {
  expect(isRowTotalFormula(f, 5, SCORES)).toBe(want);
});

test('a score column the sheet does not have: no formula is the row total', () => {
  expect(isRowTotalFormula('SUM(H5:N5)', 5, [8, 9, 10, 11, 12, 13, 0])).toBe(false);
});

test.each<[string, string, boolean]>([
  ["the template's own", gradeFormula(defaultScheme, cols, 5), true],
  ["the first template's wrapper", gradeFormula(defaultScheme, cols, 5).replace(/^IF\(ISNUMBER\(O5\),(.*),""\)$/, 'IF(O5="","",$1)'), true],
  ['another row', gradeFormula(defaultScheme, cols, 6), false],
  ['a constant', '"好"', false],
  ['bands of its own', 'IF(O5>=90,"好","较好")', false],
])('等次 %s → %p', (_n, f, want) => {
  expect(isRowGradeFormula(f, defaultScheme, 5, GRADE_AT)).toBe(want);
});

test('the shape ignores what spreadsheet programs vary, not what a literal says', () => {
  expect(formulaShape('=_xlfn.SUM( $h$5 : n5 )')).toBe('SUM(H5:N5)');
  expect(formulaShape('IF(A1="a b","X y",1)')).toBe('IF(A1="a b","X y",1)');
});

test('a formula quoted in a message starts with =', () => {
  expect(shownFormula('SUM(H5:M5)')).toBe('=SUM(H5:M5)');
  expect(shownFormula('=SUM(H5:M5)')).toBe('=SUM(H5:M5)');
});
