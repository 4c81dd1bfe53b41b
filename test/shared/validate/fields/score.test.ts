import { defaultScheme } from '../../../../shared';
import { scoreField } from '../../../../shared/validate/fields/score';
import { cell, type In } from '../../../helpers/models';

const leader = defaultScheme.indicators[0]!; // 党组织带头人, max 15
const at = { sheet: '一览表', cell: 'H8', org: '北坪村党支部' };

test.each<[In, boolean, number]>([
  [14, false, 14],
  [14, true, 14],
  [0, true, 0],
  [15, true, 15],
  [12.5, true, 12.5],
  // Text reads as meant where the row's 总分 is typed (a hand-made sheet): nothing wrong.
  ['１４', false, 14],
  ['14分', false, 14],
  [' 14 ', false, 14],
  ['14.0', false, 14],
])('%p (total is a formula: %p) → %p', (x, dropped, want) => {
  expect(scoreField(cell(x), leader, at, dropped)).toEqual({ ok: true, value: { value: want } });
});

test.each<[In, number]>([
  ['１４', 14],
  ['13分', 13],
  [' 9 ', 9],
])('%p where 总分 is the SUM formula: SCORE_AS_TEXT at the cell, meaning %p', (x, meant) => {
  const f = scoreField(cell(x), leader, at, true);
  expect(f.ok).toBe(false);
  expect(f.meant).toBe(meant);
  if (!f.ok) {
    expect(f.issue).toMatchObject({ code: 'SCORE_AS_TEXT', severity: 'error', cell: 'H8', org: '北坪村党支部' });
    expect(f.issue.message).toMatch(/^工作表“一览表”第 8 行“北坪村党支部”，H8 单元格：分数写成了文字/);
  }
});

test.each<[In, string]>([
  ['abc', 'SCORE_MALFORMED'],
  [16, 'SCORE_OUT_OF_RANGE'],
  [-1, 'SCORE_OUT_OF_RANGE'],
  ['16分', 'SCORE_OUT_OF_RANGE'],
  [undefined, 'SCORE_BLANK'],
  [{ error: '#DIV/0!' }, 'CELL_ERROR'],
  [true, 'SCORE_MALFORMED'],
])('%p → %s', (x, code) => {
  const f = scoreField(cell(x), leader, at, true);
  expect(f.ok ? null : f.issue.code).toBe(code);
  expect(f.meant).toBeUndefined();
});
