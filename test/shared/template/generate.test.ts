// What the generated template carries: sheets, metadata, headers from the scheme, dropdowns,
// protection, print setup and the native formulas on every pre-created row.
import ExcelJS from 'exceljs';
import { summaryRows } from '../../../shared/template/summary-sheet';
import { detailDef } from '../../../shared/template/detail-sheet';
import { rectDef } from '../../../shared/template/rect-sheet';
import { planSheet } from '../../../shared/print';
import {
  DEFAULT_TEMPLATE_ROWS,
  DETAIL_LAYOUT,
  DETAIL_SHEET,
  RECT_LAYOUT,
  SPARE_TEMPLATE_ROWS,
  SUMMARY_SHEET,
  TEMPLATE_SHEETS,
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

  test('sheets: detail list first, its 汇总表, ledger, very hidden metadata', () => {
    expect(wb.worksheets.map((w) => [w.name, w.state])).toEqual([
      [DETAIL_SHEET, 'visible'],
      [SUMMARY_SHEET, 'visible'],
      [RECT_SHEET, 'visible'],
      [META_SHEET, 'veryHidden'],
    ]);
    expect(TEMPLATE_SHEETS).toEqual([DETAIL_SHEET, SUMMARY_SHEET, RECT_SHEET, META_SHEET]);
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
    ['A2', '填报单位（盖章）：'],
    ['C2', '城关镇'],
    ['B3', '党组织名称'],
    ['H3', '分类定级指标得分'],
    ['H4', '党组织带头人\n（15分）'],
    ['N4', '群众反映\n（20分）'],
    ['O3', '总分\n（100分）'],
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
    ['E34', '"党委,党总支,党支部"'],
    ['R5', '"好,较好,一般,较差"'],
    ['P5', '"是,否"'],
  ])('dropdown on %s', (cell, formula) => {
    expect(ws.getCell(cell).dataValidation).toMatchObject({ type: 'list', formulae: [formula] });
  });

  test.each([
    ['H5', '党组织带头人', 15],
    ['N34', '群众反映', 20],
  ])('score cell %s takes 0 to the maximum, with a Chinese prompt and a stop alert', (cell, name, max) => {
    expect(ws.getCell(cell).dataValidation).toMatchObject({
      type: 'decimal',
      operator: 'between',
      formulae: [0, max],
      showInputMessage: true,
      promptTitle: `${name}（满分 ${max} 分）`,
      showErrorMessage: true,
      errorStyle: 'stop',
      error: `“${name}”应为 0 到 ${max} 之间的数字`,
    });
  });

  test('a score typed as text turns red (conditional formatting over the score columns)', () => {
    const cf = (ws as unknown as { conditionalFormattings: Array<{ ref: string; rules: Array<{ type: string; formulae: string[] }> }> }).conditionalFormattings;
    expect(cf.map((c) => [c.ref, c.rules[0]?.formulae[0]])).toEqual(
      ['H', 'I', 'J', 'K', 'L', 'M', 'N'].map((l) => [`${l}5:${l}34`, `AND(${l}5<>"",NOT(ISNUMBER(${l}5)))`]),
    );
  });

  test('the sheet is not protected, so a copied row with its formulas can be inserted anywhere', () => {
    expect((ws as unknown as { sheetProtection: unknown }).sheetProtection ?? null).toBeNull();
    expect(ws.getCell('O5').dataValidation).toMatchObject({ showInputMessage: true, promptTitle: '总分由公式自动计算' });
  });

  test('print setup: A4 landscape, one page wide, header rows repeated, page numbers at the top right, signature lines in the footer', () => {
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '3:4' });
    expect(ws.pageSetup.printArea).toBeUndefined();
    expect([ws.headerFooter.oddHeader, ws.headerFooter.oddFooter]).toEqual(['&R&A　第 &P 页（本次打印共 &N 页）', '&L填报人（签字）：＿＿＿＿＿＿    审核人（签字）：＿＿＿＿＿＿']);
  });

  test(`${DEFAULT_TEMPLATE_ROWS} rows carry the 总分 and 等次 formulas, no more (only rows that exist print)`, () => {
    const cols = detailColumns(defaultScheme);
    const last = 4 + DEFAULT_TEMPLATE_ROWS;
    expect(ws.rowCount).toBe(last);
    expect(ws.getCell('O5').formula).toBe(totalFormula(cols, 5));
    expect(ws.getCell(`R${last}`).formula).toBe(gradeFormula(defaultScheme, cols, last));
    expect(ws.getCell(`R${last + 1}`).formula).toBeUndefined();
  });

  test('the 汇总表 counts the 一览表 by formula, over whole columns below the header', () => {
    const sum = wb.getWorksheet(SUMMARY_SHEET)!;
    const { first, total } = summaryRows(defaultScheme);
    expect(sum.getCell(first, 1).value).toBe('村');
    expect(sum.getCell(first, 2).formula).toBe(`COUNTIFS('${DETAIL_SHEET}'!$D$5:$D$1048576,$A${first})`);
    expect(sum.getCell(first, 3).formula).toBe(`SUMIFS('${DETAIL_SHEET}'!$G$5:$G$1048576,'${DETAIL_SHEET}'!$D$5:$D$1048576,$A${first})`);
    expect(sum.getCell(first, 4).formula).toBe(`COUNTIFS('${DETAIL_SHEET}'!$D$5:$D$1048576,$A${first},'${DETAIL_SHEET}'!$R$5:$R$1048576,"好")`);
    expect(sum.getCell(first, 5).formula).toBe(`IF($B${first}=0,"",D${first}/$B${first})`);
    expect(sum.getCell(first, 5).numFmt).toBe('0.0%');
    expect(sum.getCell(total, 1).value).toBe('合计');
    expect(sum.getCell(total, 2).formula).toBe(`COUNTIF('${DETAIL_SHEET}'!$B$5:$B$1048576,"?*")`);
    expect(sum.pageSetup.printArea).toBe(`A1:K${total}`);
  });
});

