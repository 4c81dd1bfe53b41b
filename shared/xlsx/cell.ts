// One <c> element, as the worksheet parser collected it, → the sheet model's cell, with the
// semantics the validator relies on (workbook/model.ts): blank text is no cell, a number with a
// date format is a Date, a formula without a cached result is `noResult`, an error value is kept
// as `error`. Text is decoded (`_xHHHH_`), cleaned, bounded and counted here, once.
import { makeIssue } from '../issues/catalogue';
import type { Issue } from '../issues/types';
import { cellAddress } from '../workbook/a1';
import type { SheetCell } from '../workbook/model';
import { refuse } from '../zip/refusal';
import { parseBool, parseIsoDate, parseNumber, serialToDate, trimXmlSpace } from './cell-value';
import { formatCount, type ReadLimits } from './limits';
import { shiftFormula } from './formula-shift';
import type { SharedStrings } from './shared-strings';
import type { DateStyles } from './styles';
import { codePointName, decodeCellText, detach, type Dropped } from './text';

/** What the sheets of one workbook share: the tables, and the budgets that span all sheets. */
export interface WorkbookContext {
  L: ReadLimits;
  sst: SharedStrings;
  dateStyles: DateStyles;
  date1904: boolean;
  /** The workbook asks to be recalculated when opened (package.ts): a numeric 0 result is then a placeholder. */
  recalcOnLoad: boolean;
  /** Cells (row widths), characters of text and merged ranges held so far, over every sheet. */
  cells: number;
  textChars: number;
  merges: number;
  /** Cell-level refusals (too long, a character dropped); a few are enough to show. */
  issues: Issue[];
}

/** A <c> as read: attributes, and the raw text of <v>, <f> and an inline string's runs with their full lengths. */
export interface RawCell {
  row: number;
  col: number;
  style: number;
  type: string;
  v: string | null;
  vRaw: number;
  f: string | null;
  fRaw: number;
  fType: string;
  fSi: string;
  fMaster: boolean;
  runs: string[] | null;
  tRaw: number;
}

const MAX_CELL_ISSUES = 20;

const blankToNull = (s: string): string | null => (s.trim() === '' ? null : s);

/** A raw value quoted in a refusal: on one line, whatever line breaks the file put in it. */
const oneLine = (s: string): string => s.replace(/[\t\r\n]+/g, ' ');

export class CellBuilder {
  /** Shared formulas: group id → the master cell's formula text and place. */
  private readonly masters = new Map<string, { formula: string; row: number; col: number }>();
  private readonly dropped: Dropped = { code: -1 };
  private c!: RawCell;

  constructor(
    private readonly ctx: WorkbookContext,
    private readonly sheet: string,
  ) {}

  build(c: RawCell): SheetCell | undefined {
    this.c = c;
    if (c.f !== null && c.f !== '') {
      const formula = this.text(c.f, c.fRaw);
      if (c.fType === 'shared' && c.fMaster) this.masters.set(c.fSi, { formula, row: c.row, col: c.col });
      return this.formulaCell(formula);
    }
    // A cell filled from a shared formula: the master's text, its references moved here (a
    // formula without a result is checked against its row: validate/fields/formula.ts).
    if (c.fType === 'shared') {
      const m = this.masters.get(c.fSi);
      return this.formulaCell(m ? shiftFormula(m.formula, c.row - m.row, c.col - m.col) : '=');
    }
    return this.valueCell();
  }

  private at() {
    return { sheet: this.sheet, cell: cellAddress(this.c.col, this.c.row) };
  }

  private issue(issue: Issue): void {
    if (this.ctx.issues.length < MAX_CELL_ISSUES) this.ctx.issues.push(issue);
  }

  private bad(detail: string): never {
    refuse(makeIssue('WORKBOOK_UNREADABLE', { detail }, this.at()));
  }

  /** Decoded, cleaned, bounded text of this cell, counted towards the workbook's text. */
  private text(raw: string, rawChars: number): string {
    const { L } = this.ctx;
    let s = decodeCellText(raw, this.dropped);
    if (this.dropped.code >= 0) {
      this.issue(makeIssue('CELL_INVALID_CHAR', { char: codePointName(this.dropped.code) }, this.at()));
      this.dropped.code = -1;
    }
    const length = rawChars > L.maxCellChars * 8 ? rawChars : s.length;
    if (length > L.maxCellChars) {
      this.issue(makeIssue('CELL_TOO_LONG', { length: formatCount(length), limit: formatCount(L.maxCellChars) }, this.at()));
      s = s.slice(0, L.maxCellChars);
    }
    this.ctx.textChars += s.length;
    if (this.ctx.textChars > L.maxTextChars) refuse(makeIssue('TEXT_TOO_MUCH', { limit: formatCount(L.maxTextChars) }));
    return detach(s);
  }

