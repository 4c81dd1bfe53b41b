// A lean workbook by the print standard, read back by exceljs (values, shared strings, merges,
// heights, styles, page setup, print titles and area, frozen panes), by the product's own reader,
// and printed by LibreOffice (A4, every page numbered).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { addPrintedSheet, readWorkbook, writePrintedSheet, type PrintCell, type SheetDef } from '../../../shared';
import { leanWorkbook } from '../../../functions/src/xlsx-out/workbook';
import { canPrint, pageText, pdfPages, toPdf } from '../../print/office';
import { loadWorkbookBytes } from '../xlsx';

const def: SheetDef = {
  name: '明细',
  title: '某县2026年度明细表',
  notes: ['统计范围：全部'],
  info: [{ label: '填报单位（盖章）', value: '某县委组织部' }],
  columns: [
    { header: '序号', kind: 'seq', width: 5 },
    { header: '党组织名称', kind: 'text', width: 24 },
    { header: '个数', group: '好', kind: 'int', width: 8 },
    { header: '占比', group: '好', kind: 'percent', width: 8 },
    { header: '完成时限', kind: 'date', width: 12 },
  ],
  signature: [{ label: '制表人' }, { label: '审核人' }],
  freezeColumns: 2,
};

const ROWS: PrintCell[][] = Array.from({ length: 120 }, (_, i) => [i + 1, `第${i + 1}村党支部`, i % 7, (i % 7) / 7, i % 3 ? '年底前' : null]);
ROWS[1] = [2, '=1+1', 1, 0.5, '  前导空格'];
ROWS[2] = [3, '该党组织班子团结，三会一课制度落实到位，阵地建设规范，群众满意度高，经党委研究确定。', 3, 0.25, null];

let bytes: Uint8Array;
let wb: ExcelJS.Workbook;
let ws: ExcelJS.Worksheet;

beforeAll(async () => {
  const out = leanWorkbook({ creator: '某县委组织部', created: new Date(Date.UTC(2026, 3, 25)) });
  const s = addPrintedSheet(out.book, def);
  for (const r of ROWS) s.row(r);
  s.row(['合计', null, { formula: 'SUM(C6:C125)', result: 357 }, { formula: 'IF(C126>0,"有","无")', result: '有' }, null], 'total');
  s.end();
  writePrintedSheet(out.book, { name: '空表', title: '空', columns: [{ header: '名称', kind: 'text', width: 30 }] }, [], '（无）');
  bytes = new Uint8Array(await out.finish());
  wb = await loadWorkbookBytes(bytes);
  ws = wb.getWorksheet('明细') as ExcelJS.Worksheet;
});

