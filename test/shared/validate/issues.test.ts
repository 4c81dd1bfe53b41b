// Every code the reader and validator emit, each triggered by a workbook, asserted with its cell.
import { DETAIL_SHEET, META_SHEET, RECT_SHEET, defaultScheme, readSubmission, sampleOrgs, schemeSchema, defaultSchemeInput, type FillOrg, type FillRect, type Issue } from '../../../shared';
import ExcelJS from 'exceljs';
import { editWorkbook, filledWorkbook, template } from '../../helpers/workbooks';

// Default layout: A 序号, B 名称, C 所属党(工)委, D 类别, E 组织类型, F 所属党总支, G 党员数,
// H–N seven indicators, O 总分, P 三打两建, Q 新组建, R 等次, S 情况说明, T 备注; data from row 5.
const D = DETAIL_SHEET;
const R = RECT_SHEET;
const N = 20;

type Edit = (orgs: FillOrg[], rects: FillRect[]) => number | void;

/** The index of the first org matching, skipping the general branch group at the top. */
function find(orgs: FillOrg[], pred: (o: FillOrg) => boolean): number {
  const i = orgs.findIndex((o, k) => k >= 3 && pred(o));
  if (i < 0) throw new Error('sample has no such row');
  return i;
}

const sum = (o: FillOrg) => (o.scores as number[]).reduce((a, b) => a + b, 0);
const gradeOf = (o: FillOrg) => {
  const t = sum(o);
  return t >= 90 ? '好' : t >= 80 ? '较好' : t >= 60 ? '一般' : '较差';
};
const row = (i: number) => 5 + i;

interface Case {
  code: string;
  sheet?: string;
  /** Cell, or a function of the index the edit returned. */
  cell?: string | ((i: number) => string);
  edit?: Edit;
  bytes?: () => Promise<Uint8Array>;
  read?: (b: Uint8Array) => Promise<{ issues: Issue[] }>;
}

