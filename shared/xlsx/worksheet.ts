// One worksheet part → the sheet model, row by row as it inflates. Every cell kind Excel writes
// is read as the validator expects it (see workbook/model.ts): shared, inline and rich strings,
// numbers (dates by their number format), booleans, error values, formulas with or without a
// cached result, hidden rows, merged ranges. Rows and cells are counted against their bounds
// as they arrive, so a sheet too big to hold is refused before it is held.
import { makeIssue } from '../issues/catalogue';
import type { Issue } from '../issues/types';
import { cellAddress } from '../workbook/a1';
import type { MergedRange, SheetCell, SheetModel, SheetRow } from '../workbook/model';
import type { Pacer } from '../zip/inflate';
import { refuse } from '../zip/refusal';
import { MAX_COL, parseBool, parseIsoDate, parseNumber, parseRef, parseRowNumber, serialToDate } from './cell-value';
import { formatCount, type ReadLimits } from './limits';
import { applyMerges, parseRange } from './merges';
import type { SheetPart } from './package';
import type { SharedStrings } from './shared-strings';
import type { DateStyles } from './styles';
import { codePointName, decodeCellText, detach, type Dropped } from './text';
import { unreadable } from './unreadable';
import { parseXmlPart } from './xml';

/** What the sheets of one workbook share: the tables, and the budgets that span all sheets. */
export interface WorkbookContext {
  L: ReadLimits;
  sst: SharedStrings;
  dateStyles: DateStyles;
  date1904: boolean;
  /** Cells (row widths) and characters of text held so far, over every sheet. */
  cells: number;
  textChars: number;
  /** Cell-level refusals (too long, a character dropped); a few are enough to show. */
  issues: Issue[];
}

const MAX_CELL_ISSUES = 20;

