// One cause, one message, at the cell the clerk typed: the checks between fields (total against
// the scores, grade against the total, explanations) are skipped, or based on what the clerk
// meant, when a cell upstream is already in error. Every row-level message names the
// organization and the cell.
import { defaultScheme as S, detailColumns, validateSubmission, type CellValue, type Issue } from '../../../shared';
import { gradeFormula, totalFormula } from '../../../shared/template/formulas';
import { detailRows, sheet, workbook, type OrgIn, type In } from '../../helpers/models';

const total = (v: CellValue): In => ({ f: 'IF(COUNT(H4:N4)=0,"",ROUND(SUM(H4:N4),6))', v });
const grade = (v: CellValue): In => ({ f: 'IF(O4="","",IF(O4>=90,"好",IF(O4>=80,"较好",IF(O4>=60,"一般","较差"))))', v });

function rowIssues(o: OrgIn, more: OrgIn[] = []): Issue[] {
  const r = validateSubmission(workbook(sheet('一览表', detailRows(S, [o, ...more]))), S);
  return r.issues.filter((i) => i.sheet === '一览表' && /\D4$/.test(i.cell ?? ''));
}
const codes = (o: OrgIn) => rowIssues(o).map((i) => `${i.code}@${i.cell}`);

test.each<[string, OrgIn, string[]]>([
  // The template's SUM leaves text out, so its cached 总分 and 等次 are wrong: the text is the one error.
  ['a text score under the SUM formula', { scores: ['１３', 13, 8, 8, 8, 16, 16], total: total(69), grade: grade('一般') }, ['SCORE_AS_TEXT@H4']],
  ['two text scores', { scores: ['１３', 13, 8, 8, 8, 16, '16分'], total: total(53), grade: grade('较差') }, ['SCORE_AS_TEXT@H4', 'SCORE_AS_TEXT@N4']],
  ['a text score with the total typed (a hand-made sheet): read as meant', { scores: ['13分', 13, 8, 8, 8, 16, 16], total: 82, grade: '较好' }, []],
  ['a malformed score under formulas', { scores: ['abc', 13, 8, 8, 8, 16, 16], total: total(69), grade: grade('一般') }, ['SCORE_MALFORMED@H4']],
  ['a score over its maximum, total and grade typed to match', { scores: [16, 13, 8, 8, 8, 16, 16], total: 85, grade: '较好' }, ['SCORE_OUT_OF_RANGE@H4']],
  ['a blank score under formulas', { scores: [null, 13, 8, 8, 8, 16, 16], total: total(69), grade: grade('一般') }, ['SCORE_BLANK@H4']],
  ['a score error value and the #VALUE! it causes downstream', { scores: [{ error: '#N/A' }, 13, 8, 8, 8, 16, 16], total: { error: '#N/A' }, grade: grade('') }, ['CELL_ERROR@H4']],
  ['a typed total that is not the sum, grade fits the typed total', { total: 92, grade: '好', explanation: '说明' }, ['TOTAL_MISMATCH@O4']],
  ['a typed total that is not the sum, grade fits the sum', { total: 92, grade: '较好' }, ['TOTAL_MISMATCH@O4']],
  ['a typed total that is not the sum, grade fits neither', { total: 92, grade: '一般' }, ['TOTAL_MISMATCH@O4', 'GRADE_INCONSISTENT@R4']],
  ['a total that is an error value, scores fine', { total: { error: '#REF!' }, grade: grade('') }, ['CELL_ERROR@O4']],
  ['a malformed flag under the grade formula', { forcedBottom: '也许', total: total(82), grade: grade('较好') }, ['FLAG_MALFORMED@P4']],
  // A wrong grade is one error; the explanation its (wrong) grade would need is not asked for.
  ['好 typed for 82 points, no explanation', { grade: '好' }, ['GRADE_INCONSISTENT@R4']],
  ['较好 kept although 三打两建 forces 较差', { forcedBottom: '是', grade: '较好' }, ['GRADE_INCONSISTENT@R4']],
  ['a blank grade', { grade: null }, ['GRADE_BLANK@R4']],
  ['every indicator at its maximum', { scores: [15, 15, 10, 10, 10, 20, 20], total: 100, grade: '好', explanation: '各项满分' }, []],
  ['every indicator at its maximum, under the formulas', { scores: [15, 15, 10, 10, 10, 20, 20], total: total(100), grade: grade('好'), explanation: '各项满分' }, []],
  // What the clerk meant is 92 (好): the explanation 好 needs for a village is asked for now.
  ['a text score whose meant total is 好', { scores: ['１５', 15, 10, 10, 10, 16, 16], total: total(77), grade: grade('一般') }, ['SCORE_AS_TEXT@H4', 'EXPLANATION_MISSING@S4']],
])('%s → %p', (_n, o, want) => {
  expect(codes(o)).toEqual(want);
});

