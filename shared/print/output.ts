// Where a printed sheet's cells go. PrintedSheet (writer.ts) lays a sheet out by the print standard
// and hands every cell, merge and row height to a SheetOutput. Two back ends take them: exceljs
// (excel.ts), for templates, whose data validation and later filling need exceljs's document model;
// and the lean .xlsx writer (lean/), for the county workbook, where exceljs's streaming writer was
// most of the time and memory of consolidation. Both see the same calls, so both print alike.
import type ExcelJS from 'exceljs';
import type { SheetPlan } from './layout';
import type { SheetDef } from './types';

/** A style object of styles.ts: exceljs's shape, which the lean writer reads too. */
export type CellStyle = Partial<ExcelJS.Style>;

/** A value as written, already made safe by `cellValue` (writer.ts), the one place that does it. */
export type OutValue = string | number | null | { formula: string; result?: string | number };

/**
 * One sheet being written. Rows only ever append: once `commit(r)` is called, rows up to r are
 * final (a streaming back end has written them out), which is the contract exceljs's streaming
 * writer already imposed.
 */
export interface SheetOutput {
  /** Sets a cell (1-based row and column); a later call for the same cell replaces it. */
  cell(row: number, col: number, value: OutValue, style: CellStyle): void;
  merge(top: number, left: number, bottom: number, right: number): void;
  /** A row's height in points (the row keeps it; LibreOffice does not re-measure imported rows). */
  height(row: number, points: number): void;
  commit(row: number): void;
  /** The sheet is done. `printArea`: rows 1…lastRow of every column; null: none is set. */
  end(printArea: { lastRow: number } | null): void;
}

/** A workbook of the lean writer (or any other back end) a printed sheet can be added to. */
export interface SheetBook {
  addSheet(def: SheetDef, plan: SheetPlan): SheetOutput;
}

export function isSheetBook(b: object): b is SheetBook {
  return typeof (b as Partial<SheetBook>).addSheet === 'function';
}
