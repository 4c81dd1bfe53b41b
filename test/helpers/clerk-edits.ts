// What a township clerk does to the county's template, written once as a list of edits, so the
// same case can be built by exceljs, by openpyxl and as a LibreOffice re-save (clerk-files.ts)
// and the reader's verdict compared across them.
import { DETAIL_LAYOUT, DETAIL_SHEET, INFO_FIELDS, RECT_COLUMNS, RECT_LAYOUT, RECT_SHEET, detailColumns, infoCells, type FillOrg, type FillRect, type Scheme } from '../../shared';
import { colLetter } from '../../shared/workbook/a1';

/** A value as written to a cell: text, a number, blank, a date, or a formula. */
export type CellInput = string | number | null | { date: string } | { formula: string };

export type Edit =
  | { op: 'set'; sheet: string; cell: string; value: CellInput }
  | { op: 'rename'; sheet: string; to: string }
  /** Excel's 移动或复制工作表 → 建立副本: the copy holds what the sheet holds now. */
  | { op: 'copy'; sheet: string; to: string }
  | { op: 'merge'; sheet: string; range: string }
  | { op: 'hideRow'; sheet: string; row: number }
  /** An autofilter over `range` (header row first); the rows it hides are hideRow edits, as a file stores them. */
  | { op: 'autoFilter'; sheet: string; range: string }
  | { op: 'deleteSheet'; sheet: string }
  /** A conditional format on `range` for values below `below`, showing them with its own number format. */
  | { op: 'highlight'; sheet: string; range: string; below: number; numFmt: string }
  /** A blank row inserted before `row`, the way the program does it (openpyxl leaves formulas as they were). */
  | { op: 'insertRow'; sheet: string; row: number };

function input(v: unknown): CellInput {
  if (v === undefined || v === null) return null;
  if (v instanceof Date) return { date: v.toISOString().slice(0, 10) };
  if (typeof v === 'string' || typeof v === 'number') return v;
  throw new Error(`unsupported cell value ${JSON.stringify(v)}`);
}

/** One row of values, left to right from column A. */
export function rowEdits(sheet: string, row: number, values: readonly unknown[]): Edit[] {
  return values.map((v, i) => ({ op: 'set', sheet, cell: `${colLetter(i + 1)}${row}`, value: input(v) }) as Edit).filter((e) => e.op !== 'set' || e.value !== null);
}

/**
 * An organization's row in the detail layout. 总分 and 等次 keep the template's formulas unless
 * the row gives them (a clerk overtyping the formula).
 */
export function orgEdits(s: Scheme, sheet: string, row: number, o: FillOrg): Edit[] {
  const out: Edit[] = [];
  detailColumns(s).forEach((c, i) => {
    let v: unknown;
    if (c.key === 'score') v = o.scores[c.indicator ?? 0];
    else if (c.key === 'total') v = o.total;
    else if (c.key === 'grade') v = o.grade;
    else v = o[c.key];
    if (v !== undefined && v !== null) out.push({ op: 'set', sheet, cell: `${colLetter(i + 1)}${row}`, value: input(v) });
  });
  return out;
}

export function orgsEdits(s: Scheme, orgs: readonly FillOrg[], sheet = DETAIL_SHEET, firstRow: number = DETAIL_LAYOUT.firstDataRow): Edit[] {
  return orgs.flatMap((o, i) => orgEdits(s, sheet, firstRow + i, o));
}

export function rectEdits(rows: readonly FillRect[], sheet = RECT_SHEET, firstRow: number = RECT_LAYOUT.firstDataRow): Edit[] {
  return rows.flatMap((r, i) => rowEdits(sheet, firstRow + i, RECT_COLUMNS.map((c) => (c.key === 'seq' ? (r.seq ?? i + 1) : r[c.key]))));
}

/** The 填报 block (填报单位 is pre-filled by the template; these overwrite it). */
export function infoEdits(s: Scheme, info: Partial<Record<(typeof INFO_FIELDS)[number]['key'], unknown>>, sheet = DETAIL_SHEET): Edit[] {
  const cells = infoCells(detailColumns(s));
  return INFO_FIELDS.flatMap((f, k) => {
    const c = cells[k];
    const v = info[f.key];
    return c && v !== undefined ? [{ op: 'set', sheet, cell: `${colLetter(c.value)}${DETAIL_LAYOUT.infoRow}`, value: input(v) } as Edit] : [];
  });
}
