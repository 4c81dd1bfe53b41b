import { defaultScheme } from '../../../../shared';
import { gradeField } from '../../../../shared/validate/fields/grade';
import { cell, type In } from '../../../helpers/models';

const at = { sheet: '一览表', cell: 'R5' };

test.each<[In, string]>([
  ['好', 'good'],
  ['较好', 'fairlyGood'],
  ['較好', 'fairlyGood'],
  [' 一 般 ', 'average'],
  ['較差', 'poor'],
  ['差', 'poor'],
  [{ f: 'IF(O5>=90,"好","较好")', v: '较好' }, 'fairlyGood'],
])('%p → %p', (x, key) => {
  const f = gradeField(cell(x), defaultScheme, at);
  expect(f.ok && f.value.kind === 'grade' ? f.value.band.key : null).toBe(key);
});

test('a formula never calculated is read as such (the engine grades it)', () => {
  expect(gradeField(cell({ f: 'IF(O5>=90,"好","较好")', noResult: true }), defaultScheme, at)).toEqual({ ok: true, value: { kind: 'uncalculated', formula: 'IF(O5>=90,"好","较好")' } });
});

test.each<[In, string]>([
  [undefined, 'GRADE_BLANK'],
  ['优秀', 'GRADE_UNKNOWN'],
  [{ error: '#N/A' }, 'CELL_ERROR'],
])('%p → %s', (x, code) => {
  const f = gradeField(cell(x), defaultScheme, at);
  expect(f.ok ? null : f.issue.code).toBe(code);
});