test('never two messages on one cell', () => {
  const many: OrgIn[] = [
    { scores: ['abc', 16, '１３', null, { error: '#N/A' }, 21, 'x'], total: total(''), grade: grade('') },
    { name: '东山村党支部', total: 101, grade: '优秀', category: '两新组织', members: '很多' },
  ];
  for (const o of many) {
    const cells = rowIssues(o).map((i) => i.cell);
    expect(cells).toEqual([...new Set(cells)]);
  }
});

test('every row-level message names the organization and the cell, row first', () => {
  const issues = rowIssues({ name: '东山村党支部', category: '两新组织', members: '很多', scores: ['abc', 13, 8, 8, 8, 16, 16], total: 69, grade: '一般' });
  expect(issues.map((i) => i.code)).toEqual(['CATEGORY_UNKNOWN', 'MEMBERS_MALFORMED', 'SCORE_MALFORMED', 'RECT_MISSING']);
  for (const i of issues) {
    expect(i.org).toBe('东山村党支部');
    expect(i.message.startsWith(`工作表“一览表”第 4 行“东山村党支部”，${i.cell} 单元格：`)).toBe(true);
  }
});

test('a row without a name says so at the name cell, with no organization to name', () => {
  const [i] = rowIssues({ name: null });
  expect(i).toMatchObject({ code: 'NAME_BLANK', cell: 'B4' });
  expect(i?.org).toBeUndefined();
  expect(i?.message).toBe('工作表“一览表”B4 单元格：该行填写了内容但没有填写党组织名称');
});

test('a name repeated is reported once, at the second row, naming the first', () => {
  const r = validateSubmission(workbook(sheet('一览表', detailRows(S, [{ name: '东山村党支部' }, { name: '東山村 黨支部' }]))), S);
  const dup = r.issues.filter((i) => i.code === 'ORG_DUPLICATE');
  expect(dup.map((i) => [i.cell, i.message])).toEqual([['B5', '工作表“一览表”第 5 行“東山村黨支部”，B5 单元格：该党组织重复填写（第一次出现在第 4 行）']]);
});

test('formulas without results (a file no spreadsheet saved) are computed, noted once per column', () => {
  const rows = detailRows(S, [
    { total: { f: 'SUM(H4:N4)', noResult: true }, grade: { f: gradeFormula(S, detailColumns(S), 4), noResult: true } },
    { name: '西河村党支部', total: { f: 'SUM(H5:N5)', noResult: true }, grade: { f: gradeFormula(S, detailColumns(S), 5), noResult: true } },
  ]);
  const r = validateSubmission(workbook(sheet('一览表', rows)), S);
  expect(r.issues.map((i) => `${i.code}@${i.cell ?? ''}:${i.severity}`)).toEqual(['TEMPLATE_META_MISSING@:info', 'FORMULA_NO_RESULT@O4:info', 'FORMULA_NO_RESULT@R4:info']);
  expect(r.submission?.orgs.map((o) => [o.total, o.grade])).toEqual([
    [82, 'fairlyGood'],
    [82, 'fairlyGood'],
  ]);
});

test('no row whose every indicator is within its maximum is refused for its total (1,000 random rows)', () => {
  let seed = 20260420;
  const rand = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
  const orgs: OrgIn[] = Array.from({ length: 1000 }, (_, i) => {
    const scores = S.indicators.map((ind) => (rand() < 0.3 ? ind.max : Math.round(rand() * ind.max * 2) / 2));
    // Each row's own formulas (the template's), as a script filling the template leaves them.
    return { name: `测试党支部${i + 1}`, scores, total: { f: totalFormula(detailColumns(S), 4 + i), v: '' }, grade: { f: gradeFormula(S, detailColumns(S), 4 + i), v: '' }, explanation: '说明' };
  });
  // Formulas without cached values: the engine computes total and grade from the scores.
  const rows = detailRows(S, orgs).map((r) => ({ ...r, cells: r.cells.map((c) => (c?.formula ? { v: null, formula: c.formula, noResult: true } : c)) }));
  const r = validateSubmission(workbook(sheet('一览表', rows)), S);
  expect(r.issues.filter((i) => i.severity === 'error')).toEqual([]);
  expect(Math.max(...(r.submission?.orgs.map((o) => o.total) ?? []))).toBe(100);
});