export async function readWorksheet(bytes: Uint8Array, part: SheetPart, ctx: WorkbookContext, pacer: Pacer): Promise<SheetModel> {
  const { L, sst } = ctx;
  const sheet = part.name;
  const keepLimit = L.maxCellChars * 8;
  const rows: SheetRow[] = [];
  const merges: MergedRange[] = [];
  const masters = new Map<string, string>();
  const dropped: Dropped = { code: -1 };
  let rowCount = 0;
  let cellCount = 0;
  let slots = 0;
  let inSheetData = false;
  let inMerges = false;
  // The current row: its cells, the last column seen and the width held so far.
  let inRow = false;
  let rowNum = 0;
  let hidden = false;
  let cells: Array<SheetCell | undefined> | null = null;
  let lastCol = 0;
  let width = 0;
  // The current cell.
  let inCell = false;
  let col = 0;
  let style = -1;
  let type = '';
  let v: string | null = null;
  let f: string | null = null;
  let fType = '';
  let fSi = '';
  let fMaster = false;
  let runs: string[] | null = null;
  let t: string | null = null;
  let into: 'v' | 'f' | 't' | null = null;
  // Raw characters met in <v>, <f> and the inline string's <t>s (the kept text stops at keepLimit).
  let vRaw = 0;
  let fRaw = 0;
  let tRaw = 0;
  let inPhonetic = false;

  const at = () => ({ sheet, cell: cellAddress(col, rowNum) });
  const cellIssue = (issue: Issue) => {
    if (ctx.issues.length < MAX_CELL_ISSUES) ctx.issues.push(issue);
  };
  const bad = (detail: string): never => refuse(makeIssue('WORKBOOK_UNREADABLE', { detail }, at()));
  const countText = (n: number) => {
    ctx.textChars += n;
    if (ctx.textChars > L.maxTextChars) refuse(makeIssue('TEXT_TOO_MUCH', { limit: formatCount(L.maxTextChars) }));
  };
  /** Decoded, cleaned, bounded text of this cell; counted towards the workbook's text. */
  const cellText = (raw: string, rawChars: number): string => {
    let s = decodeCellText(raw, dropped);
    if (dropped.code >= 0) {
      cellIssue(makeIssue('CELL_INVALID_CHAR', { char: codePointName(dropped.code) }, at()));
      dropped.code = -1;
    }
    const length = rawChars > keepLimit ? rawChars : s.length;
    if (length > L.maxCellChars) {
      cellIssue(makeIssue('CELL_TOO_LONG', { length: formatCount(length), limit: formatCount(L.maxCellChars) }, at()));
      s = s.slice(0, L.maxCellChars);
    }
    countText(s.length);
    return detach(s);
  };
  const number = (s: string): number | Date => {
    const n = parseNumber(s);
    if (n === null) return bad(`数值“${s}”无效`);
    return style >= 0 && ctx.dateStyles[style] ? serialToDate(n, ctx.date1904) : n;
  };
  const text = (s: string): string | null => (s.trim() === '' ? null : s);

  function valueCell(): SheetCell | undefined {
    if (type === 'inlineStr') {
      const s = text(cellText(runs ? runs.join('') : '', tRaw));
      return s === null ? undefined : { v: s };
    }
    if (v === null || v === '') return undefined;
    switch (type) {
      case 's': {
        const i = parseNumber(v);
        const s = i === null || !Number.isInteger(i) ? undefined : sst.values[i];
        if (s === undefined) return bad(`共享文字编号“${v}”无效`);
        const flaw = sst.flaws.get(i as number);
        if (flaw?.dropped !== undefined) cellIssue(makeIssue('CELL_INVALID_CHAR', { char: codePointName(flaw.dropped) }, at()));
        if (flaw?.length !== undefined) cellIssue(makeIssue('CELL_TOO_LONG', { length: formatCount(flaw.length), limit: formatCount(L.maxCellChars) }, at()));
        const x = text(s);
        return x === null ? undefined : { v: x };
      }
      case 'str': {
        const x = text(cellText(v, vRaw));
        return x === null ? undefined : { v: x };
      }
      case 'b': {
        const b = parseBool(v);
        return b === null ? bad(`逻辑值“${v}”无效`) : { v: b };
      }
      case 'e':
        return { v: null, error: cellText(v, vRaw) };
      case 'd': {
        const d = parseIsoDate(v);
        return d ? { v: d } : bad(`日期“${v}”无效`);
      }
      default: {
        const n = number(v);
        return n instanceof Date && Number.isNaN(n.getTime()) ? undefined : { v: n };
      }
    }
  }

  function formulaCell(formula: string): SheetCell {
    // A formula saved without its result (written by a program that does not calculate).
    if (v === null || (v === '' && type !== 'str')) return { v: null, formula, noResult: true };
    switch (type) {
      case 'str':
        return { v: text(cellText(v, vRaw)), formula };
      case 'b': {
        const b = parseBool(v);
        return b === null ? bad(`逻辑值“${v}”无效`) : { v: b, formula };
      }
      case 'e':
        return { v: null, formula, error: cellText(v, vRaw) };
      default: {
        const n = number(v);
        return { v: n instanceof Date && Number.isNaN(n.getTime()) ? null : n, formula };
      }
    }
  }

  function finishCell(): void {
    let cell: SheetCell | undefined;
    if (f !== null && f !== '') {
      const formula = cellText(f, fRaw);
      if (fType === 'shared' && fMaster) masters.set(fSi, formula);
      cell = formulaCell(formula);
    } else if (fType === 'shared') {
      // A cell filled down from a shared formula: it carries the master's formula text (unshifted).
      cell = formulaCell(masters.get(fSi) ?? '=');
    } else cell = valueCell();
    if (!cell) return;
    // The model holds a row as an array as wide as its last cell: that width is what is counted.
    if (col > width) {
      slots += col - width;
      ctx.cells += col - width;
      width = col;
      if (slots > L.maxCellsPerSheet) refuse(makeIssue('TOO_MANY_CELLS', { sheet, limit: formatCount(L.maxCellsPerSheet) }));
      if (ctx.cells > L.maxCells) refuse(makeIssue('WORKBOOK_TOO_MANY_CELLS', { limit: formatCount(L.maxCells) }));
    }
    cells ??= [];
    cells[col] = cell;
  }

  await parseXmlPart(
    bytes,
    part.entry,
    {
      open(name, a) {
        if (inCell) {
          if (name === 'v') {
            into = 'v';
            v = '';
            vRaw = 0;
          } else if (name === 'f') {
            into = 'f';
            f = '';
            fRaw = 0;
            fType = a.t ?? '';
            fSi = a.si ?? '';
            fMaster = a.ref !== undefined;
          } else if (name === 'is') runs = [];
          else if (name === 'rPh') inPhonetic = true;
          else if (name === 't' && runs && !inPhonetic) {
            into = 't';
            t = '';
          }
          return;
        }
        if (name === 'c' && inSheetData) {
          if (!inRow) unreadable(`工作表“${sheet}”有不在任何行中的单元格`);
          if (++cellCount > L.maxCellsPerSheet) refuse(makeIssue('TOO_MANY_CELLS', { sheet, limit: formatCount(L.maxCellsPerSheet) }));
          const ref = a.r;
          const p = ref === undefined ? null : parseRef(ref);
          col = p ? p.col : lastCol + 1;
          if (ref !== undefined && (!p || p.row !== rowNum)) bad(`单元格地址“${ref}”无效`);
          if (col <= lastCol || col > MAX_COL) bad(`单元格顺序错乱`);
          lastCol = col;
          inCell = true;
          style = a.s === undefined ? -1 : Number(a.s);
          type = a.t ?? 'n';
          v = f = t = null;
          fType = fSi = '';
          runs = null;
          tRaw = 0;
        } else if (name === 'row' && inSheetData) {
          if (++rowCount > L.maxRowsPerSheet) refuse(makeIssue('TOO_MANY_ROWS', { sheet, limit: formatCount(L.maxRowsPerSheet) }));
          const r = a.r === undefined ? rowNum + 1 : parseRowNumber(a.r);
          if (r === null || r <= rowNum) unreadable(`工作表“${sheet}”的行号无效或顺序错乱`);
          inRow = true;
          rowNum = r;
          hidden = a.hidden === '1' || a.hidden === 'true';
          cells = null;
          lastCol = 0;
          width = 0;
        } else if (name === 'sheetData') inSheetData = true;
        else if (name === 'mergeCells') inMerges = true;
        else if (name === 'mergeCell' && inMerges) {
          const m = parseRange(a.ref ?? '');
          if (m === 'invalid') unreadable(`工作表“${sheet}”的合并区域无效`);
          if (m === null) return;
          if (merges.length >= L.maxMerges) refuse(makeIssue('TOO_MANY_MERGES', { sheet, limit: formatCount(L.maxMerges) }));
          merges.push(m);
        }
      },
      text(s) {
        // Past what even a fully escaped cell needs, text is counted (for the message) but not kept.
        if (into === 'v') {
          vRaw += s.length;
          if (vRaw <= keepLimit) v += s;
        } else if (into === 'f') {
          fRaw += s.length;
          if (fRaw <= keepLimit) f += s;
        } else if (into === 't') {
          tRaw += s.length;
          if (tRaw <= keepLimit) t += s;
        }
      },
      close(name) {
        if (inCell) {
          if (name === 'c') {
            inCell = false;
            finishCell();
          } else if (name === 'v' || name === 'f') into = null;
          else if (name === 't' && into === 't') {
            (runs as string[]).push(t as string);
            into = null;
          } else if (name === 'rPh') inPhonetic = false;
          return;
        }
        if (name === 'row' && inRow) {
          if (cells) rows.push(hidden ? { row: rowNum, cells, hidden: true } : { row: rowNum, cells });
          cells = null;
          inRow = false;
        } else if (name === 'sheetData') inSheetData = false;
        else if (name === 'mergeCells') inMerges = false;
      },
    },
    L,
    pacer,
  );
  return { name: sheet, state: part.state, rows: applyMerges(sheet, rows, merges, L), merges };
}
