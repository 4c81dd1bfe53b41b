// Which sheet is the detail list and which the ledger: found by what they contain, with a word
// for every sheet set aside that held a table.
import { defaultScheme as S, sheetRole, validateSubmission, type ReadResult, type SheetModel } from '../../../shared';
import { RECT_HEADER, detailRows, rectRows, row, sheet, workbook, type OrgIn } from '../../helpers/models';

const D = '分类定级情况一览表';
const filled = (name: string, orgs: OrgIn[] = [{ name: '西河村党支部' }, { name: '东山村党支部' }], opts: Parameters<typeof sheet>[2] = {}) => sheet(name, detailRows(S, orgs), opts);
const blank = (name: string) => sheet(name, detailRows(S, []));
const ledger = (name: string, org = '上塘村党支部') => sheet(name, rectRows([[1, org, '一般', '阵地薄弱', '改善阵地', '李书记', '2026-12-31', '整改中']]));
const read = (...sheets: SheetModel[]): ReadResult => validateSubmission(workbook(...sheets), S);
const codes = (r: ReadResult) => r.issues.filter((i) => i.severity !== 'info').map((i) => `${i.code}${i.sheet ? `@${i.sheet}` : ''}`);

test.each<[string, string]>([
  ['分类定级情况一览表', 'detail'],
  ['分类定级情况一览表 (2)', 'detail'],
  ['明细表', 'detail'],
  ['整改台账', 'rect'],
  ['台账', 'rect'],
  ['整改臺賬', 'rect'],
  ['汇总表', 'ignored'],
  ['分类定级情况汇总表', 'ignored'],
  ['填表说明', 'ignored'],
  ['_meta', 'meta'],
  ['Sheet1', 'other'],
])('sheetRole(%p) → %p', (name, role) => expect(sheetRole(name)).toBe(role));

test('data in a copy "(2)" with the original blank: the copy is read, and the warning says so', () => {
  const r = read(blank(D), filled(`${D} (2)`));
  expect(r.submission?.orgs.map((o) => o.name)).toEqual(['西河村党支部', '东山村党支部']);
  const w = r.issues.find((i) => i.code === 'DETAIL_SHEET_CHOSEN');
  expect(w?.severity).toBe('warning');
  expect(w?.message).toBe(`已读取工作表“${D} (2)”中的数据；工作表“${D}”中没有党组织数据，未读取。如无用处，可删除该表`);
});

test('both filled: one refusal that names both sheets, nothing else', () => {
  const r = read(filled(D), filled(`${D} (2)`, [{ name: '西河村党支部' }]));
  expect(r.submission).toBeNull();
  expect(codes(r)).toEqual(['DETAIL_SHEETS_CONFLICT']);
  expect(r.issues[0]?.message).toBe(`工作表“${D}”（2 个党组织）和“${D} (2)”（1 个党组织）都填写了一览表，无法确定以哪一张为准；请删除不上报的那一张后重新上传`);
});

test('a working sheet of names and one score beside the list (feeding it by formulas): the list is read, the other named', () => {
  const work = sheet('打分表', [row(1, ['序号', '党组织名称', '党组织带头人']), row(2, [1, '西河村党支部', 13]), row(3, [2, '东山村党支部', 13])]);
  const r = read(filled(D), work);
  expect(r.submission?.orgs.map((o) => o.name)).toEqual(['西河村党支部', '东山村党支部']);
  expect(codes(r)).toEqual(['DETAIL_SHEET_WORKING']);
  expect(r.issues.find((i) => i.code === 'DETAIL_SHEET_WORKING')?.message).toBe(
    `已读取工作表“${D}”中的一览表；工作表“打分表”也列有党组织，但缺少一览表的列，视为工作底稿，未读取。如上报的应是它，请把数据填入一览表`,
  );
});

test('a hand-made sheet named after the township is found by its header', () => {
  const r = read(sheet('Sheet1', []), filled('城关镇'), ledger('Sheet2'));
  expect(r.submission?.orgs).toHaveLength(2);
  expect(r.submission?.rectifications.map((x) => x.orgName)).toEqual(['上塘村党支部']);
});

