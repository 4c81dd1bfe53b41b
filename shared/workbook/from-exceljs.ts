// exceljs's in-memory workbook → the sheet model. Merged cells keep their value in the top-left
// cell only, as the streaming reader sees them, so both readers give the same model.
import type { ExcelJS } from '../template/excel';
import { normalizeCell, type MergedRange, type SheetModel, type SheetRow, type SheetState, type WorkbookModel } from './model';

// ExcelJS.ValueType numbers; a type-only import keeps this file free of the runtime.
const MERGE = 1;
const FORMULA = 6;

/**
 * exceljs's `cell.value` drops falsy formula results (a cached 0 looks uncalculated), but
 * `cell.result` keeps them; the streaming reader goes through here too.
 */
export function rawCellValue(cell: { type: unknown; value: unknown; formula?: unknown; result?: unknown }): unknown {
  if ((cell.type as number) === FORMULA) return { formula: cell.formula, result: cell.result };
  return cell.value;
}

export function sheetModel(ws: ExcelJS.Worksheet): SheetModel {
  const rows: SheetRow[] = [];
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    const cells: SheetRow['cells'] = [];
    let any = false;
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      if ((cell.type as number) === MERGE) return;
      const n = normalizeCell(rawCellValue(cell));
      if (n) {
        cells[c] = n;
        any = true;
      }
    });
    if (any) rows.push(row.hidden ? { row: r, cells, hidden: true } : { row: r, cells });
  });
  const merges = mergedRanges(ws);
  return { name: ws.name, state: (ws.state ?? 'visible') as SheetState, rows, ...(merges.length ? { merges } : {}) };
}

type Ranges = Record<string, { top: number; left: number; bottom: number; right: number } | undefined>;

/** exceljs keeps merges by master address; its public `model` would serialize the whole sheet. */
function mergedRanges(ws: ExcelJS.Worksheet): MergedRange[] {
  const m = (ws as unknown as { _merges?: Ranges })._merges ?? {};
  return Object.values(m)
    .filter((r): r is NonNullable<typeof r> => !!r)
    .map((r) => ({ top: r.top, left: r.left, bottom: r.bottom, right: r.right }));
}

export function workbookModel(wb: ExcelJS.Workbook): WorkbookModel {
  return { sheets: wb.worksheets.map(sheetModel) };
}
