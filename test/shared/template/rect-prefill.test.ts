// The 整改台账 pre-filled from the ledger, round trip: the template carries each open item's line
// (台账编号, 台账状态, the county's 挂点领导/联络员 shaded), the clerk marks 申请销号 with a date,
// the reader takes the ledger's columns, and the line names every cell it came from. An old sheet
// without those columns reads exactly as before.
import ExcelJS from 'exceljs';
import { RECT_COLUMNS, RECT_LAYOUT, RECT_SHEET, defaultScheme, fillTemplate, generateTemplate, lineFromRectification, readSubmission, type FillOrg, type RectPrefill } from '../../../shared';

const base = { scheme: defaultScheme, year: 2026, county: '青山县', campaignId: 'c2026', township: { id: 'dongshan', name: '东山镇' } };
const orgs: FillOrg[] = [
  { name: '东山村党支部', category: '村', scores: [7, 7, 5, 5, 5, 11, 10], explanation: '班子软弱' },
  { name: '西河村党支部', category: '村', scores: [10, 10, 7, 7, 7, 14, 15] },
];
const open = (over: Partial<RectPrefill> = {}): RectPrefill => ({
  itemId: 'l-0abc123def4567',
  orgName: '东山村党支部',
  grade: '较差',
  matter: '活动阵地简陋',
  measures: '改造活动室',
  owner: '王五',
  deadline: '2026年6月底',
  progress: '推进中',
  state: '整改中',
  leader: '赵副县长',
  liaison: '钱干事',
  ...over,
});
const col = (key: string) => RECT_COLUMNS.findIndex((c) => c.key === key) + 1;

async function sheetOf(bytes: Uint8Array): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  const ws = wb.getWorksheet(RECT_SHEET);
  if (!ws) throw new Error('no ledger sheet');
  return ws;
}