test('the ledger renamed 台账, or called anything, is still the ledger', () => {
  for (const name of ['台账', '整改情况', 'Sheet3']) {
    const r = read(filled(D, [{ name: '上塘村党支部', scores: [10, 10, 7, 7, 7, 14, 15], total: 70, grade: '一般' }]), ledger(name));
    expect([name, r.issues.filter((i) => i.code.startsWith('RECT')).map((i) => i.code)]).toEqual([name, []]);
  }
});

test('two ledgers: the first is read and the other is named', () => {
  const r = read(filled(D), ledger('整改台账'), ledger('整改台账 (2)', '西河村党支部'));
  expect(r.submission?.rectifications.map((x) => x.orgName)).toEqual(['上塘村党支部']);
  expect(r.issues.find((i) => i.code === 'RECT_SHEET_EXTRA')?.message).toBe('工作簿中有不止一张整改台账：已读取“整改台账”，“整改台账 (2)”中的内容未读取；请合并到一张');
});

test('a hidden sheet holding a list is not read, and said', () => {
  const r = read(filled(D), filled('去年一览表', [{ name: '旧村党支部' }], { state: 'hidden' }));
  expect(r.submission?.orgs.map((o) => o.name)).toEqual(['西河村党支部', '东山村党支部']);
  expect(codes(r)).toContain('SHEET_HIDDEN_SKIPPED@去年一览表');
  expect(r.issues.find((i) => i.code === 'SHEET_HIDDEN_SKIPPED')?.message).toBe('工作表“去年一览表”：该工作表已隐藏，其中的表格未读取（上报的是可见的数据）；如需上报，请取消隐藏');
});

test('a hidden list sheet (the template’s own lists) is not worth a word', () => {
  const r = read(filled(D), sheet('lists', [row(1, ['村', '社区'])], { state: 'veryHidden' }));
  expect(codes(r)).toEqual([]);
});

test('a visible sheet with content but no table is named; blank sheets and 汇总表 are not', () => {
  const r = read(filled(D), sheet('Sheet2', []), sheet('备忘', [row(1, ['东山村党支部 88 较好'])]), sheet('汇总表', [row(1, ['好', { f: 'COUNTIF(…)', v: 1 }])]));
  expect(codes(r)).toEqual(['SHEET_SKIPPED@备忘']);
  expect(r.issues.find((i) => i.code === 'SHEET_SKIPPED')?.message).toBe('工作表“备忘”：该工作表中找不到一览表或整改台账的表头，其中的内容未读取');
});

test('no list anywhere: SHEET_MISSING names the sheets there are', () => {
  const r = read(sheet('Sheet1', [row(1, ['单位', '得分'])]));
  expect(r.submission).toBeNull();
  expect(r.issues.map((i) => i.message)).toEqual(['找不到“分类定级情况一览表”工作表（工作簿中有：Sheet1），请使用县里下发的模板']);
});

test('a list sheet whose header cannot be found: HEADER_NOT_FOUND at that sheet', () => {
  const r = read(sheet(D, [row(3, ['单位', '类别', '总分'])]));
  expect(r.issues.map((i) => `${i.code}@${i.sheet}`)).toEqual([`HEADER_NOT_FOUND@${D}`]);
});

test('a ledger under the list on the same sheet: the list ends at its header, and the ledger is read', () => {
  const r = read(sheet(D, [...detailRows(S, [{ name: '上塘村党支部', scores: [10, 10, 7, 7, 7, 14, 15], total: 70, grade: '一般' }]), row(10, RECT_HEADER), row(11, [1, '上塘村党支部', '一般', '问题', '措施', '李', '2026-12-31'])]));
  expect(r.submission?.orgs.map((o) => o.name)).toEqual(['上塘村党支部']);
  expect(r.submission?.rectifications.map((x) => [x.row, x.orgName])).toEqual([[11, '上塘村党支部']]);
  expect(codes(r)).toEqual([]);
});

test('the list’s header repeated mid-table (a printed page’s) is skipped', () => {
  const rows = detailRows(S, [{ name: '西河村党支部' }, { name: '东山村党支部' }]);
  rows.splice(4, 0, { ...rows[2]!, row: 5 });
  const renumbered = rows.map((r, i) => ({ ...r, row: i + 1 }));
  const r = read(sheet(D, renumbered));
  expect(r.submission?.orgs.map((o) => [o.row, o.name])).toEqual([
    [4, '西河村党支部'],
    [6, '东山村党支部'],
  ]);
});
