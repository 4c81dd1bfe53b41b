// The Excel side of the page (Office.js), behind the ExcelPort interface the controllers use.
import { clearHighlights, highlightCells, type HighlightStore } from '../excel/highlight';
import { insertTemplateSheets } from '../excel/insert-sheets';
import { openWorkbook } from '../excel/open-workbook';
import { readOpenWorkbook } from '../excel/read-file';
import { selectCell } from '../excel/select';
import type { ExcelPort } from '../ports';
import { bytesToBase64 } from '../util/base64';

export function excelPort(highlights: HighlightStore): ExcelPort {
  return {
    readOpenWorkbook: () => readOpenWorkbook(),
    selectCell,
    highlightCells: (targets) => highlightCells(targets, highlights),
    clearHighlights: () => clearHighlights(highlights),
    insertTemplate: (bytes, names) => insertTemplateSheets(bytesToBase64(bytes), names),
    openWorkbook: (bytes) => openWorkbook(bytesToBase64(bytes)),
  };
}
