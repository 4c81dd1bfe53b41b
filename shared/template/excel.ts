// The one place exceljs's Node-flavoured types meet shared's Uint8Array world. The import is the
// package root, so a webpack alias to exceljs/dist/exceljs.min.js serves the browser.
//
// exceljs is loaded on first use (`await excel()`), never when this module is imported: shared/index
// re-exports the template code, and the server imports shared/index for its errors and contract, so
// a static import made every Functions host load exceljs (~160 modules, ~28 MB, ~170 ms) at start-up
// though only template, fill and county-sheet requests write workbooks. The type import vanishes
// when compiled; callers name exceljs's types through it (`import type { ExcelJS } from './excel'`).
import type ExcelJS from 'exceljs';
import { exactValidationRanges } from './validation-ranges';
import { xlsxWithDefaultFont } from '../print/default-font';

export type { ExcelJS };

type ExcelJSModule = typeof ExcelJS;
type LoadInput = Parameters<ExcelJS.Xlsx['load']>[0];

let loading: Promise<ExcelJSModule> | undefined;

/** exceljs, loaded once on the first call (Node: a require; webpack: its on-demand chunk). */
export function excel(): Promise<ExcelJSModule> {
  // exceljs is CommonJS: the module object is `default` under TypeScript's CommonJS interop and
  // under webpack's; the namespace itself is the fallback for a loader that hands it over as is.
  // A failed load (the pane's chunk over a dropped connection) is forgotten, so the next call retries.
  loading ??= import('exceljs').then(
    (m) => (m as { default?: ExcelJSModule }).default ?? m,
    (e: unknown) => {
      loading = undefined;
      throw e;
    },
  );
  return loading;
}

/** A new, empty workbook. */
export async function newWorkbook(): Promise<ExcelJS.Workbook> {
  const { Workbook } = await excel();
  return new Workbook();
}

export async function loadWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = await newWorkbook();
  await wb.xlsx.load(bytes as unknown as LoadInput);
  return wb;
}

export async function workbookBytes(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  // A loaded workbook's validations would otherwise be written overlapping (validation-ranges.ts).
  for (const ws of wb.worksheets) exactValidationRanges(ws);
  const out: unknown = await wb.xlsx.writeBuffer();
  const bytes = out instanceof Uint8Array ? new Uint8Array(out.buffer, out.byteOffset, out.byteLength) : new Uint8Array(out as ArrayBuffer);
  // Column widths print as in Excel also where Calibri is missing (print/default-font.ts).
  return xlsxWithDefaultFont(bytes);
}
