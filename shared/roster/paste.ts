// A 党组织名册 pasted from Excel or WPS: tab-separated lines, a cell with a line break or a tab
// quoted ("…""…"). The text becomes a sheet model and is read like an uploaded sheet, so a pasted
// roster gets the same cell-level messages (A1 addresses counted from the first pasted line).
import { makeIssue } from '../issues/catalogue';
import type { Issue } from '../issues/types';
import type { Scheme } from '../scheme/schema';
import { cellAddress } from '../workbook/a1';
import type { SheetModel, SheetRow } from '../workbook/model';
import { MAX_ROSTER_ENTRIES, readRosterSheet, type RosterOptions, type RosterRead } from './sheet';

export const PASTED_SHEET = '粘贴的名册';

/** Columns of one pasted line: a 名册 has six; a line of a million tabs is not a 名册. */
export const MAX_PASTE_COLUMNS = 50;

export interface PastedRows {
  /** The first rows (at most `maxRows`), each with at most MAX_PASTE_COLUMNS cells. */
  rows: string[][];
  /** Every row of the text, those not kept included. */
  count: number;
  /** The first row with more columns than that, and how many it has. */
  wide: { row: number; columns: number } | null;
}

/** The quoted cell that opens at `i` ("" is a quote): its text and closing quote, or null when none closes it. */
function quoted(s: string, i: number): { text: string; close: number } | null {
  let from = i + 1;
  for (;;) {
    const q = s.indexOf('"', from);
    if (q < 0) return null;
    if (s[q + 1] !== '"') return { text: s.slice(i + 1, q).replaceAll('""', '"'), close: q };
    from = q + 2;
  }
}

/**
 * Excel's clipboard text → rows of cells. Quotes only open a cell at its start, as Excel writes
 * them. Bounded whatever was pasted: cells are slices of the text (no string built a character at
 * a time: 15 MB in one cell held 600 MB on the server), only the first `maxRows` rows and the
 * first MAX_PASTE_COLUMNS cells of a row are kept, the rest only counted (15 MB of tabs were
 * 15 million cells, 1.2 GB).
 */
export function scanTsv(text: string, maxRows = Infinity): PastedRows {
  const s = text.replace(/\r\n?/g, '\n');
  const out: PastedRows = { rows: [], count: 0, wide: null };
  const n = s.length;
  if (n === 0) return out;
  let i = 0;
  let row: string[] = [];
  let columns = 0;
  for (;;) {
    let cell: string | null = null;
    if (s[i] === '"') {
      const q = quoted(s, i);
      const after = q ? s[q.close + 1] : undefined;
      // Not a well-formed quoted cell: the quote is kept as typed.
      if (q && (after === undefined || after === '\t' || after === '\n')) {
        cell = q.text;
        i = q.close + 1;
      }
    }
    if (cell === null) {
      let j = i;
      while (j < n && s.charCodeAt(j) !== 9 && s.charCodeAt(j) !== 10) j++;
      cell = s.slice(i, j);
      i = j;
    }
    if (++columns <= MAX_PASTE_COLUMNS && out.count < maxRows) row.push(cell);
    if (i < n && s.charCodeAt(i) === 9) {
      i++;
      continue;
    }
    out.count++;
    if (columns > MAX_PASTE_COLUMNS && !out.wide) out.wide = { row: out.count, columns };
    if (out.count <= maxRows) out.rows.push(row);
    row = [];
    columns = 0;
    if (i >= n || ++i >= n) break;
  }
  return out;
}

export function parseTsv(text: string): string[][] {
  return scanTsv(text).rows;
}

function pastedSheet(rows: readonly string[][]): SheetModel {
  return {
    name: PASTED_SHEET,
    state: 'visible',
    rows: rows.map((cells, i): SheetRow => ({ row: i + 1, cells: [undefined, ...cells.map((c) => (c.trim() ? { v: c } : undefined))] })),
  };
}

/** Pasted text, with or without its header line. Too many lines or columns are refused before a sheet is made of them. */
export function readRosterText(text: string, scheme: Scheme, opts: RosterOptions = {}): RosterRead {
  // One more row than the 名册's bound: the header, when there is one (readRosterSheet counts exactly).
  const t = scanTsv(text, MAX_ROSTER_ENTRIES + 1);
  const refused = (i: Issue): RosterRead => ({ entries: [], townships: [], issues: [i] });
  if (t.count > MAX_ROSTER_ENTRIES + 1) return refused(makeIssue('ROSTER_TOO_MANY', { count: t.count, limit: MAX_ROSTER_ENTRIES }, { sheet: PASTED_SHEET }));
  if (t.wide) return refused(makeIssue('ROSTER_PASTE_TOO_WIDE', { row: t.wide.row, columns: t.wide.columns, limit: MAX_PASTE_COLUMNS }, { sheet: PASTED_SHEET, cell: cellAddress(MAX_PASTE_COLUMNS + 1, t.wide.row) }));
  return readRosterSheet(pastedSheet(t.rows), scheme, { ...opts, headerOptional: true });
}
