// exceljs (4.4) reads a data validation's range (D5:D34) into one entry per cell, and on writing
// squeezes alike cells back into ranges in the order of their addresses as text: D10 sorts before
// D5, so each column's run came out twice, D10:D34 and D5:D34. Excel does not accept overlapping
// validations: it opens such a file with a repair ("部分内容有问题") and drops them. Every workbook
// loaded and saved again (a 回头看's template with its original rows, the demo's filled files) had
// them. Before writing, the per-cell entries are put back into ranges here: one range per column
// run of one validation, so no cell is in two. Ranges added as ranges (a new template) stay as they are.
import type { ExcelJS } from './excel';
import { cellAddress, colNumber } from '../workbook/a1';

type Model = Record<string, ExcelJS.DataValidation | undefined>;

const CELL = /^([A-Z]{1,3})(\d{1,7})$/;

export function exactValidationRanges(ws: ExcelJS.Worksheet): void {
  const holder = (ws as unknown as { dataValidations: { model: Model } }).dataValidations;
  const out: Model = {};
  // Alike validations by content (as exceljs compares them), then by column: their rows.
  const alike = new Map<string, { v: ExcelJS.DataValidation; cols: Map<number, number[]> }>();
  for (const [addr, v] of Object.entries(holder.model)) {
    if (!v) continue;
    const m = CELL.exec(addr);
    if (!m?.[1] || !m[2]) {
      out[addr] = v;
      continue;
    }
    const key = JSON.stringify(v);
    let g = alike.get(key);
    if (!g) alike.set(key, (g = { v, cols: new Map() }));
    const col = colNumber(m[1]);
    const rows = g.cols.get(col) ?? [];
    rows.push(Number(m[2]));
    g.cols.set(col, rows);
  }
  for (const { v, cols } of alike.values()) {
    for (const [col, rows] of cols) {
      rows.sort((a, b) => a - b);
      let start = rows[0] ?? 0;
      for (let i = 1; i <= rows.length; i++) {
        const prev = rows[i - 1] ?? 0;
        if (i < rows.length && rows[i] === prev + 1) continue;
        out[start === prev ? cellAddress(col, start) : `${cellAddress(col, start)}:${cellAddress(col, prev)}`] = v;
        start = rows[i] ?? 0;
      }
    }
  }
  holder.model = out;
}