  private number(s: string): number | Date {
    const n = parseNumber(s);
    if (n === null) this.bad(`数值“${oneLine(s)}”无效`);
    const { style } = this.c;
    return style >= 0 && this.ctx.dateStyles[style] ? serialToDate(n, this.ctx.date1904) : n;
  }

  private shared(v: string): string {
    const { sst, L } = this.ctx;
    const i = parseNumber(v);
    const s = i === null || !Number.isInteger(i) ? undefined : sst.values[i];
    if (s === undefined) this.bad(`共享文字编号“${oneLine(v)}”无效`);
    const flaw = sst.flaws.get(i as number);
    if (flaw?.dropped !== undefined) this.issue(makeIssue('CELL_INVALID_CHAR', { char: codePointName(flaw.dropped) }, this.at()));
    if (flaw?.length !== undefined) this.issue(makeIssue('CELL_TOO_LONG', { length: formatCount(flaw.length), limit: formatCount(L.maxCellChars) }, this.at()));
    return s;
  }

  private valueCell(): SheetCell | undefined {
    const { type, v, vRaw, runs, tRaw } = this.c;
    if (type === 'inlineStr') {
      const s = blankToNull(this.text(runs ? runs.join('') : '', tRaw));
      return s === null ? undefined : { v: s };
    }
    if (v === null || v === '') return undefined;
    switch (type) {
      case 's':
      case 'str': {
        const s = blankToNull(type === 's' ? this.shared(v) : this.text(v, vRaw));
        return s === null ? undefined : { v: s };
      }
      case 'b': {
        const b = parseBool(v);
        return b === null ? this.bad(`逻辑值“${oneLine(v)}”无效`) : { v: b };
      }
      case 'e':
        return { v: null, error: this.text(v, vRaw) };
      case 'd': {
        const d = parseIsoDate(v);
        return d ? { v: d } : this.bad(`日期“${oneLine(v)}”无效`);
      }
      default: {
        if (trimXmlSpace(v) === '') return undefined;
        const n = this.number(v);
        return n instanceof Date && Number.isNaN(n.getTime()) ? undefined : { v: n };
      }
    }
  }

  private formulaCell(formula: string): SheetCell {
    const { type, v, vRaw } = this.c;
    // A formula saved without its result (written by a program that does not calculate); a text
    // formula that gave "" does have a result. xlsxwriter saves 0 for every formula, text ones
    // too, and asks to be recalculated on opening: there a 0 is a placeholder, not what Excel and
    // WPS show. Other results in such a workbook were calculated by whoever wrote them and are kept.
    if (v === null || (type !== 'str' && trimXmlSpace(v) === '')) return { v: null, formula, noResult: true };
    if (this.ctx.recalcOnLoad && (type === 'n' || type === '') && parseNumber(v) === 0) return { v: null, formula, noResult: true };
    switch (type) {
      case 'str':
        return { v: blankToNull(this.text(v, vRaw)), formula };
      // Gnumeric (ssconvert) saves a text result in the shared strings, as Excel and LibreOffice
      // show it: 等次 "较好" as <c t="s"><f>IF(…)</f><v>13</v></c>, not the number 13.
      case 's':
        return { v: blankToNull(this.shared(v)), formula };
      case 'b': {
        const b = parseBool(v);
        return b === null ? this.bad(`逻辑值“${oneLine(v)}”无效`) : { v: b, formula };
      }
      case 'e':
        return { v: null, formula, error: this.text(v, vRaw) };
      // Excel's Strict Open XML saves every date as ISO 8601 text, a formula's result too (=TODAY()).
      case 'd': {
        const d = parseIsoDate(v);
        return d ? { v: d, formula } : this.bad(`日期“${oneLine(v)}”无效`);
      }
      default: {
        const n = this.number(v);
        return { v: n instanceof Date && Number.isNaN(n.getTime()) ? null : n, formula };
      }
    }
  }
}
