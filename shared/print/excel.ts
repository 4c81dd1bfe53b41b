// The exceljs back end of the print standard: a printed sheet written into an exceljs workbook,
// either the document model (templates: their data validation, and the filler that opens them
// again, need it) or the streaming WorkbookWriter. Both only ever see appended rows here.
import type ExcelJS from 'exceljs';
import { colLetter } from '../workbook/a1';
import { cellsHeight, sheetOptions, type SheetPlan } from './layout';
import type { CellStyle, OutValue, SheetOutput } from './output';
import type { PrintCell, SheetDef } from './types';
import { cellValue } from './value';

/** What both exceljs writers offer for adding a sheet. */
export interface PrintBook {
  addWorksheet(name: string, options?: Partial<ExcelJS.AddWorksheetOptions>): ExcelJS.Worksheet;
}

/** Writes a value through the sanitizer with the given style (the Text format for formula-like text). */
export function putCell(cell: ExcelJS.Cell, v: PrintCell | undefined, style: (asText: boolean) => CellStyle): void {
  const c = cellValue(v);
  cell.value = c.value as ExcelJS.CellValue;
  cell.style = style(c.asText);
}

/**
 * Gives a row written cell by cell (a template's pre-filled lines) the height of its wrapped text,
 * measured as PrintedSheet.row measures: LibreOffice does not re-measure the rows of an imported
 * sheet, so a row of one line's height prints a name of two lines over the next row.
 */
export function fitRowHeight(ws: ExcelJS.Worksheet, row: number, values: ArrayLike<unknown>, cols: readonly { width: number }[]): void {
  const h = cellsHeight(values, cols);
  if (h !== undefined) ws.getRow(row).height = h;
}

export class ExcelSheet implements SheetOutput {
  readonly ws: ExcelJS.Worksheet;

  constructor(
    wb: PrintBook,
    private readonly def: SheetDef,
    plan: SheetPlan,
  ) {
    this.ws = wb.addWorksheet(def.name, sheetOptions(def, plan));
    // The streaming writer writes <cols> with the first row, so widths come first.
    this.ws.columns = def.columns.map((c) => ({ width: c.width }));
  }

  cell(row: number, col: number, value: OutValue, style: CellStyle): void {
    const cell = this.ws.getCell(row, col);
    cell.value = value as ExcelJS.CellValue;
    cell.style = style;
  }

  merge(top: number, left: number, bottom: number, right: number): void {
    this.ws.mergeCells(top, left, bottom, right);
  }

  height(row: number, points: number): void {
    this.ws.getRow(row).height = points;
  }

  commit(row: number): void {
    this.ws.getRow(row).commit();
  }

  end(printArea: { lastRow: number } | null): void {
    // Absolute on both axes: LibreOffice ignores a print area written as $A1:$X9.
    if (printArea) this.ws.pageSetup.printArea = `A$1:${colLetter(this.def.columns.length)}$${printArea.lastRow}`;
    // The streaming writer's sheets need it; the document model has no such method.
    const commit = (this.ws as { commit?: () => void }).commit;
    if (typeof commit === 'function') commit.call(this.ws);
  }
}
