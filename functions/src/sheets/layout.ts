// A plain printable table for the county's own sheets (派发表, 名册模板): title, header row repeated
// on every page, A4, one page wide, page numbers, and the 填报单位/盖章 block under the table.
// Deliberately small: the print standard in shared/print/ replaces it when it lands.
import { rowHeight } from '../../../shared/print/layout';
import { wrappedLines } from '../../../shared/print/measure';
import type { ExcelJS } from '../../../shared/template/excel';

export interface TableSheet {
  name: string;
  title: string;
  /** One line under the title (who, when, what to do). */
  note?: string;
  columns: Array<{ header: string; width: number; wrap?: boolean }>;
  rows: Array<Array<string | number | null>>;
  landscape?: boolean;
  /** Lines under the table: 填报单位（盖章）, 日期… */
  stamp: string[];
}

const THIN: Partial<ExcelJS.Borders> = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } };
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };

export function addTableSheet(wb: ExcelJS.Workbook, t: TableSheet): ExcelJS.Worksheet {
  const headerRow = t.note ? 3 : 2;
  const ws = wb.addWorksheet(t.name, {
    views: [{ state: 'frozen', ySplit: headerRow }],
    pageSetup: {
      paperSize: 9,
      orientation: t.landscape ? 'landscape' : 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: `${headerRow}:${headerRow}`,
      horizontalCentered: true,
      margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: '第 &P 页，共 &N 页' },
  });
  const n = t.columns.length;
  ws.columns = t.columns.map((c) => ({ width: c.width }));
  ws.mergeCells(1, 1, 1, n);
  const title = ws.getCell(1, 1);
  title.value = t.title;
  title.font = { bold: true, size: 16 };
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getRow(1).height = 30;
  if (t.note) {
    ws.mergeCells(2, 1, 2, n);
    const note = ws.getCell(2, 1);
    note.value = t.note;
    note.alignment = { wrapText: true, vertical: 'middle' };
    ws.getRow(2).height = 32;
  }
  t.columns.forEach((c, i) => {
    const cell = ws.getCell(headerRow, i + 1);
    cell.value = c.header;
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.border = THIN;
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  });
  t.rows.forEach((r, k) => {
    const row = ws.getRow(headerRow + 1 + k);
    let lines = 1;
    r.forEach((v, i) => {
      const cell = row.getCell(i + 1);
      const col = t.columns[i];
      cell.value = v;
      cell.border = THIN;
      cell.alignment = { vertical: 'middle', wrapText: col?.wrap ?? false };
      // A wrapped cell's row is made as tall as its lines, measured as the print standard measures
      // them: a spreadsheet does not grow a row written by a program, so long links printed on top
      // of the next rows.
      if (col?.wrap && typeof v === 'string') lines = Math.max(lines, wrappedLines(v, col.width));
    });
    const height = rowHeight(lines);
    if (height !== undefined) row.height = height;
  });
  let at = headerRow + t.rows.length + 2;
  for (const line of t.stamp) {
    ws.mergeCells(at, 1, at, n);
    ws.getCell(at, 1).value = line;
    ws.getCell(at, 1).alignment = { horizontal: 'right' };
    at++;
  }
  return ws;
}
