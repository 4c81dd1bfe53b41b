// The print standard written by each back end (exceljs's document model for templates, its
// streaming writer, and the lean writer for the county workbook), read back with exceljs and from
// the raw XML.
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { CONTINUED_LINES, CUT_MARKER, MAX_CELL_CHARS, MAX_ROW_PT, ROW_LINES, addPrintedSheet, planSheet, wrappedLines, type PrintCell, type PrintedSheet, type SheetDef } from '../../../shared';
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

async function write(kind: 'document' | 'stream' | 'lean', d: SheetDef = def, body: (s: PrintedSheet) => void = writeRows): Promise<Uint8Array> {
  if (kind === 'lean') {
    const out = leanWorkbook({ creator: '某县委组织部', created: new Date() });
    const s = addPrintedSheet(out.book, d);
    body(s);
    s.end();
    return new Uint8Array(await out.finish());
  }
  if (kind === 'document') {
    const wb = new ExcelJS.Workbook();
    const s = addPrintedSheet(wb, d);
    body(s);
    s.end();
    return new Uint8Array(await wb.xlsx.writeBuffer());
  }
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise((r) => out.on('end', r));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: true });
  const s = addPrintedSheet(wb, d);
  body(s);
  s.end();
  await wb.commit();
  await done;
  return new Uint8Array(Buffer.concat(chunks));
}

function writeRows(s: PrintedSheet): void {
  ROWS.forEach((r) => s.row(r));
  s.row(['合计', null, 4, 4 / 3, null], 'total');
}

async function load(bytes: Uint8Array, name: string): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return wb.getWorksheet(name) as ExcelJS.Worksheet;
}