const cases: Case[] = [
  { code: 'SCORE_MALFORMED', sheet: D, cell: 'H8', edit: (o) => void (o[3]!.scores[0] = 'abc') },
  { code: 'SCORE_OUT_OF_RANGE', sheet: D, cell: 'H8', edit: (o) => void (o[3]!.scores[0] = 16) },
  { code: 'SCORE_BLANK', sheet: D, cell: 'I8', edit: (o) => void (o[3]!.scores[1] = null) },
  { code: 'SCORE_AS_TEXT', sheet: D, cell: 'J8', edit: (o) => void (o[3]!.scores[2] = `${String(o[3]!.scores[2])}分`) },
  { code: 'TOTAL_MISMATCH', sheet: D, cell: 'O8', edit: (o) => void (o[3]!.total = sum(o[3]!) - 1) },
  { code: 'GRADE_UNKNOWN', sheet: D, cell: 'R8', edit: (o) => void (o[3]!.grade = '优秀') },
  { code: 'GRADE_BLANK', sheet: D, cell: 'R8', edit: (o) => void (o[3]!.grade = null) },
  {
    code: 'GRADE_INCONSISTENT',
    sheet: D,
    cell: (i) => `R${row(i)}`,
    edit: (o) => {
      const i = find(o, (x) => gradeOf(x) === '一般');
      o[i]!.grade = '较好';
      return i;
    },
  },
  {
    code: 'GRADE_INCONSISTENT',
    sheet: D,
    cell: (i) => `R${row(i)}`,
    // 三打两建 forces 较差 whatever the score; the clerk kept the score's grade.
    edit: (o) => {
      const i = find(o, (x) => gradeOf(x) === '较好');
      o[i]!.forcedBottom = '是';
      o[i]!.grade = '较好';
      return i;
    },
  },
  {
    code: 'GRADE_FOLLOW_BRANCH',
    sheet: D,
    cell: 'R6',
    // A branch of the general branch at row 5 scoring into 一般 while the general branch is 较好.
    edit: (o, r) => {
      o[1]!.scores = [10, 10, 7, 7, 7, 14, 15];
      r.push({ orgName: o[1]!.name, problems: '问题', measures: '措施', owner: '王', deadline: '2026-12-31' });
    },
  },
  { code: 'CATEGORY_UNKNOWN', sheet: D, cell: 'D8', edit: (o) => void (o[3]!.category = '外星组织') },
  { code: 'CATEGORY_BLANK', sheet: D, cell: 'D8', edit: (o) => void (o[3]!.category = null) },
  { code: 'FLAG_MALFORMED', sheet: D, cell: 'P8', edit: (o) => void (o[3]!.forcedBottom = '也许') },
  {
    code: 'EXPLANATION_MISSING',
    sheet: D,
    cell: (i) => `S${row(i)}`,
    edit: (o) => {
      const i = find(o, (x) => gradeOf(x) === '较差' && x.category === '村');
      o[i]!.explanation = null;
      return i;
    },
  },
  {
    code: 'QUOTA_TOP_EXCEEDED',
    sheet: D,
    cell: 'R3',
    edit: (o) => o.slice(3, 13).forEach((x) => ((x.scores = [15, 15, 10, 10, 10, 20, 15]), (x.explanation = '说明'))),
  },
  {
    code: 'QUOTA_BOTTOM_OFF',
    sheet: D,
    cell: 'R3',
    edit: (o, r) =>
      o.slice(3, 13).forEach((x) => {
        x.scores = [5, 5, 5, 5, 5, 10, 10];
        x.explanation = '说明';
        r.push({ orgName: x.name, problems: '问题', measures: '措施', owner: '王', deadline: '2026-12-31' });
      }),
  },
  { code: 'NAME_BLANK', sheet: D, cell: 'B8', edit: (o) => void (o[3]!.name = null) },
  { code: 'ORG_DUPLICATE', sheet: D, cell: 'B9', edit: (o) => void (o[4]!.name = o[3]!.name) },
  { code: 'ORG_TYPE_UNKNOWN', sheet: D, cell: 'E8', edit: (o) => void (o[3]!.orgType = '小组') },
  { code: 'MEMBERS_MALFORMED', sheet: D, cell: 'G8', edit: (o) => void (o[3]!.members = '很多') },
  { code: 'PARENT_NOT_FOUND', sheet: D, cell: 'F8', edit: (o) => void (o[3]!.parent = '不存在的党总支') },
  { code: 'CELL_ERROR', sheet: D, cell: 'H8', edit: (o) => void (o[3]!.scores[0] = { error: '#DIV/0!' }) },
  {
    code: 'RECT_MISSING',
    sheet: D,
    cell: (i) => `B${row(i)}`,
    edit: (o, r) => {
      const name = r[0]!.orgName;
      r.shift();
      return o.findIndex((x) => x.name === name);
    },
  },
  { code: 'RECT_ORG_UNKNOWN', sheet: R, cell: 'B4', edit: (_o, r) => void (r[0]!.orgName = '查无此党支部') },
  {
    // The organization of the first ledger line, its row in the list hidden (a filter left on).
    code: 'RECT_ORG_HIDDEN',
    sheet: R,
    cell: 'B4',
    bytes: async () => {
      const s = sampleOrgs(defaultScheme, N, 7, { prefix: '' });
      const i = s.orgs.findIndex((o) => o.name === s.rectifications[0]?.orgName);
      return editWorkbook(await filledWorkbook({ n: N }), (wb) => void (wb.getWorksheet(D)!.getRow(row(i)).hidden = true));
    },
  },
  // The first line's organization is 一般 or 较差 in the list; its 等次 says 好.
  { code: 'RECT_GRADE_DIFFERS', sheet: R, cell: 'C4', edit: (_o, r) => void (r[0]!.grade = '好') },
  { code: 'RECT_FIELD_BLANK', sheet: R, cell: 'F4', edit: (_o, r) => void (r[0]!.owner = null) },
  { code: 'DEADLINE_UNCLEAR', sheet: R, cell: 'G4', edit: (_o, r) => void (r[0]!.deadline = '尽快') },
  { code: 'TEXT_TOO_LONG', sheet: D, cell: 'B8', edit: (o) => void (o[3]!.name = '党'.repeat(101)) },
  { code: 'TEXT_TOO_LONG', sheet: D, cell: 'S8', edit: (o) => void (o[3]!.explanation = '说'.repeat(1001)) },
  { code: 'TEXT_TOO_LONG', sheet: R, cell: 'E4', edit: (_o, r) => void (r[0]!.measures = '措'.repeat(1001)) },
  { code: 'SHEET_EMPTY', sheet: D, bytes: () => template() },
  {
    code: 'ROWS_HIDDEN_SKIPPED',
    sheet: D,
    cell: 'B9',
    bytes: async () => editWorkbook(await filledWorkbook({ n: N }), (wb) => void (wb.getWorksheet(D)!.getRow(9).hidden = true)),
  },
  {
    code: 'DETAIL_SHEET_CHOSEN',
    bytes: async () =>
      editWorkbook(await filledWorkbook({ n: N }), async (wb) => {
        wb.getWorksheet(D)!.name = `${D} (2)`;
        const blank = new ExcelJS.Workbook();
        await blank.xlsx.load(Buffer.from(await template()) as unknown as ExcelJS.Buffer);
        const ws = wb.addWorksheet(D);
        blank.getWorksheet(D)!.eachRow((row, r) => row.eachCell((c, k) => void (ws.getCell(r, k).value = c.value)));
      }),
  },
  { code: 'FORMULA_NO_RESULT', sheet: D, cell: 'O5', bytes: () => filledWorkbook({ n: N, cachedResults: false }) },
  { code: 'FORMULA_NO_RESULT', sheet: D, cell: 'R5', bytes: () => filledWorkbook({ n: N, cachedResults: false }) },
  // Formulas a script wrote and no spreadsheet calculated: only the template's own are recomputed.
  {
    code: 'FORMULA_NO_VALUE',
    sheet: D,
    cell: 'H8',
    bytes: async () => editWorkbook(await filledWorkbook({ n: N }), (wb) => void (wb.getWorksheet(D)!.getCell('H8').value = { formula: '7.5+7.5' } as ExcelJS.CellFormulaValue)),
  },
  {
    code: 'FORMULA_UNVERIFIED',
    sheet: D,
    cell: 'O8',
    bytes: async () => editWorkbook(await filledWorkbook({ n: N }), (wb) => void (wb.getWorksheet(D)!.getCell('O8').value = { formula: 'SUM(H8:M8)' } as ExcelJS.CellFormulaValue)),
  },
  {
    code: 'FORMULA_UNVERIFIED',
    sheet: D,
    cell: 'R8',
    bytes: async () => editWorkbook(await filledWorkbook({ n: N }), (wb) => void (wb.getWorksheet(D)!.getCell('R8').value = { formula: '"好"' } as ExcelJS.CellFormulaValue)),
  },
  { code: 'INFO_BLANK', sheet: D, cell: 'G2', bytes: () => filledWorkbook({ n: N, info: { township: '城关镇党委', phone: '1', filledOn: '2026-04-20' } }) },
  { code: 'DATE_MALFORMED', sheet: D, cell: 'Q2', bytes: () => filledWorkbook({ n: N, info: { township: '城关镇党委', filledBy: '张三', phone: '1', filledOn: '明天' } }) },
  {
    code: 'COLUMN_UNKNOWN',
    sheet: D,
    cell: 'U3',
    bytes: async () => editWorkbook(await filledWorkbook({ n: N }), (wb) => void (wb.getWorksheet(D)!.getCell('U3').value = '自定义列')),
  },
  {
    code: 'COLUMN_DUPLICATE',
    sheet: D,
    cell: 'T3',
    bytes: async () => editWorkbook(await filledWorkbook({ n: N }), (wb) => void (wb.getWorksheet(D)!.getCell('T3').value = '情况说明')),
  },
  {
    code: 'COLUMN_MAX_MISMATCH',
    sheet: D,
    cell: 'H4',
    bytes: async () => editWorkbook(await filledWorkbook({ n: N }), (wb) => void (wb.getWorksheet(D)!.getCell('H4').value = '党组织带头人（20分）')),
  },
  {
    code: 'COLUMN_MISSING',
    sheet: D,
    bytes: async () => editWorkbook(await filledWorkbook({ n: N }), (wb) => void (wb.getWorksheet(D)!.getCell('D3').value = '')),
  },
  {
    code: 'HEADER_NOT_FOUND',
    sheet: D,
    bytes: async () =>
      editWorkbook(await filledWorkbook({ n: N }), (wb) => {
        const ws = wb.getWorksheet(D)!;
        ws.unMergeCells('B3:B4');
        ws.getCell('B3').value = '单位';
      }),
  },
  {
    code: 'SHEET_MISSING',
    bytes: async () =>
      editWorkbook(await filledWorkbook({ n: N }), (wb) => {
        const ws = wb.getWorksheet(D)!;
        ws.name = 'Sheet1';
        ws.unMergeCells('B3:B4');
        ws.getCell('B3').value = '单位';
      }),
  },
  { code: 'TEMPLATE_META_MISSING', bytes: async () => editWorkbook(await filledWorkbook({ n: N }), (wb) => wb.removeWorksheet(wb.getWorksheet(META_SHEET)!.id)) },
  {
    code: 'TEMPLATE_VERSION_UNSUPPORTED',
    bytes: async () =>
      editWorkbook(await filledWorkbook({ n: N }), (wb) => {
        const ws = wb.getWorksheet(META_SHEET)!;
        ws.eachRow((r) => {
          if (r.getCell(1).value === 'templateVersion') r.getCell(2).value = '0';
        });
      }),
  },
  {
    code: 'SCHEME_MISMATCH',
    bytes: () => filledWorkbook({ n: N }),
    read: (b) => readSubmission(b, schemeSchema.parse({ ...defaultSchemeInput, version: '2027.1' })),
  },
];