describe('a lean workbook read back by exceljs', () => {
  test('sheets, the creator, title and header merged, header texts', () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(['明细', '空表']);
    expect(wb.creator).toBe('某县委组织部');
    const merges = (ws as unknown as { model: { merges: string[] } }).model.merges;
    expect(merges).toEqual(expect.arrayContaining(['A1:E1', 'A2:E2', 'A4:A5', 'B4:B5', 'C4:D4', 'E4:E5']));
    expect([ws.getCell('A1').value, ws.getCell('C4').value, ws.getCell('D5').value]).toEqual([def.title, '好', '占比']);
    expect(ws.getCell('A3').value).toBe('填报单位（盖章）：某县委组织部');
  });

  test('values: numbers, shared strings (t="s", leading whitespace kept), blanks, formulas with results', () => {
    expect([ws.getCell('A6').value, ws.getCell('B6').value, ws.getCell('C6').value, ws.getCell('E6').value]).toEqual([1, '第1村党支部', 0, null]);
    expect(ws.getCell('E7').value).toBe('  前导空格');
    const sheetXml = strFromU8(unzipSync(bytes)['xl/worksheets/sheet1.xml'] as Uint8Array);
    expect(sheetXml).toMatch(/<c r="B6" s="\d+" t="s"><v>\d+<\/v><\/c>/);
    expect(ws.getCell('C126').value).toEqual({ formula: 'SUM(C6:C125)', result: 357 });
    expect(ws.getCell('D126').value).toEqual({ formula: 'IF(C126>0,"有","无")', result: '有' });
  });

  test('formula-like text stays text, with the Text format', () => {
    const c = ws.getCell('B7');
    expect([c.type, c.value, c.numFmt]).toEqual([ExcelJS.ValueType.String, '=1+1', '@']);
  });

  test('styles: fonts, fills, borders, alignment with wrapping, number formats', () => {
    const h = ws.getCell('B4');
    expect(h.font).toMatchObject({ name: '宋体', size: 10, bold: true });
    expect(h.fill).toMatchObject({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } });
    expect(h.border).toMatchObject({ top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } });
    expect(ws.getCell('B6').alignment).toMatchObject({ horizontal: 'left', vertical: 'middle', wrapText: true });
    expect([ws.getCell('A6').numFmt, ws.getCell('D6').numFmt, ws.getCell('E6').numFmt]).toEqual(['0', '0.0%', 'yyyy-mm-dd']);
    expect(ws.getCell('A126').fill).toMatchObject({ fgColor: { argb: 'FFF2F2F2' } });
  });

  test('widths, heights of wrapped rows and fixed rows', () => {
    expect(def.columns.map((_, i) => ws.getColumn(i + 1).width)).toEqual([5, 24, 8, 8, 12]);
    expect(ws.getRow(1).height).toBe(32);
    expect(ws.getRow(6).height ?? 15).toBe(15);
    expect(ws.getRow(8).height).toBeGreaterThanOrEqual(2 * 15);
  });

  test('page: A4, fit to one page wide, centred, margins, footer, print titles and area, frozen panes', () => {
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0, horizontalCentered: true });
    expect(ws.pageSetup.margins).toMatchObject({ left: 0.4, right: 0.4, top: 0.5, bottom: 0.6 });
    expect([ws.headerFooter.oddHeader, ws.headerFooter.oddFooter]).toEqual(['&R&A　第 &P 页（本次打印共 &N 页）', '&L制表人：＿＿＿＿＿＿    审核人：＿＿＿＿＿＿']);
    // Rows: 1 title, 2 note, 3 unit, 4–5 header, 6–125 body, 126 total; the signatures are in the footer.
    expect(ws.pageSetup.printArea).toBe('A1:E126');
    expect(ws.pageSetup.printTitlesRow).toBe('4:5');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', xSplit: 2, ySplit: 5, topLeftCell: 'C6' });
    const empty = wb.getWorksheet('空表') as ExcelJS.Worksheet;
    expect(empty.getCell('A3').value).toBe('（无）');
    expect(empty.pageSetup.printArea).toBe('A1:A3');
  });
});

test('the product’s own reader takes it whole (directory, sizes, CRC)', async () => {
  const r = await readWorkbook(bytes);
  expect(r.issues).toEqual([]);
  const sheet = r.model?.sheets[0];
  expect(sheet?.rows.find((x) => x.row === 7)?.cells[2]?.v).toBe('=1+1');
});

(canPrint ? test : test.skip)(
  'LibreOffice prints it on A4, the header on every page, every page numbered',
  () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lean-'));
    try {
      const pdf = toPdf(dir, { lean: bytes }).lean as string;
      const pages = pdfPages(pdf);
      expect(pages.length).toBeGreaterThan(2);
      expect(pages.every((p) => p.paper === 'A4')).toBe(true);
      const texts = pages.map((_, i) => pageText(pdf, i + 1).replace(/\s+/g, ''));
      // The last page is 空表's; every page of 明细 repeats the header. Printed at once, each sheet
      // numbers its own pages from 1; LibreOffice's &N is the whole print's pages.
      texts.forEach((t, i) => expect(t).toContain(i < texts.length - 1 ? `${def.name}第${i + 1}页（本次打印共${pages.length}页）` : `空表第1页（本次打印共${pages.length}页）`));
      texts.slice(0, -1).forEach((t, i) => expect([i, t.includes('党组织名称'), t.includes('完成时限')]).toEqual([i, true, true]));
      expect(texts[0]).toContain('填报单位（盖章）：某县委组织部');
      texts.slice(0, -1).forEach((t, i) => expect([i, t.includes('制表人：')]).toEqual([i, true]));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
  240_000,
);
