// The sheet model: rows of cells with normalized values and their 1-based positions, the same
// whether it came from the in-memory reader (browser, task pane) or the streaming one (Node).
import { isWhiteSpace } from '../text/normalize';

export type CellValue = string | number | boolean | Date | null;

export interface SheetCell {
  v: CellValue;
  /** Set for formula cells. */
  formula?: string;
  /** A formula that was never calculated (no cached <v>): `v` is null. */
  noResult?: boolean;
  /** An error value such as #DIV/0! or #REF!, as a formula result or typed. */
  error?: string;
}

export interface SheetRow {
  /** 1-based row number. */
  row: number;
  /** Index = 1-based column; holes are blank cells. */
  cells: Array<SheetCell | undefined>;
  hidden?: boolean;
}

export type SheetState = 'visible' | 'hidden' | 'veryHidden';

/** A merged range, 1-based and inclusive: the value sits in its top-left cell. */
export interface MergedRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface SheetModel {
  name: string;
  state: SheetState;
  rows: SheetRow[];
  /** Merged ranges as the file declares them (a 类别 merged down a group of rows, a title across). */
  merges?: MergedRange[];
}

export interface WorkbookModel {
  sheets: SheetModel[];
}

type Obj = Record<string, unknown>;

function isObj(x: unknown): x is Obj {
  return typeof x === 'object' && x !== null && !(x instanceof Date);
}

function richText(x: unknown): string | null {
  if (isObj(x) && Array.isArray(x.richText)) {
    return (x.richText as unknown[]).map((r) => (isObj(r) && typeof r.text === 'string' ? r.text : '')).join('');
  }
  return null;
}

function scalar(x: unknown): CellValue | undefined {
  if (x === null || x === undefined) return null;
  if (typeof x === 'string' || typeof x === 'number' || typeof x === 'boolean') return x;
  if (x instanceof Date) return Number.isNaN(x.getTime()) ? null : x;
  const rt = richText(x);
  if (rt !== null) return rt;
  return undefined;
}

/**
 * An exceljs cell value (plain, {richText}, {text, hyperlink}, {formula, result},
 * {sharedFormula, result}, {error}) → a SheetCell; undefined when the cell is blank.
 */
export function normalizeCell(value: unknown): SheetCell | undefined {
  const s = scalar(value);
  if (s !== undefined) return isBlank(s) ? undefined : { v: s };
  if (!isObj(value)) return { v: String(value) };
  if (typeof value.error === 'string') return { v: null, error: value.error };
  if ('hyperlink' in value || 'text' in value) {
    const t = scalar(value.text);
    return t === undefined || isBlank(t) ? undefined : { v: t };
  }
  const f = typeof value.formula === 'string' ? value.formula : typeof value.sharedFormula === 'string' ? value.sharedFormula : null;
  if (f !== null) {
    const r = value.result;
    if (r === undefined) return { v: null, formula: f, noResult: true };
    if (isObj(r) && typeof r.error === 'string') return { v: null, formula: f, error: r.error };
    // The streaming reader parses every non-string result as a float: an error or bool becomes NaN.
    if (typeof r === 'number' && !Number.isFinite(r)) return { v: null, formula: f, error: '#VALUE!' };
    const rs = scalar(r);
    return { v: rs === undefined || isBlank(rs) ? null : rs, formula: f };
  }
  return { v: null };
}

function isBlank(v: CellValue): boolean {
  return v === null || (typeof v === 'string' && v.trim() === '');
}

/** A cell that holds nothing a clerk typed or a formula produced. */
export function cellIsBlank(c: SheetCell | undefined): boolean {
  return !c || (c.v === null && !c.error && !c.noResult) || (typeof c.v === 'string' && c.v.trim() === '');
}

/** Text of a cell for labels and names ('' when blank); dates as yyyy-mm-dd. */
export function cellText(c: SheetCell | undefined): string {
  if (!c || c.v === null) return '';
  if (c.v instanceof Date) return isoDate(c.v);
  return String(c.v);
}

/** yyyy-mm-dd of the UTC date, as `toISOString` begins. */
export function isoDate(d: Date): string {
  const y = d.getUTCFullYear();
  // toISOString is several times slower; it is kept for what only it writes: years outside
  // 0–9999 (±yyyyyy), and the RangeError of an invalid date.
  if (!(y >= 0 && y <= 9999)) return d.toISOString().slice(0, 10);
  const m = d.getUTCMonth() + 1;
  const day = d.getUTCDate();
  return `${y < 1000 ? String(y).padStart(4, '0') : y}-${m < 10 ? '0' : ''}${m}-${day < 10 ? '0' : ''}${day}`;
}

/** Free text (explanations, measures): trimmed, inner whitespace folded, punctuation kept as typed. */
export function freeText(s: string): string {
  for (let i = 0; i < s.length; i++) if (isWhiteSpace(s.charCodeAt(i))) return s.replace(/\s+/g, ' ').trim();
  return s;
}