test.each(cases.map((c) => [`${c.code} ${typeof c.cell === 'string' ? c.cell : ''}`, c] as const))('%s', async (_name, c) => {
  let index = -1;
  const bytes = c.bytes
    ? await c.bytes()
    : await filledWorkbook({
        n: N,
        edit: (o, r) => {
          const i = c.edit?.(o, r);
          if (typeof i === 'number') index = i;
        },
      });
  const result = c.read ? await c.read(bytes) : await readSubmission(bytes, defaultScheme);
  const cell = typeof c.cell === 'function' ? c.cell(index) : c.cell;
  const hit = result.issues.find((i) => i.code === c.code && i.cell === cell && i.sheet === c.sheet);
  expect([c.code, hit ? 'found' : result.issues.map((i) => `${i.code}@${i.sheet ?? ''}!${i.cell ?? ''}`).join(', ')]).toEqual([c.code, 'found']);
  expect(hit?.message).toMatch(/[\u4e00-\u9fff]/);
});

test('the same branch name under two general branches is not a duplicate', async () => {
  const bytes = await filledWorkbook({
    n: N,
    edit: (o) => {
      // Rows 6 and 7 are branches of the general branch at row 5; make a second group from rows 8–10.
      o[3]!.orgType = '党总支';
      o[3]!.name = '西河村党总支';
      for (const k of [4, 5]) {
        o[k]!.parent = '西河村党总支';
        o[k]!.orgType = '党支部';
        o[k]!.scores = o[3]!.scores;
        o[k]!.category = o[3]!.category;
        o[k]!.explanation = o[3]!.explanation;
      }
      o[4]!.name = o[1]!.name;
    },
  });
  const r = await readSubmission(bytes, defaultScheme);
  expect(r.issues.filter((i) => i.code === 'ORG_DUPLICATE')).toEqual([]);
});
