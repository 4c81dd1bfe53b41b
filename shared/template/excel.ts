// The one place exceljs's Node-flavoured types meet shared's Uint8Array world. The import is the
// package root, so a webpack alias to exceljs/dist/exceljs.min.js serves the browser.
import ExcelJS from 'exceljs';

export { ExcelJS };

type LoadInput = Parameters<ExcelJS.Xlsx['load']>[0];

export async function loadWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as LoadInput);
  return wb;
}

export async function workbookBytes(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  const out: unknown = await wb.xlsx.writeBuffer();
  if (out instanceof Uint8Array) return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
  return new Uint8Array(out as ArrayBuffer);
}
