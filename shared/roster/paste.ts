// A 党组织名册 pasted from Excel or WPS: tab-separated lines, a cell with a line break or a tab
// quoted ("…""…"). The text becomes a sheet model and is read like an uploaded sheet, so a pasted
// roster gets the same cell-level messages (A1 addresses counted from the first pasted line).
import type { Scheme } from '../scheme/schema';
import type { SheetModel, SheetRow } from '../workbook/model';
import { readRosterSheet, type RosterOptions, type RosterRead } from './sheet';

export const PASTED_SHEET = '粘贴的名册';

/** Excel's clipboard text → rows of cells. Quotes only open a cell at its start, as Excel writes them. */
export function parseTsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let i = 0;
  const s = text.replace(/\r\n?/g, '\n');
  while (i < s.length) {
    const ch = s[i] as string;
    if (ch === '"' && cell === '') {
      // A quoted cell: up to the closing quote, "" is a quote.
      let j = i + 1;
      let out = '';
      while (j < s.length) {
        if (s[j] === '"') {
          if (s[j + 1] === '"') {
            out += '"';
            j += 2;
            continue;
          }
          break;
        }
        out += s[j];
        j++;
      }
      if (j < s.length && (s[j + 1] === '\t' || s[j + 1] === '\n' || j + 1 >= s.length)) {
        cell = out;
        i = j + 1;
        continue;
      }
      // Not a well-formed quoted cell: keep the quote as typed.
    }
    if (ch === '\t') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else {
      cell += ch;
    }
    i++;
  }
  if (cell !== '' || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

export function pastedSheet(text: string): SheetModel {
  const rows: SheetRow[] = parseTsv(text).map((cells, i) => ({
    row: i + 1,
    cells: [undefined, ...cells.map((c) => (c.trim() ? { v: c } : undefined))],
  }));
  return { name: PASTED_SHEET, state: 'visible', rows };
}

/** Pasted text, with or without its header line. */
export function readRosterText(text: string, scheme: Scheme, opts: RosterOptions = {}): RosterRead {
  return readRosterSheet(pastedSheet(text), scheme, { ...opts, headerOptional: true });
}
