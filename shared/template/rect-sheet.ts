// The township's 整改台账 by the print standard: one line per rectification item. The deadline
// column shows a typed date as yyyy-mm-dd and keeps text such as 年底前 as written.
import type { ExcelJS } from './excel';
import { colLetter } from '../workbook/a1';
import { addPrintedSheet, bodyStyle, putCell, type PrintBook, type PrintColumn, type PrintKind, type SheetDef } from '../print';
import { RECT_COLUMNS, RECT_SHEET, rectTitle, type RectColumn } from './definition';
import { TEMPLATE_SIGNATURE, infoItems } from './detail-sheet';
import { dropdown, type Lists } from './checks';

function kindOf(c: RectColumn): PrintKind {
  if (c.key === 'deadline') return 'date';
  if (c.kind === 'seq') return 'seq';
  return c.key === 'grade' || c.key === 'owner' ? 'center' : 'text';
}

export const RECT_PRINT_COLUMNS: PrintColumn[] = RECT_COLUMNS.map((c) => ({ header: c.header, kind: kindOf(c), width: c.width }));

export function rectDef(township: string, year: number): SheetDef {
  return {
    name: RECT_SHEET,
    title: rectTitle(township, year),
    columns: RECT_PRINT_COLUMNS,
    info: [infoItems(township)[0] ?? { label: '填报单位（盖章）' }, { label: '填报日期', blank: 12, kind: 'date' }],
    infoInput: true,
    signature: TEMPLATE_SIGNATURE,
    signatureAt: 'footer',
    freezeColumns: 2,
    printArea: 'used',
  };
}

export function writeRectSheet(wb: PrintBook, township: string, year: number, rows: number, lists: Lists): ExcelJS.Worksheet {
  const sheet = addPrintedSheet(wb, rectDef(township, year));
  const ws = sheet.ws;
  const first = sheet.nextRow;
  const last = first + rows - 1;
  const styles = RECT_PRINT_COLUMNS.map((c) => bodyStyle(c.kind, 'body', false));
  for (let r = first; r <= last; r++) {
    styles.forEach((st, i) => putCell(ws.getCell(r, i + 1), null, () => st));
  }
  const gi = RECT_COLUMNS.findIndex((c) => c.key === 'grade') + 1;
  dropdown(ws, `${colLetter(gi)}${first}:${colLetter(gi)}${last}`, lists.grade, '等次');
  sheet.end();
  return ws;
}
