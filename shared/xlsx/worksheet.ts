// One worksheet part → the sheet model, row by row as it inflates. Rows and cells are counted
// against their bounds as they arrive (a row costs the model an array as wide as its last cell),
// so a sheet too big to hold is refused before it is held. Absent rows stay absent; hidden rows
// are marked; merged ranges are listed and applied at the end. What each <c> becomes is cell.ts.
import { makeIssue } from '../issues/catalogue';
import { cellAddress } from '../workbook/a1';
import type { MergedRange, SheetCell, SheetModel, SheetRow } from '../workbook/model';
import type { Pacer } from '../zip/inflate';
import { refuse } from '../zip/refusal';
import { CellBuilder, type RawCell, type WorkbookContext } from './cell';
import { MAX_COL, parseRef, parseRowNumber } from './cell-value';
import { formatCount } from './limits';
import { applyMerges, parseRange } from './merges';
import type { SheetPart } from './package';
import { unreadable } from './unreadable';
import { parseXmlPart } from './xml';

export type { WorkbookContext } from './cell';

function emptyCell(): RawCell {
  return { row: 0, col: 0, style: -1, type: 'n', v: null, vRaw: 0, f: null, fRaw: 0, fType: '', fSi: '', fMaster: false, runs: null, tRaw: 0 };
}

/** One RawCell serves every <c> of a sheet (the model keeps what build() makes of it, never it). */
function resetCell(c: RawCell, row: number): void {
  c.row = row;
  c.col = 0;
  c.style = -1;
  c.type = 'n';
  c.v = null;
  c.vRaw = 0;
  c.f = null;
  c.fRaw = 0;
  c.fType = '';
  c.fSi = '';
  c.fMaster = false;
  c.runs = null;
  c.tRaw = 0;
}

/**
 * Elements a sheet may have besides what its cells, rows and merges account for: views, columns,
 * conditional formats, validations, their extLst copies. The most a real sheet holds is a few
 * thousand; the rest of the bound is margin.
 */
const SHEET_OVERHEAD = 200_000;
/** Elements per cell: `<c><v>`, a formula, an inline string of several formatted runs (~12 each). */
const PER_CELL = 32;

