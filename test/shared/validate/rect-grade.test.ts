// The 整改台账's 等次 against the organization's grade in the list (RECT_GRADE_DIFFERS): the list
// decides, a different 等次 on the ledger's line is pointed out at its cell.
import { defaultScheme, validateSubmission } from '../../../shared';
import { RECT_COLUMNS } from '../../../shared/template/definition';
import { detailRows, rectRows, sheet, workbook, type In, type OrgIn } from '../../helpers/models';

const FAIR: OrgIn = { scores: [10, 10, 6, 6, 6, 12, 12], total: 62, grade: '一般' };
const POOR: OrgIn = { scores: [5, 5, 5, 5, 5, 10, 10], total: 45, grade: '较差' };
// Rows 4–6 of the list: 上塘村 一般 (row 5), 下湾村 较差 (row 6).
const ORGS: OrgIn[] = [{ name: '西河村党支部' }, { name: '上塘村党支部', ...FAIR }, { name: '下湾村党支部', ...POOR }];
const ITEM_ID = RECT_COLUMNS.findIndex((c) => c.key === 'itemId');

const line = (name: In, grade: In, itemId: In = null): In[] => {
  const cells: In[] = [null, name, grade, '阵地薄弱', '改善阵地', '李书记', '2026-12-31'];
  while (cells.length < ITEM_ID) cells.push(null);
  cells[ITEM_ID] = itemId;
  return cells;
};

function gradeIssues(lines: In[][], orgs = ORGS): string[] {
  const r = validateSubmission(workbook(sheet('一览表', detailRows(defaultScheme, orgs)), sheet('整改台账', rectRows(lines))), defaultScheme);
  return r.issues.filter((i) => i.code === 'RECT_GRADE_DIFFERS').map((i) => `${i.cell ?? ''} ${i.org ?? ''} ${String(i.params?.stated)}≠${String(i.params?.listed)}`);
}

test.each<[string, In[][], string[]]>([
  ['the list’s grade', [line('上塘村党支部', '一般'), line('下湾村党支部', '较差')], []],
  ['blank: nothing to compare', [line('上塘村党支部', null), line('下湾村党支部', '')], []],
  ['Traditional or spaced forms of the same grade', [line('上塘村党支部', '一 般'), line('下湾村黨支部', '較差')], []],
  ['another grade', [line('上塘村党支部', '较差'), line('下湾村党支部', '较差')], ['C2 上塘村党支部 较差≠一般']],
  ['a word that is no grade', [line('下湾村党支部', '不合格')], ['C2 下湾村党支部 不合格≠较差']],
  ['an alias of the same grade', [line('下湾村党支部', '差')], []],
  ['each line of one organization at its own cell', [line('下湾村党支部', '一般'), line(null, '一般'), line('下湾村党支部', '较差')], ['C2 下湾村党支部 一般≠较差', 'C3 下湾村党支部 一般≠较差']],
  ['a line pre-filled from the ledger shows the grade that opened its item (last year’s)', [line('上塘村党支部', '较差', 'item-2025-0001')], []],
  ['an organization not in the list: told as unknown, not here', [line('查无此党支部', '好')], []],
])('%s', (_name, lines, want) => {
  expect(gradeIssues(lines)).toEqual(want);
});

test('a grade wrong in the list is reported there, not again against the ledger', () => {
  const wrong: OrgIn[] = [{ name: '西河村党支部' }, { name: '上塘村党支部', ...FAIR, grade: '较差' }];
  expect(gradeIssues([line('上塘村党支部', '一般')], wrong)).toEqual([]);
});

test('the message names the sheet, cell, organization and both grades, in Chinese', () => {
  const r = validateSubmission(workbook(sheet('一览表', detailRows(defaultScheme, ORGS)), sheet('整改台账', rectRows([line('上塘村党支部', '较差')]))), defaultScheme);
  const i = r.issues.find((x) => x.code === 'RECT_GRADE_DIFFERS');
  expect(i).toMatchObject({ severity: 'warning', sheet: '整改台账', cell: 'C2', org: '上塘村党支部' });
  expect(i?.message).toContain('整改台账中的等次填为“较差”，与工作表“一览表”第 5 行该党组织的等次“一般”不一致；汇总以一览表为准，请将整改台账的等次改为“一般”');
  expect(i?.message).toMatch(/整改台账.*C2/);
});
