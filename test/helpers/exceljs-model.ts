// exceljs's in-memory workbook → the sheet model: the reader the product used before shared/xlsx,
// kept only as the reference the differential test compares the new reader against. Merged
// cells keep their value in the top-left cell only, as a spreadsheet shows them.
import ExcelJS from 'exceljs';
import { normalizeCell, type MergedRange, type SheetModel, type SheetRow, type SheetState, type WorkbookModel } from '../../shared';

// ExcelJS.ValueType numbers.
const MERGE = 1;
const FORMULA = 6;

/** exceljs's `cell.value` drops falsy formula results (a cached 0 looks uncalculated), but `cell.result` keeps them. */
function rawCellValue(cell: { type: unknown; value: unknown; formula?: unknown; result?: unknown }): unknown {
  if ((cell.type as number) === FORMULA) return { formula: cell.formula, result: cell.result };
  return cell.value;
}

function sheetModel(ws: ExcelJS.Worksheet): SheetModel {
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

export async function exceljsModel(bytes: Uint8Array): Promise<WorkbookModel> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return { sheets: wb.worksheets.map(sheetModel) };
}
