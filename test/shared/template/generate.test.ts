// What the generated template carries: sheets, metadata, headers from the scheme, dropdowns,
// protection, print setup and the native formulas on every pre-created row.
import ExcelJS from 'exceljs';
import {
  DETAIL_SHEET,
  META_SHEET,
  RECT_SHEET,
  TEMPLATE_ID,
  TEMPLATE_VERSION,
  defaultScheme,
  defaultSchemeInput,
  detailColumns,
  generateTemplate,
  gradeFormula,
  readSubmission,
  schemeFingerprint,
  schemeSchema,
  totalFormula,
  yichunScheme,
} from '../../../shared';
import { fiveGoods, filledWorkbook } from '../../helpers/workbooks';

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return wb;
}

const base = { year: 2026, county: '某某县', campaignId: 'c2026', township: { id: 'chengguan', name: '城关镇' } };

describe('default template', () => {
  let wb: ExcelJS.Workbook;
  let ws: ExcelJS.Worksheet;
  beforeAll(async () => {
    wb = await load(await generateTemplate({ ...base, scheme: defaultScheme }));
    ws = wb.getWorksheet(DETAIL_SHEET)!;
  });

  test('sheets: detail list first, ledger, very hidden metadata', () => {
    expect(wb.worksheets.map((w) => [w.name, w.state])).toEqual([
      [DETAIL_SHEET, 'visible'],
      [RECT_SHEET, 'visible'],
      [META_SHEET, 'veryHidden'],
    ]);
  });

  test('metadata names the template, scheme fingerprint, campaign and township', () => {
    const meta: Record<string, unknown> = {};
    wb.getWorksheet(META_SHEET)!.eachRow((r) => (meta[String(r.getCell(1).value)] = r.getCell(2).value));
    expect(meta).toMatchObject({
      templateId: TEMPLATE_ID,
      templateVersion: TEMPLATE_VERSION,
      schemeId: 'default6',
      schemeFingerprint: schemeFingerprint(defaultScheme),
      campaignId: 'c2026',
      townshipId: 'chengguan',
    });
  });

  test.each([
    ['A1', '某某县城关镇2026年度基层党组织分类定级情况一览表'],
    ['A2', '填报单位：'],
    ['B2', '城关镇'],
    ['B3', '党组织名称'],
    ['H3', '分类定级指标得分'],
    ['H4', '党组织带头人（15分）'],
    ['N4', '群众反映（20分）'],
    ['O3', '总分（100分）'],
    ['P3', '否决及限制情形'],
    ['P4', '涉及三打两建问题'],
    ['Q4', '新组建'],
    ['R3', '等次'],
    ['S3', '情况说明'],
  ])('header %s is %s', (cell, text) => {
    expect(ws.getCell(cell).value).toBe(text);
  });

  test.each([
    ['D5', '"村,社区,国有企业,非公有制经济组织,机关事业单位,社会组织"'],
    ['E204', '"党委,党总支,党支部"'],
    ['R5', '"好,较好,一般,较差"'],
    ['P5', '"是,否"'],
  ])('dropdown on %s', (cell, formula) => {
    expect(ws.getCell(cell).dataValidation).toMatchObject({ type: 'list', formulae: [formula] });
  });

  test('score cells refuse values above their maximum', () => {
    expect(ws.getCell('H5').dataValidation).toMatchObject({ type: 'decimal', operator: 'between', formulae: [0, 15] });
    expect(ws.getCell('N5').dataValidation).toMatchObject({ formulae: [0, 20] });
  });

  test('the sheet is protected: headers and 总分 locked, input cells open', () => {
    expect((ws as unknown as { sheetProtection: unknown }).sheetProtection).toMatchObject({ sheet: true });
    expect(ws.getCell('B3').protection?.locked).not.toBe(false);
    expect(ws.getCell('O5').protection?.locked).not.toBe(false);
    for (const c of ['B5', 'H5', 'R5', 'S204', 'B2']) expect([c, ws.getCell(c).protection?.locked]).toEqual([c, false]);
  });

  test('print setup: A4 landscape, one page wide, header rows repeated', () => {
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '3:4' });
  });

  test('200 rows carry the 总分 and 等次 formulas', () => {
    const cols = detailColumns(defaultScheme);
    expect(ws.getCell('O5').formula).toBe(totalFormula(cols, 5));
    expect(ws.getCell('R204').formula).toBe(gradeFormula(defaultScheme, cols, 204));
    expect(ws.getCell('R205').formula).toBeUndefined();
  });
});

test('a roster pre-fills names, canonical categories and org types, plus 20 spare rows', async () => {
  const roster = [
    { name: '东山村党总支', category: '农村', orgType: '总支' },
    { name: '东山村第一党支部', category: '村', orgType: '党支部' },
    { name: '县直机关党委', category: '機關', orgType: '党委' },
  ];
  const wb = await load(await generateTemplate({ ...base, scheme: defaultScheme, roster }));
  const ws = wb.getWorksheet(DETAIL_SHEET)!;
  expect([5, 6, 7].map((r) => [ws.getCell(`A${r}`).value, ws.getCell(`B${r}`).value, ws.getCell(`D${r}`).value, ws.getCell(`E${r}`).value])).toEqual([
    [1, '东山村党总支', '村', '党总支'],
    [2, '东山村第一党支部', '村', '党支部'],
    [3, '县直机关党委', '机关事业单位', '党委'],
  ]);
  expect(ws.getCell('R27').formula).toBeDefined();
  expect(ws.getCell('R28').formula).toBeUndefined();
});

test.each([
  ['Yichun five-way categories', yichunScheme, 'D5', '"农村,社区,机关,非公有制企业,教育卫生事业单位"'],
  ['five goods: five indicators, no override columns', fiveGoods, 'L4', '群众反映好（20分）'],
])('columns and lists follow the scheme: %s', async (_name, scheme, cell, expected) => {
  const ws = (await load(await generateTemplate({ ...base, scheme }))).getWorksheet(DETAIL_SHEET)!;
  const v = ws.getCell(cell).dataValidation?.formulae?.[0] ?? ws.getCell(cell).value;
  expect(v).toBe(expected);
});

test('the five-goods sheet has no flag columns and its 等次 formula has no overrides', async () => {
  const cols = detailColumns(fiveGoods);
  expect(cols.map((c) => c.key)).not.toContain('forcedBottom');
  expect(gradeFormula(fiveGoods, cols, 5)).toBe('IF(M5="","",IF(M5>=90,"好",IF(M5>=80,"较好",IF(M5>=60,"一般","较差"))))');
});

test('a five-goods workbook round-trips with zero issues', async () => {
  const r = await readSubmission(await filledWorkbook({ scheme: fiveGoods, n: 30 }), fiveGoods);
  expect(r.issues).toEqual([]);
  expect(r.submission?.orgs[0]?.scores).toHaveLength(5);
});

test('a category list too long for an inline dropdown points at the metadata sheet', async () => {
  const many = Array.from({ length: 14 }, (_, i) => ({ key: `c${i}`, name: `非常长的党组织类别名称第${i + 1}类`, quotaClass: 'standard' }));
  const scheme = schemeSchema.parse({ ...defaultSchemeInput, categories: many, explanations: [], quota: { ...defaultSchemeInput.quota, top: { grade: 'good', maxShare: 0.2 } } });
  const ws = (await load(await generateTemplate({ ...base, scheme }))).getWorksheet(DETAIL_SHEET)!;
  expect(ws.getCell('D5').dataValidation?.formulae?.[0]).toBe(`'${META_SHEET}'!$D$2:$D$15`);
});