describe.each(['document', 'stream', 'lean'] as const)('the %s writer', (kind) => {
  let bytes: Uint8Array;
  let ws: ExcelJS.Worksheet;
  let workbookXml: string;
  /** The 合计 row: the 40,000 characters of row 8 continue on the rows under it. */
  let total: number;
  beforeAll(async () => {
    bytes = await write(kind);
    ws = await load(bytes, def.name);
    workbookXml = strFromU8(unzipSync(bytes)['xl/workbook.xml'] as Uint8Array);
    total = 9;
    while (total < 1000 && ws.getCell(total, 1).value !== '合计') total++;
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
    // Rows: 1 title, 2 note, 3 unit/date, 4–5 header, 6–8 body (8 continued), the total; the signatures are in the footer.
    expect(total).toBeGreaterThan(9);
    expect(workbookXml).toContain(`<definedName name="_xlnm.Print_Area" localSheetId="0">&apos;${def.name}&apos;!$A$1:$E$${total}</definedName>`);
    expect(workbookXml).toContain(`<definedName name="_xlnm.Print_Titles" localSheetId="0">&apos;${def.name}&apos;!$4:$5</definedName>`);
  });

  test('A4, fit to one page wide, frozen under the header, page numbers at the top right, signature lines in the footer', () => {
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    expect(ws.views[0]).toMatchObject({ state: 'frozen', xSplit: 2, ySplit: 5 });
    expect([ws.headerFooter.oddHeader, ws.headerFooter.oddFooter]).toEqual(['&R&A　第 &P 页（本次打印共 &N 页）', '&L制表人：＿＿＿＿＿＿    审核人：＿＿＿＿＿＿']);
  });

  test('the unit/date block prints whole; nothing is written under the table', () => {
    expect(ws.getCell('A3').value).toBe('填报单位（盖章）：某县委组织部');
    expect(ws.rowCount).toBe(total);
  });

  test('text is written safe: no XML-invalid characters, Excel’s cell limit, formulas stay text', () => {
    expect(ws.getCell('B8').value).toBe('西河村党支部');
    let cut = '';
    for (let r = 8; r < total; r++) cut += ws.getCell(r, 5).value as string;
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

// A 较差状况明细表 entry of three 200-character measures (the tester's), beside a shorter problem
// text: more lines than the tallest row Excel allows (409 pt) holds.
const LEDGER: SheetDef = {
  name: '台账',
  title: '某县2026年度整改台账',
  columns: [
    { header: '序号', kind: 'seq', width: 5 },
    { header: '党组织名称', kind: 'text', width: 24 },
    { header: '主要问题', kind: 'text', width: 32 },
    { header: '整改措施', kind: 'text', width: 32 },
    { header: '责任人', kind: 'center', width: 8 },
  ],
};
const MEASURE = '落实“三会一课”制度，规范组织生活，党支部书记带头讲党课，每月开展主题党日活动，整顿软弱涣散状况，选优配强村党组织带头人，建立健全村级各项制度。';
const MEASURES = [1, 2, 3].map((n) => `${n}. ${MEASURE.repeat(3).slice(0, 200)}`).join('\n');
const PROBLEMS = '班子凝聚力不强，组织生活不经常，发展党员工作滞后。'.repeat(8);

describe.each(['document', 'stream', 'lean'] as const)('a row longer than Excel’s tallest row, by the %s writer', (kind) => {
  let ws: ExcelJS.Worksheet;
  /** The rows the first entry takes. */
  let entry: number[];
  const body = planSheet(LEDGER).firstBodyRow;
  beforeAll(async () => {
    const bytes = await write(kind, LEDGER, (s) => {
      s.row([1, '东山村党支部', PROBLEMS, MEASURES, '1. 张三\n2. 李四\n3. 王五']);
      s.row([2, '西河村党支部', '组织生活不经常。', '按月开展主题党日。', '赵六']);
      s.row([3, '南岭村党支部', '无\n无', null, null]);
    });
    ws = await load(bytes, LEDGER.name);
    entry = [];
    for (let r = body; ws.getCell(r, 1).value !== 2 && r < 100; r++) entry.push(r);
  });

  test('its text continues on the rows under it, cut at its wrapped lines, none lost', () => {
    expect(wrappedLines(MEASURES, 32)).toBeGreaterThan(ROW_LINES);
    expect(entry.length).toBeGreaterThan(1);
    const pieces = entry.map((r) => ws.getCell(r, 4).value as string | null);
    expect(pieces.every((p) => typeof p === 'string' && p.length > 0)).toBe(true);
    // A piece ends where a wrapped line ends: joined with nothing (a soft wrap) or a line break.
    const joined = pieces.join('');
    expect(joined.replace(/\n/g, '')).toBe(MEASURES.replace(/\n/g, ''));
    expect(pieces[0]?.startsWith('1. ')).toBe(true);
    expect(joined.endsWith(MEASURES.slice(-20).replace(/\n/g, ''))).toBe(true);
    // The first piece fills the row the problems (14 lines) make; the others are CONTINUED_LINES.
    expect(wrappedLines(pieces[0] as string, 32)).toBe(wrappedLines(PROBLEMS, 32));
    for (const p of pieces.slice(1)) expect(wrappedLines(p as string, 32)).toBeLessThanOrEqual(CONTINUED_LINES);
  });

  test('every row of it is as tall as its lines and never taller than Excel allows', () => {
    for (const r of entry) {
      let lines = 1;
      for (let c = 1; c <= 5; c++) {
        const v = ws.getCell(r, c).value;
        if (typeof v === 'string') lines = Math.max(lines, wrappedLines(v, LEDGER.columns[c - 1]?.width ?? 0));
      }
      expect(ws.getRow(r).height).toBeLessThanOrEqual(MAX_ROW_PT);
      expect(ws.getRow(r).height).toBeGreaterThanOrEqual(lines * 15);
    }
  });

  test('the first row holds the entry’s other cells; the continuation rows are blank there, with borders, not merged', () => {
    expect(entry.length).toBeGreaterThan(1);
    expect([1, 2, 5].map((c) => ws.getCell(entry[0] ?? 0, c).value)).toEqual([1, '东山村党支部', '1. 张三\n2. 李四\n3. 王五']);
    for (const r of entry.slice(1)) {
      expect([1, 2, 5].map((c) => ws.getCell(r, c).value ?? null)).toEqual([null, null, null]);
      for (let c = 1; c <= 5; c++) expect(ws.getCell(r, c).border).toMatchObject({ top: { style: 'thin' }, bottom: { style: 'thin' }, left: { style: 'thin' }, right: { style: 'thin' } });
    }
    const merges = (ws as unknown as { model: { merges: string[] } }).model.merges;
    expect(merges.filter((m) => /^[A-E]\d+:[A-E]\d+$/.test(m) && Number(/\d+/.exec(m)?.[0]) >= body)).toEqual([]);
  });

  test('text that wraps starts at the top of its cell; one-line cells stay centred', () => {
    const first = entry[0] ?? 0;
    expect(ws.getCell(first, 3).alignment?.vertical).toBe('top');
    expect(ws.getCell(first, 4).alignment?.vertical).toBe('top');
    expect(ws.getCell(first, 5).alignment).toMatchObject({ vertical: 'top', horizontal: 'center' });
    expect(ws.getCell(first, 2).alignment?.vertical).toBe('middle');
    const next = (entry[entry.length - 1] ?? 0) + 1;
    expect(ws.getCell(next, 3).alignment?.vertical).toBe('middle');
  });

  test('a short text with a line break gets the height of its two lines', () => {
    // Three characters fit a 32-wide column, but "无\n无" is two lines in any column.
    const r = (entry[entry.length - 1] ?? 0) + 2;
    expect(ws.getCell(r, 3).value).toBe('无\n无');
    expect(ws.getRow(r).height).toBeGreaterThanOrEqual(2 * 15);
  });
});
