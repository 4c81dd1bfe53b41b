// The logic behind =DJ.GRADE (quota-core.ts: =DJ.QUOTA_CHECK and =DJ.QUOTA_TABLE), free of the
// CustomFunctions global so Node tests and the bench call it directly. functions.ts only wraps it
// for Excel.
//
// Error policy: a problem with the arguments as a whole (wrong number of columns, unknown scheme,
// mismatched parallel ranges) throws FnInputError → the formula shows #VALUE! with the message.
// A problem in one row of a range comes back as { problem } in that row's place, so the spill
// shows #VALUE! (message on hover) in that cell only and every good row still grades.

// One engine module at a time (not shared/index) keeps exceljs out of functions.js.
import { parseFlag } from '../../shared/grade/flags';
import { checkTotal, gradeTotal, sumIndicators, type Problem } from '../../shared/grade/grade';
import { sumScores } from '../../shared/grade/score';
import { issueText } from '../../shared/issues/catalogue';
import { findIndicator, maxTotal } from '../../shared/scheme/lookup';
import type { Scheme } from '../../shared/scheme/schema';
import { headerLabel, isTotalHeader } from '../../shared/template/header-words';
import { cellAddress, parseOrigin, type Origin } from './address';
import { resolveScheme } from './scheme-arg';
import { FnInputError, asMatrix, cellValue, isBlankCell, isErrorCell, sizeText, width, type Matrix } from './values';

export interface RowProblem {
  problem: string;
}
export type GradeCell = string | RowProblem;

/** Parameter addresses as Excel reports them (invocation.parameterAddresses), in argument order. */
export type Addresses = readonly (string | null | undefined)[] | null | undefined;

export interface GradeArgs {
  scores: unknown;
  forcedBottom?: unknown;
  newlyEstablished?: unknown;
  scheme?: unknown;
  addresses?: Addresses;
}

/** One flag column (or one cell for all rows), parsed lazily per row. */
interface FlagColumn {
  label: string;
  cells: Matrix | null;
  broadcast: boolean | null;
  origin: Origin | null;
}

function flagColumn(arg: unknown, label: string, rows: number, address: string | null | undefined): FlagColumn {
  const m = asMatrix(arg);
  const col: FlagColumn = { label, cells: null, broadcast: null, origin: parseOrigin(address) };
  if (m === null || m.length === 0) return col;
  const w = width(m);
  if (m.length === 1 && w === 1) {
    const f = flagOf(m[0]?.[0]);
    if (!f.ok) throw new FnInputError(issueText('FN_FLAG_MALFORMED', { name: label, value: f.text }));
    col.broadcast = f.value;
    return col;
  }
  if (m.length !== rows || w !== 1) {
    throw new FnInputError(
      issueText('FN_PARALLEL_SIZE', { name: label, actual: sizeText(m.length, w), against: '分数区域', expected: sizeText(rows, 1) }),
    );
  }
  col.cells = m;
  return col;
}

type FlagAt = { ok: true; value: boolean } | { ok: false; text: string };

const NO: FlagAt = { ok: true, value: false };
const YES: FlagAt = { ok: true, value: true };

function flagAt(c: FlagColumn, i: number): FlagAt {
  if (c.cells === null) return c.broadcast ? YES : NO;
  const v = c.cells[i]?.[0];
  // Most rows carry no flag: skip the parser for empty cells.
  if (v === null || v === undefined || v === '') return NO;
  return flagOf(v);
}

/** A flag cell; an error cell (#N/A) is named by its code, never “[object Object]”. */
function flagOf(v: unknown): FlagAt {
  return parseFlag(typeof v === 'object' && v !== null ? cellValue(v) : v);
}

interface CellProblem {
  text: string;
  cell: string | null;
}

