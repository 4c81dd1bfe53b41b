// Reading workbooks in tests with exceljs (independent of the code under test).
import ExcelJS from 'exceljs';

export async function loadWorkbookBytes(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return wb;
}

/** Row values as a plain array, 1-based columns mapped to index 0. */
export function rowValues(ws: ExcelJS.Worksheet, r: number): unknown[] {
  const v = ws.getRow(r).values as unknown[];
  return Array.isArray(v) ? v.slice(1) : [];
}
