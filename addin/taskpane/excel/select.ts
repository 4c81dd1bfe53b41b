// Takes the clerk to the cell an issue names.
import { isA1, type CellRef } from './address';
import { existingSheets } from './sheets';

export type SelectResult = 'selected' | 'sheetOnly' | 'noSheet';

export async function selectCell(ref: CellRef): Promise<SelectResult> {
  return Excel.run(async (context) => {
    if (!(await existingSheets(context, [ref.sheet])).has(ref.sheet)) return 'noSheet';
    const sheet = context.workbook.worksheets.getItem(ref.sheet);
    sheet.activate();
    if (!isA1(ref.cell)) {
      await context.sync();
      return 'sheetOnly';
    }
    sheet.getRange(ref.cell.trim()).select();
    await context.sync();
    return 'selected';
  });
}
