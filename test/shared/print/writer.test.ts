// The print standard written by each back end (exceljs's document model for templates, its
// streaming writer, and the lean writer for the county workbook), read back with exceljs and from
// the raw XML.
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { CUT_MARKER, MAX_CELL_CHARS, addPrintedSheet, type PrintCell, type SheetDef } from '../../../shared';
import { leanWorkbook } from '../../../functions/src/xlsx-out/workbook';

const def: SheetDef = {
  name: '测试表',
  title: '某县2026年度测试表',
  notes: ['统计范围：全部'],
  info: [{ label: '填报单位（盖章）', value: '某县委组织部' }, { label: '填报日期', value: '2026-04-25' }],
  columns: [
    { header: '序号', kind: 'seq', width: 5 },
    { header: '党组织名称', kind: 'text', width: 20 },
    { header: '个数', group: '好', kind: 'int', width: 6 },
    { header: '占比', group: '好', kind: 'percent', width: 7 },
    { header: '情况说明', kind: 'text', width: 20 },
  ],
  signature: [{ label: '制表人' }, { label: '审核人' }],
  freezeColumns: 2,
};

const LONG = '该党组织班子团结，三会一课制度落实到位，阵地建设规范，群众满意度高。';
const ROWS: PrintCell[][] = [
  [1, '东山村党支部', 3, 0.1, null],
  [2, '=HYPERLINK("http://x","点此")', 1, 0.25, LONG],
  [3, '西河\uFFFE村\u0001党支部', 0, 0, '名'.repeat(40_000)],
];

async function write(kind: 'document' | 'stream' | 'lean'): Promise<Uint8Array> {
  if (kind === 'lean') {
    const out = leanWorkbook({ creator: '某县委组织部', created: new Date() });
    const s = addPrintedSheet(out.book, def);
    ROWS.forEach((r) => s.row(r));
    s.row(['合计', null, 4, 4 / 3, null], 'total');
    s.end();
    return new Uint8Array(await out.finish());
  }
  if (kind === 'document') {
    const wb = new ExcelJS.Workbook();
    const s = addPrintedSheet(wb, def);
    ROWS.forEach((r) => s.row(r));
    s.row(['合计', null, 4, 4 / 3, null], 'total');
    s.end();
    return new Uint8Array(await wb.xlsx.writeBuffer());
  }
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise((r) => out.on('end', r));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: true });
  const s = addPrintedSheet(wb, def);
  ROWS.forEach((r) => s.row(r));
  s.row(['合计', null, 4, 4 / 3, null], 'total');
  s.end();
  await wb.commit();
  await done;
  return new Uint8Array(Buffer.concat(chunks));
}

describe.each(['document', 'stream', 'lean'] as const)('the %s writer', (kind) => {
  let bytes: Uint8Array;
  let ws: ExcelJS.Worksheet;
  let workbookXml: string;
  beforeAll(async () => {
    bytes = await write(kind);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
    ws = wb.getWorksheet(def.name) as ExcelJS.Worksheet;
    workbookXml = strFromU8(unzipSync(bytes)['xl/workbook.xml'] as Uint8Array);
  });

  test('title, notes and header cells are merged across the table', () => {
    const merges = (ws as unknown as { model: { merges: string[] } }).model.merges;
    expect(merges).toEqual(expect.arrayContaining(['A1:E1', 'A2:E2', 'A4:A5', 'B4:B5', 'C4:D4', 'E4:E5']));
    expect(ws.getCell('A1').value).toBe(def.title);
    expect(ws.getCell('C4').value).toBe('好');
    expect(ws.getCell('C5').value).toBe('个数');
  });

  test('column widths are the definition’s', () => {
    expect(def.columns.map((_, i) => ws.getColumn(i + 1).width)).toEqual([5, 20, 6, 7, 20]);
  });

  test('print area = exactly the written rows (absolute), header rows repeated', () => {
    // Rows: 1 title, 2 note, 3 unit/date, 4–5 header, 6–8 body, 9 total, 10 blank, 11 signatures.
    expect(workbookXml).toContain(`<definedName name="_xlnm.Print_Area" localSheetId="0">&apos;${def.name}&apos;!$A$1:$E$11</definedName>`);
    expect(workbookXml).toContain(`<definedName name="_xlnm.Print_Titles" localSheetId="0">&apos;${def.name}&apos;!$4:$5</definedName>`);
  });

  test('A4, fit to one page wide, frozen under the header, page numbers in the footer', () => {
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    expect(ws.views[0]).toMatchObject({ state: 'frozen', xSplit: 2, ySplit: 5 });
    expect(ws.headerFooter.oddFooter).toBe('&C第 &P 页，共 &N 页');
  });

  test('the unit/date block and the signature lines print whole', () => {
    expect(ws.getCell('A3').value).toBe('填报单位（盖章）：某县委组织部');
    const texts: unknown[] = [];
    ws.getRow(11).eachCell((c) => texts.push(c.value));
    expect([...new Set(texts)].filter((t) => typeof t === 'string' && t.includes('：'))).toEqual(['制表人：＿＿＿＿＿＿', '审核人：＿＿＿＿＿＿']);
  });

  test('text is written safe: no XML-invalid characters, Excel’s cell limit, formulas stay text', () => {
    expect(ws.getCell('B8').value).toBe('西河村党支部');
    const cut = ws.getCell('E8').value as string;
    expect(cut).toHaveLength(MAX_CELL_CHARS);
    expect(cut.endsWith(CUT_MARKER)).toBe(true);
    const f = ws.getCell('B7');
    expect([f.type, f.value, f.numFmt]).toEqual([ExcelJS.ValueType.String, '=HYPERLINK("http://x","点此")', '@']);
    const sheetXml = Object.entries(unzipSync(bytes)).filter(([n]) => n.startsWith('xl/worksheets/sheet')).map(([, d]) => strFromU8(d)).join('');
    expect(sheetXml).not.toContain('<f>');
  });

  test('rows with wrapped text are as tall as their lines; one-line rows keep the default', () => {
    expect(ws.getRow(6).height ?? 15).toBe(15);
    expect(ws.getRow(7).height).toBeGreaterThanOrEqual(2 * 15);
  });

  test('shares print to 0.1 %', () => {
    expect(ws.getCell('D7').numFmt).toBe('0.0%');
    expect(ws.getCell('D7').value).toBe(0.25);
  });
});

test('a short text with a line break gets the height of its lines', async () => {
  const wb = new ExcelJS.Workbook();
  const s = addPrintedSheet(wb, def);
  s.row([1, '东山村党支部', 1, 0.5, '一\n二\n三']);
  s.end();
  // Five characters would fit on one line: the break, not the width, makes three.
  const row = (wb.getWorksheet(def.name) as ExcelJS.Worksheet).getRow(s.plan.firstBodyRow);
  expect(row.height).toBe(3 * 15 + 4);
});
