import { totalField, totalIsFormula } from '../../../../shared/validate/fields/total';
import type { SheetCell } from '../../../../shared';
import { cell, type In } from '../../../helpers/models';

const at = { sheet: '一览表', cell: 'O5' };

test.each<[In, unknown]>([
  [88, { kind: 'value', value: 88 }],
  ['88分', { kind: 'value', value: 88 }],
  [{ f: 'SUM(H5:N5)', v: 88 }, { kind: 'value', value: 88 }],
  [{ f: 'SUM(H5:N5)', noResult: true }, { kind: 'uncalculated', formula: 'SUM(H5:N5)' }],
  [undefined, { kind: 'blank' }],
  [{ f: 'IF(COUNT(H5:N5)=0,"",SUM(H5:N5))', v: '' }, { kind: 'blank' }],
])('%p → %p', (x, want) => {
  expect(totalField(cell(x), 100, at)).toEqual({ ok: true, value: want });
});

test.each<[string, SheetCell | undefined, string]>([
  ['over the scale', cell(101), 'SCORE_OUT_OF_RANGE'],
  ['not a number', cell('八十'), 'SCORE_MALFORMED'],
  ['an error typed', cell({ error: '#VALUE!' }), 'CELL_ERROR'],
  ['a formula whose result is an error', { v: null, formula: 'H5+I5', error: '#VALUE!' }, 'CELL_ERROR'],
])('%s → %s', (_n, c, code) => {
  const f = totalField(c, 100, at);
  expect(f.ok ? null : f.issue.code).toBe(code);
});

test.each<[In, boolean]>([
  [{ f: 'SUM(H5:N5)', v: 88 }, true],
  [{ f: 'SUM(H5:N5)', noResult: true }, true],
  [88, false],
  [undefined, false],
])('total is a formula: %p → %p', (x, want) => expect(totalIsFormula(cell(x))).toBe(want));
