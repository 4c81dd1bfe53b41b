// Opens a downloaded workbook (the county's consolidated one) as a new Excel window
// (ExcelApi 1.8). The new workbook is unsaved: the clerk decides where to keep it.
export async function openWorkbook(base64: string): Promise<void> {
  await Excel.createWorkbook(base64);
}
