// Takes the clerk to the cell an issue names.
import { isA1, type CellRef } from './address';
import { existingSheets } from './sheets';

/**
 * 'hiddenSheet': the sheet is hidden (a hidden sheet's table is reported as skipped, and a clerk
 * may hide one after checking); Excel refuses to activate it, which read as 请重试 with an Office
 * error code although only unhiding helps. 'hiddenCell': selected, but in a hidden (or filtered) row
 * or column.
 */
export type SelectResult = 'selected' | 'sheetOnly' | 'noSheet' | 'hiddenSheet' | 'hiddenCell';

export async function selectCell(ref: CellRef): Promise<SelectResult> {
  return Excel.run(async (context) => {
    if (!(await existingSheets(context, [ref.sheet])).has(ref.sheet)) return 'noSheet';
    // Only a sheet known to exist is asked its visibility: a null object has none to load.
    const sheet = context.workbook.worksheets.getItem(ref.sheet);
    sheet.load('visibility');
    await context.sync();
    if (sheet.visibility !== 'Visible') return 'hiddenSheet';
    sheet.activate();
    if (!isA1(ref.cell)) {
      await context.sync();
      return 'sheetOnly';
    }
    const range = sheet.getRange(ref.cell.trim());
    range.select();
    // ExcelApi 1.2. A hidden or filtered-out row (ROWS_HIDDEN_SKIPPED names one) is selected but
    // not seen: the clerk would see nothing happen.
    range.load(['rowHidden', 'columnHidden']);
    await context.sync();
    return range.rowHidden === true || range.columnHidden === true ? 'hiddenCell' : 'selected';
  });
}