test('the template lists the open items with their 台账编号, the county’s columns shaded, blank lines under them', async () => {
  const ws = await sheetOf(await generateTemplate({ ...base, ledger: [open(), open({ itemId: 'l-1111111aaaaaaa', orgName: '西河村党支部', grade: '一般', matter: '', measures: '', owner: '', deadline: '', progress: '', state: '已复号', leader: '', liaison: '' })] }));
  const r = RECT_LAYOUT.firstDataRow;
  const values = (row: number) => RECT_COLUMNS.map((_, i) => ws.getCell(row, i + 1).value);
  expect(values(r)).toEqual([1, '东山村党支部', '较差', '活动阵地简陋', '改造活动室', '王五', '2026年6月底', '推进中', null, null, '整改中', '赵副县长', '钱干事', 'l-0abc123def4567']);
  expect(values(r + 1)).toEqual([2, '西河村党支部', '一般', null, null, null, null, null, null, null, '已复号', null, null, 'l-1111111aaaaaaa']);
  expect(values(r + 2).every((v) => v === null)).toBe(true);
  // 2 lines + 5 blank ones under them would be 7; the default 15 rows stay.
  expect(ws.getCell(r + 14, col('orgName')).border?.left).toBeDefined();
  for (const key of ['state', 'leader', 'liaison', 'itemId']) expect([key, (ws.getCell(r, col(key)).fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb]).toEqual([key, 'FFF2F2F2']);
  expect((ws.getCell(r, col('problems')).fill as ExcelJS.FillPattern | undefined)?.fgColor).toBeUndefined();
});

test('a pre-filled line is as tall as its longest text; the blank lines keep the default height', async () => {
  // 60 characters of 整改措施 in a 24-unit column: 6 lines of 11 characters.
  const ws = await sheetOf(await generateTemplate({ ...base, ledger: [open({ measures: '落实三会一课制度，规范组织生活会和民主评议党员，加强党员教育管理，改善阵地建设，发展村级集体经济，提升服务群众能力，' })] }));
  const r = RECT_LAYOUT.firstDataRow;
  expect([ws.getRow(r).height, ws.getRow(r + 1).height]).toEqual([6 * 15 + 4, undefined]);
});

test('a 申请销号 marked in the sheet reads as the item’s request, each field with its cell', async () => {
  const tpl = await generateTemplate({ ...base, ledger: [open()] });
  const bytes = await fillTemplate(tpl, {
    scheme: defaultScheme,
    orgs,
    ledger: [{ itemId: 'l-0abc123def4567', requestClose: '是', status: '活动室已改造完成', completedOn: new Date(Date.UTC(2026, 5, 28)) }],
    rectifications: [{ orgName: '西河村党支部', problems: '组织生活不规范', measures: '按月开展主题党日', owner: '李四', deadline: '年底前' }],
    info: { township: '东山镇', filledBy: '张三', phone: '123', filledOn: '2026-04-20' },
  });
  const read = await readSubmission(bytes, defaultScheme);
  expect(read.issues.filter((i) => i.severity === 'error')).toEqual([]);
  const sub = read.submission;
  if (!sub) throw new Error('not read');
  const [first, second] = sub.rectifications;
  expect(first).toMatchObject({ orgName: '东山村党支部', itemId: 'l-0abc123def4567', requestClose: true, completedOn: '2026-06-28', leader: '赵副县长', liaison: '钱干事', status: '活动室已改造完成' });
  expect(second).toMatchObject({ orgName: '西河村党支部', itemId: '', requestClose: false, completedOn: '', problems: '组织生活不规范' });
  const r = RECT_LAYOUT.firstDataRow;
  expect(lineFromRectification(first as NonNullable<typeof first>, sub.rectTable)).toEqual({
    sheet: RECT_SHEET,
    orgName: '东山村党支部',
    itemId: 'l-0abc123def4567',
    matter: '活动阵地简陋',
    measures: '改造活动室',
    owner: '王五',
    deadline: '2026年6月底',
    progress: '活动室已改造完成',
    leader: '赵副县长',
    liaison: '钱干事',
    requestClose: true,
    completedOn: '2026-06-28',
    cells: { orgName: `B${r}`, matter: `D${r}`, measures: `E${r}`, owner: `F${r}`, deadline: `G${r}`, progress: `H${r}`, requestClose: `I${r}`, completedOn: `J${r}`, leader: `L${r}`, liaison: `M${r}`, itemId: `N${r}` },
  });
  expect(sub.detailTable).toMatchObject({ sheet: '分类定级情况一览表', columns: { name: 2 } });
});

test.each<[string, unknown, boolean | null]>([
  ['是', '是', true],
  ['√', '√', true],
  ['申请销号 written out', '申请销号', true],
  ['Traditional 申請', '申請', true],
  ['否', '否', false],
  ['blank', null, false],
  ['不', '不', false],
  ['暂不申请', '暂不申请', false],
  ['something else', '待定', null],
])('the 申请销号 mark “%s”', async (_what, mark, expected) => {
  const bytes = await fillTemplate(await generateTemplate({ ...base, ledger: [open()] }), { scheme: defaultScheme, orgs, ledger: [{ itemId: 'l-0abc123def4567', requestClose: mark }] });
  const read = await readSubmission(bytes, defaultScheme);
  const bad = read.issues.filter((i) => i.code === 'FLAG_MALFORMED').map((i) => i.message);
  if (expected === null) expect(bad).toEqual([`工作表“整改台账”第 ${RECT_LAYOUT.firstDataRow} 行“东山村党支部”，I${RECT_LAYOUT.firstDataRow} 单元格：“待定”不是有效的标记，请填写“是”或“否”（或留空）`]);
  else expect([bad, read.submission?.rectifications[0]?.requestClose]).toEqual([[], expected]);
});

test.each<[string, unknown, string, boolean]>([
  ['否 outranks 申请销号 in 完成情况', '否', '已于2026年5月28日完成，申请销号', false],
  ['暂不申请 outranks 申请销号 in 完成情况', '暂不申请', '已于2026年5月28日完成，申请销号', false],
  ['a blank mark leaves the request to 完成情况', null, '已于2026年5月28日完成，申请销号', true],
  ['a blank mark and a negated 完成情况 ask nothing', null, '未完成，暂不申请销号', false],
])('the 申请销号 column and 完成情况: %s', async (_what, mark, status, requestClose) => {
  const bytes = await fillTemplate(await generateTemplate({ ...base, ledger: [open()] }), { scheme: defaultScheme, orgs, ledger: [{ itemId: 'l-0abc123def4567', requestClose: mark, status }] });
  const read = await readSubmission(bytes, defaultScheme);
  const row = read.submission?.rectifications[0];
  expect(row && lineFromRectification(row, read.submission?.rectTable).requestClose).toBe(requestClose);
});

test('a sheet with the old eight columns reads as before: no ledger fields, the request still read from 完成情况', async () => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(await fillTemplate(await generateTemplate(base), { scheme: defaultScheme, orgs, rectifications: [{ orgName: '东山村党支部', problems: '阵地简陋', measures: '改造', owner: '王五', deadline: '2026-06-30', status: '已于2026年5月28日完成，申请销号' }] })) as unknown as ExcelJS.Buffer);
  const ws = wb.getWorksheet(RECT_SHEET);
  ws?.spliceColumns(9, RECT_COLUMNS.length - 8);
  const read = await readSubmission(new Uint8Array(await wb.xlsx.writeBuffer()), defaultScheme);
  const row = read.submission?.rectifications[0];
  expect(row && ['itemId', 'requestClose', 'completedOn', 'leader', 'liaison'].filter((k) => k in row)).toEqual([]);
  expect(row && lineFromRectification(row, read.submission?.rectTable)).toMatchObject({ requestClose: true, completedOn: '2026-05-28' });
});

test('等次: the cells say the list decides; a new line’s different 等次 is warned at its cell, a pre-filled item’s (the grade that opened it) is not', async () => {
  // Last year's item of 东山村 opened at 一般; this year the list grades it 较差 (50). 西河村 is 一般 (70).
  const tpl = await generateTemplate({ ...base, ledger: [open({ grade: '一般' })] });
  const ws = await sheetOf(tpl);
  const r = RECT_LAYOUT.firstDataRow;
  expect(ws.getCell(r, col('grade')).dataValidation).toMatchObject({ type: 'list', showInputMessage: true, promptTitle: '等次', prompt: expect.stringContaining('须与一览表一致') });
  expect(ws.getCell(r + 1, col('grade')).dataValidation).toMatchObject({ promptTitle: '等次' });
  const bytes = await fillTemplate(tpl, {
    scheme: defaultScheme,
    orgs,
    rectifications: [{ orgName: '西河村党支部', grade: '较差', problems: '组织生活不规范', measures: '按月开展主题党日', owner: '李四', deadline: '年底前' }],
    info: { township: '东山镇', filledBy: '张三', phone: '123', filledOn: '2026-04-20' },
  });
  const read = await readSubmission(bytes, defaultScheme);
  const cell = `${String.fromCharCode(64 + col('grade'))}${r + 1}`;
  expect(read.issues.filter((i) => i.code === 'RECT_GRADE_DIFFERS').map((i) => [i.sheet, i.cell, i.org, i.severity])).toEqual([[RECT_SHEET, cell, '西河村党支部', 'warning']]);
});