export function gradeCore(a: GradeArgs): GradeCell[][] {
  const s = resolveScheme(a.scheme);
  const m = asMatrix(a.scores) ?? [[null]];
  const rows = m.length;
  if (rows === 0) return [['']];
  const cols = width(m);
  const k = s.indicators.length;
  if (cols !== 1 && cols !== k) {
    throw new FnInputError(
      issueText('FN_RANGE_SHAPE', { actual: cols, expected: k, names: s.indicators.map((i) => i.name).join('、') }),
    );
  }
  const addr = a.addresses ?? [];
  const origin = parseOrigin(addr[0]);
  const forced = flagColumn(a.forcedBottom, s.overrides.forcedBottom.label, rows, addr[1]);
  const fresh = flagColumn(a.newlyEstablished, s.overrides.newlyEstablishedCap.label, rows, addr[2]);
  const multi = rows > 1;
  const maxima = s.indicators.map((ind) => ind.max);
  const limit = maxTotal(s);
  const scratch: number[] = new Array<number>(k);

  const out: GradeCell[][] = new Array(rows);
  for (let i = 0; i < rows; i++) {
    const row = m[i] ?? [];
    let total: number | null = null;
    let problems: CellProblem[] | null = null;

    if (cols === 1) {
      const v = row[0];
      // A number within the scale is what checkTotal would accept as is; text goes through it.
      if (typeof v === 'number' && v >= 0 && v <= limit) {
        total = v;
      } else if (isErrorCell(v)) {
        problems = [errorProblem(v, origin && cellAddress(origin, i, 0))];
      } else {
        const c = checkTotal(s, cellValue(v));
        if (c.ok) total = c.total;
        // The column's header, taken with the range (O4:O200, O:O), is no total: its row stays blank.
        else if (!(typeof v === 'string' && isTotalHeader(v))) problems = c.problems.map((p) => ({ text: problemText(p), cell: origin && cellAddress(origin, i, 0) }));
      }
    } else {
      // Every score a number in range is the common case: summed without the parser.
      total = plainSum(row, maxima, limit, scratch);
      if (total === null && !allBlank(row, k)) {
        const cells = Array.from({ length: k }, (_, j) => cellValue(row[j] ?? null));
        const errorAt = cellErrors(row, k);
        const r = sumIndicators(s, cells);
        if (!r.ok && isIndicatorHeaderRow(s, cells)) {
          // The header row taken with the range (H4:N200): blank, as for a total's header.
        } else if (!r.ok || errorAt.size) {
          // An error cell is reported as such, not again as a malformed score.
          const rest = r.ok ? [] : r.problems.filter((p) => p.index === undefined || !errorAt.has(p.index));
          problems = [...errorAt].map((j) => errorProblem(row[j], origin && cellAddress(origin, i, j)));
          for (const p of rest) problems.push({ text: problemText(p), cell: origin && p.index !== undefined ? cellAddress(origin, i, p.index) : null });
        } else total = r.total;
      }
    }
    if (total === null && problems === null) {
      out[i] = [''];
      continue;
    }

    const fb = flagAt(forced, i);
    const ne = flagAt(fresh, i);
    if (problems === null && total !== null && fb.ok && ne.ok) {
      out[i] = [gradeTotal(s, total, { forcedBottom: fb.value, newlyEstablished: ne.value }).grade.label];
      continue;
    }
    const all = problems ?? [];
    if (!fb.ok) all.push(flagProblem(forced, fb.text, i));
    if (!ne.ok) all.push(flagProblem(fresh, ne.text, i));
    out[i] = [{ problem: rowPrefix(multi, origin, i) + all.map((p) => (p.cell ? `${p.cell} 单元格` : '') + p.text).join('；') }];
  }
  return trimBlankTail(out);
}

/**
 * The spill ends at the last row with something in it: =DJ.GRADE(O:O) or O5:O2000 would otherwise
 * spill a blank for every empty row below the list (a million of them), and any cell there (a
 * signature line, a note) stops the whole spill with #SPILL!. Rows keep their places; one row stays.
 */
export function trimBlankTail(out: GradeCell[][]): GradeCell[][] {
  let n = out.length;
  while (n > 1 && out[n - 1]?.[0] === '') n--;
  if (n < out.length) out.length = n;
  return out;
}

function isIndicatorHeaderRow(s: Scheme, cells: readonly unknown[]): boolean {
  return cells.every((c) => typeof c === 'string' && findIndicator(s, headerLabel(c)) !== undefined);
}

function errorProblem(v: unknown, cell: string | null): CellProblem {
  return { text: issueText('FN_CELL_ERROR', { value: String(cellValue(v)) }), cell };
}

/** Indexes of the row's error cells, in column order. */
function cellErrors(row: readonly unknown[], k: number): Set<number> {
  const out = new Set<number>();
  for (let j = 0; j < k; j++) if (isErrorCell(row[j])) out.add(j);
  return out;
}

function flagProblem(col: FlagColumn, value: string, i: number): CellProblem {
  return { text: issueText('FN_FLAG_MALFORMED', { name: col.label, value }), cell: col.origin && cellAddress(col.origin, i, 0) };
}

/**
 * The sum when every cell is already a number within its maximum and the total within the
 * scale — exactly what sumIndicators would return for such a row — else null, and the row goes
 * through sumIndicators, which parses text and names every problem. Saves a parse result
 * object per cell on 100k-row ranges.
 */
export function plainSum(row: readonly unknown[], maxima: readonly number[], limit: number, scratch: number[]): number | null {
  if (row.length !== maxima.length) return null;
  for (let j = 0; j < maxima.length; j++) {
    const v = row[j];
    if (typeof v !== 'number' || !(v >= 0 && v <= (maxima[j] as number))) return null;
    scratch[j] = v;
  }
  const total = sumScores(scratch);
  return total <= limit ? total : null;
}

function allBlank(row: readonly unknown[], k: number): boolean {
  for (let j = 0; j < k; j++) if (!isBlankCell(row[j])) return false;
  return true;
}

function problemText(p: Problem): string {
  return issueText(p.code, p.params);
}

/** "第 9 行：" with the sheet row when Excel gave the address, else the row within the range. */
function rowPrefix(multi: boolean, origin: Origin | null, i: number): string {
  if (!multi) return '';
  return origin ? `第 ${origin.row + i} 行：` : `所选区域第 ${i + 1} 行：`;
}
