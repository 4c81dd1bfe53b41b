// =DJ.GRADE over ranges as clerks take them: with the header row (O4:O200, H4:N200) or a whole
// column (O:O, 1,048,576 rows), where the spill must stop at the last organization.
import { gradeCore, trimBlankTail, type GradeCell } from '../../../addin/functions/grade-core';

const labels = (cells: GradeCell[][]) => cells.map((r) => (typeof r[0] === 'string' ? r[0] : `ERR:${r[0]?.problem}`));
const header7 = ['党组织带头人（15分）', '工作思路（15分）', '工作制度（10分）', '活动阵地（10分）', '保障机制（10分）', '工作业绩（20分）', '群众反映（20分）'];

test.each<[string, unknown[][], string | null, string[]]>([
  ['a total column with its header', [['总分（100分）'], [92], ['85分'], [null]], 'S!O4:O7', ['', '好', '较好']],
  ['a Traditional, spaced header', [[' 綜合得分 '], [59]], 'S!O4:O5', ['', '较差']],
  ['indicator rows with their header row', [header7, [15, 15, 10, 10, 10, 20, 20], [null, null, null, null, null, null, null]], 'S!H4:N6', ['', '好']],
  ['a word that is no header still is an error', [['总分'], ['优']], 'S!O4:O5', ['', 'ERR:第 5 行：O5 单元格“优”不是有效的分数，请填写 0 到 100 之间的数字']],
  ['a blank row inside the list keeps its place', [[92], [null], [70], [null], [null]], 'S!O5:O9', ['好', '', '一般']],
  ['a range of blanks is one blank', [[null], [null], [null]], 'S!O5:O7', ['']],
  ['a whole column names the sheet row and cell', [['总分'], [90], ['x']], 'S!O:O', ['', '好', 'ERR:第 3 行：O3 单元格“x”不是有效的分数，请填写 0 到 100 之间的数字']],
  ['whole indicator columns too', [header7, [15, 15, 10, 10, 10, 25, 20]], "'一览 表'!$H:$N", ['', 'ERR:第 2 行：M2 单元格“工作业绩”分数 25 超出范围，应在 0 到 20 之间']],
])('%s', (_name, scores, address, expected) => {
  expect(labels(gradeCore({ scores, addresses: [address] }))).toEqual(expected);
});

test('O:O: the header, 12 organizations and a million empty rows spill 13 rows', () => {
  const column: unknown[][] = Array.from({ length: 1_048_576 }, (_, i) => [i === 0 ? '总分' : i <= 12 ? 60 + i * 3 : null]);
  const out = labels(gradeCore({ scores: column, addresses: ['一览表!O:O'] }));
  expect(out).toHaveLength(13);
  expect(out.slice(0, 4)).toEqual(['', '一般', '一般', '一般']);
  expect(out.at(-1)).toBe('好'); // 60 + 12 × 3 = 96
});

test.each<[GradeCell[][], GradeCell[][]]>([
  [[['好'], [''], ['']], [['好']]],
  [[[''], ['较好']], [[''], ['较好']]],
  [[[''], ['']], [['']]],
  [[['好'], [{ problem: 'x' }], ['']], [['好'], [{ problem: 'x' }]]],
])('trimBlankTail(%j) → %j', (cells, expected) => {
  expect(trimBlankTail(cells)).toEqual(expected);
});
