// Adds the county's blank template sheets to the open workbook (ExcelApi 1.13).
import { existingSheets } from './sheets';

export class SheetConflictError extends Error {
  constructor(readonly names: string[]) {
    super(`工作簿中已有同名工作表：${names.map((n) => `“${n}”`).join('、')}。请先重命名或删除这些工作表，再插入模板。`);
  }
}

/**
 * Inserts every sheet of the template at the end and shows the first. `expectedNames` (the
 * template's sheet names) are checked first: Excel would otherwise rename the copies
 * ("一览表 (2)") and the validator would not find them. Returns the inserted sheets' names.
 */
export async function insertTemplateSheets(base64: string, expectedNames: readonly string[] = []): Promise<string[]> {
  return Excel.run(async (context) => {
    const clash = [...(await existingSheets(context, expectedNames))];
    if (clash.length) throw new SheetConflictError(clash);
    const ids = context.workbook.insertWorksheetsFromBase64(base64, { positionType: 'End' });
    await context.sync();
    const sheets = ids.value.map((id) => {
      const sheet = context.workbook.worksheets.getItem(id);
      sheet.load('name, visibility');
      return sheet;
    });
    await context.sync();
    const first = sheets.find((s) => s.visibility === 'Visible');
    if (first) {
      first.activate();
      await context.sync();
    }
    return sheets.filter((s) => s.visibility === 'Visible').map((s) => s.name);
  });
}