test(`a roster pre-fills names, canonical categories, org types and 所属党总支, plus ${SPARE_TEMPLATE_ROWS} spare rows`, async () => {
  const roster = [
    { name: '东山村党总支', category: '农村', orgType: '总支' },
    { name: '东山村第一党支部', category: '村', orgType: '党支部', parent: '东山村党总支' },
    { name: '县直机关党委', category: '機關', orgType: '党委' },
  ];
  const wb = await load(await generateTemplate({ ...base, scheme: defaultScheme, roster }));
  const ws = wb.getWorksheet(DETAIL_SHEET)!;
  expect([5, 6, 7].map((r) => [ws.getCell(`A${r}`).value, ws.getCell(`B${r}`).value, ws.getCell(`D${r}`).value, ws.getCell(`E${r}`).value, ws.getCell(`F${r}`).value])).toEqual([
    [1, '东山村党总支', '村', '党总支', null],
    [2, '东山村第一党支部', '村', '党支部', '东山村党总支'],
    [3, '县直机关党委', '机关事业单位', '党委', null],
  ]);
  expect(ws.getCell(`R${7 + SPARE_TEMPLATE_ROWS}`).formula).toBeDefined();
  expect(ws.getCell(`R${8 + SPARE_TEMPLATE_ROWS}`).formula).toBeUndefined();
  // The 汇总表's cached results count the roster until Excel recalculates.
  const sum = wb.getWorksheet(SUMMARY_SHEET)!;
  expect(sum.getCell(summaryRows(defaultScheme).first, 2).result).toBe(2);
});

test('a roster’s long names get rows as tall as their lines (LibreOffice clips rows without a height)', async () => {
  const roster = [
    // 16 characters: 2 lines in the 24-unit 党组织名称 column.
    { name: '中共石柱县东山镇东山村支部委员会', category: '村', orgType: '党支部' },
    { name: '东山村党总支', category: '村', orgType: '党总支' },
    // 23 characters: 3 lines.
    { name: '中共石柱县东山镇东山村第一网格党支部委员会联合', category: '村', orgType: '党支部' },
  ];
  const ws = (await load(await generateTemplate({ ...base, scheme: defaultScheme, roster }))).getWorksheet(DETAIL_SHEET)!;
  const r = DETAIL_LAYOUT.firstDataRow;
  expect([r, r + 1, r + 2].map((x) => ws.getRow(x).height)).toEqual([2 * 15 + 4, undefined, 3 * 15 + 4]);
  // The blank rows under the roster keep the default height.
  expect(ws.getRow(r + 3).height).toBeUndefined();
});

test.each([
  ['Yichun five-way categories', yichunScheme, 'D5', '"农村,社区,机关,非公有制企业,教育卫生事业单位"'],
  ['five goods: five indicators, no override columns', fiveGoods, 'L4', '群众反映好\n（20分）'],
])('columns and lists follow the scheme: %s', async (_name, scheme, cell, expected) => {
  const ws = (await load(await generateTemplate({ ...base, scheme }))).getWorksheet(DETAIL_SHEET)!;
  const v = ws.getCell(cell).dataValidation?.formulae?.[0] ?? ws.getCell(cell).value;
  expect(v).toBe(expected);
});

test('the five-goods sheet has no flag columns and its 等次 formula has no overrides', async () => {
  const cols = detailColumns(fiveGoods);
  expect(cols.map((c) => c.key)).not.toContain('forcedBottom');
  expect(gradeFormula(fiveGoods, cols, 5)).toBe('IF(ISNUMBER(M5),IF(M5>=90,"好",IF(M5>=80,"较好",IF(M5>=60,"一般","较差"))),"")');
  expect(totalFormula(cols, 5)).toBe('IF(COUNTA(H5:L5)=0,"",IF(COUNT(H5:L5)<COUNTA(H5:L5),"分数须为数字",ROUND(SUM(H5:L5),6)))');
});

test.each([
  ['default', defaultScheme],
  ['yichun', yichunScheme],
  ['five goods', fiveGoods],
])('the generated layout is DETAIL_LAYOUT / RECT_LAYOUT whatever the scheme (%s)', (_n, scheme) => {
  expect(planSheet(detailDef(scheme, '某某县', '城关镇', 2026))).toMatchObject({ titleRow: DETAIL_LAYOUT.titleRow, headerTop: DETAIL_LAYOUT.headerRow, headerBottom: DETAIL_LAYOUT.subHeaderRow, firstBodyRow: DETAIL_LAYOUT.firstDataRow });
  expect(planSheet(detailDef(scheme, '某某县', '城关镇', 2026)).infoRows.map((r) => r.row)).toEqual([DETAIL_LAYOUT.infoRow]);
  expect(planSheet(rectDef('城关镇', 2026))).toMatchObject({ headerTop: RECT_LAYOUT.headerRow, firstBodyRow: RECT_LAYOUT.firstDataRow });
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