export async function readWorksheet(bytes: Uint8Array, part: SheetPart, ctx: WorkbookContext, pacer: Pacer): Promise<SheetModel> {
  const { L } = ctx;
  const sheet = part.name;
  const keepLimit = L.maxCellChars * 8;
  const builder = new CellBuilder(ctx, sheet);
  const rows: SheetRow[] = [];
  const merges: MergedRange[] = [];
  const tooManyCells = () => refuse(makeIssue('TOO_MANY_CELLS', { sheet, limit: formatCount(L.maxCellsPerSheet) }));
  let rowCount = 0;
  let cellCount = 0;
  // The sheet's elements against what its content accounts for, as they come: padding that
  // carries no cell (140 MB of <x/> in an extLst) is refused within its first few hundred
  // thousand elements rather than parsed to the workbook's bound (xml.ts).
  let elements = 0;
  let slots = 0;
  let inSheetData = false;
  let inMerges = false;
  // The current row: its cells, the last column seen and the width held so far.
  let inRow = false;
  let rowNum = 0;
  let hidden = false;
  // Cells of the current row wait here (with their columns) and are copied into an array of the
  // row's exact width when it closes: an array grown cell by cell keeps ~16 spare slots per row.
  const pending: SheetCell[] = [];
  const pendingCols: number[] = [];
  let lastCol = 0;
  let width = 0;
  // The current cell, and which of its texts is being collected.
  let inCell = false;
  const c = emptyCell();
  let t = '';
  let into: 'v' | 'f' | 't' | null = null;
  let inPhonetic = false;

  function finishCell(): void {
    const cell = builder.build(c);
    if (!cell) return;
    if (c.col > width) {
      slots += c.col - width;
      ctx.cells += c.col - width;
      width = c.col;
      if (slots > L.maxCellsPerSheet) tooManyCells();
      if (ctx.cells > L.maxCells) refuse(makeIssue('WORKBOOK_TOO_MANY_CELLS', { limit: formatCount(L.maxCells) }));
    }
    pending.push(cell);
    pendingCols.push(c.col);
  }

  function openInCell(name: string, a: Record<string, string>): void {
    if (name === 'v') {
      into = 'v';
      c.v = '';
      c.vRaw = 0;
    } else if (name === 'f') {
      into = 'f';
      c.f = '';
      c.fRaw = 0;
      c.fType = a.t ?? '';
      c.fSi = a.si ?? '';
      // A shared formula's group id keys a map: Excel writes small integers.
      if (c.fSi.length > 16) unreadable(`工作表“${sheet}”的共享公式编号无效`);
      c.fMaster = a.ref !== undefined;
    } else if (name === 'is') c.runs = [];
    else if (name === 'rPh') inPhonetic = true;
    else if (name === 't' && c.runs && !inPhonetic) {
      into = 't';
      t = '';
    }
  }

  function openCell(a: Record<string, string>): void {
    if (!inRow) unreadable(`工作表“${sheet}”有不在任何行中的单元格`);
    if (++cellCount > L.maxCellsPerSheet) tooManyCells();
    const ref = a.r;
    const p = ref === undefined ? null : parseRef(ref);
    resetCell(c, rowNum);
    c.col = p ? p.col : lastCol + 1;
    if (ref !== undefined && (!p || p.row !== rowNum)) refuse(makeIssue('WORKBOOK_UNREADABLE', { detail: `单元格地址“${ref}”无效` }, { sheet, cell: cellAddress(c.col, rowNum) }));
    if (c.col <= lastCol || c.col > MAX_COL) unreadable(`工作表“${sheet}”第 ${rowNum} 行的单元格顺序错乱`);
    lastCol = c.col;
    c.style = a.s === undefined ? -1 : Number(a.s);
    c.type = a.t ?? 'n';
    inCell = true;
  }

  function openRow(a: Record<string, string>): void {
    if (++rowCount > L.maxRowsPerSheet) refuse(makeIssue('TOO_MANY_ROWS', { sheet, limit: formatCount(L.maxRowsPerSheet) }));
    const r = a.r === undefined ? rowNum + 1 : parseRowNumber(a.r);
    if (r === null || r <= rowNum) unreadable(`工作表“${sheet}”的行号无效或顺序错乱`);
    inRow = true;
    rowNum = r;
    hidden = a.hidden === '1' || a.hidden === 'true';
    pending.length = 0;
    pendingCols.length = 0;
    lastCol = 0;
    width = 0;
  }

  function addMerge(ref: string): void {
    const m = parseRange(ref);
    if (m === 'invalid') unreadable(`工作表“${sheet}”的合并区域无效`);
    if (m === null) return;
    if (++ctx.merges > L.maxMerges) refuse(makeIssue('TOO_MANY_MERGES', { sheet, limit: formatCount(L.maxMerges) }));
    merges.push(m);
  }

  await parseXmlPart(
    bytes,
    part.entry,
    {
      open(name, a) {
        if (++elements > SHEET_OVERHEAD + PER_CELL * cellCount + 2 * (rowCount + merges.length)) {
          refuse(makeIssue('XML_TOO_MANY_ELEMENTS', { entry: part.entry.name, limit: formatCount(elements - 1) }));
        }
        if (inCell) openInCell(name, a);
        else if (name === 'c' && inSheetData) openCell(a);
        else if (name === 'row' && inSheetData) openRow(a);
        else if (name === 'sheetData') inSheetData = true;
        else if (name === 'mergeCells') inMerges = true;
        else if (name === 'mergeCell' && inMerges) addMerge(a.ref ?? '');
      },
      text(s) {
        // Past what even a fully escaped cell needs, text is counted (for the message) but not kept.
        if (into === 'v') {
          c.vRaw += s.length;
          if (c.vRaw <= keepLimit) c.v += s;
        } else if (into === 'f') {
          c.fRaw += s.length;
          if (c.fRaw <= keepLimit) c.f += s;
        } else if (into === 't') {
          c.tRaw += s.length;
          if (c.tRaw <= keepLimit) t += s;
        }
      },
      close(name) {
        if (inCell) {
          if (name === 'c') {
            inCell = false;
            finishCell();
          } else if (name === 'v' || name === 'f') into = null;
          else if (name === 't' && into === 't') {
            c.runs?.push(t);
            into = null;
          } else if (name === 'rPh') inPhonetic = false;
        } else if (name === 'row' && inRow) {
          if (pending.length > 0) {
            const cells = new Array<SheetCell | undefined>(width + 1);
            for (let k = 0; k < pending.length; k++) cells[pendingCols[k] as number] = pending[k];
            rows.push(hidden ? { row: rowNum, cells, hidden: true } : { row: rowNum, cells });
          }
          pending.length = 0;
          pendingCols.length = 0;
          inRow = false;
        } else if (name === 'sheetData') inSheetData = false;
        else if (name === 'mergeCells') inMerges = false;
      },
    },
    L,
    pacer,
  );
  const model: SheetModel = { name: sheet, state: part.state, rows: applyMerges(sheet, rows, merges, L) };
  if (merges.length > 0) model.merges = merges;
  return model;
}
