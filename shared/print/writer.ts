// Writes a sheet by the print standard with either exceljs writer: the document model (templates)
// or the streaming WorkbookWriter (the county workbook). Both only ever append rows here, which is
// all the streaming writer allows. Every value written goes through `cellValue`, the one place
// text is made safe (shared/text/sanitize.ts).
import type ExcelJS from 'exceljs';
import { looksLikeFormula, safeText } from '../text/sanitize';
import { colLetter } from '../workbook/a1';
import { wrappedLines } from './measure';
import { joinedRows, labelText, type ItemSpan, type TextSpan } from './blocks';
import { INFO_PT, TITLE_PT, headerCells, rowHeight, headerHeights, noteHeight, planSheet, sheetOptions, type SheetPlan } from './layout';
import { HEADER_STYLE, LABEL_STYLE, NOTE_STYLE, SIGN_STYLE, TITLE_STYLE, VALUE_DATE_STYLE, VALUE_STYLE, bodyStyle, type RowVariant } from './styles';
import type { LabelledItem, PrintCell, PrintColumn, SheetDef } from './types';

/** What both exceljs writers offer for adding a sheet. */
export interface PrintBook {
  addWorksheet(name: string, options?: Partial<ExcelJS.AddWorksheetOptions>): ExcelJS.Worksheet;
}

/** A cell value as written: text made safe, non-finite numbers dropped; `asText` for "=…" and kin. */
export function cellValue(v: PrintCell | undefined): { value: ExcelJS.CellValue; asText: boolean } {
  if (v === null || v === undefined) return { value: null, asText: false };
  if (typeof v === 'number') return { value: Number.isFinite(v) ? v : null, asText: false };
  if (typeof v === 'string') {
    const s = safeText(v);
    return { value: s === '' ? null : s, asText: looksLikeFormula(s) };
  }
  const result = typeof v.result === 'string' ? safeText(v.result) : v.result;
  return { value: { formula: v.formula, ...(result !== undefined ? { result } : {}) } as ExcelJS.CellFormulaValue, asText: false };
}

/** Writes a value through the sanitizer with the given style (the Text format for formula-like text). */
export function putCell(cell: ExcelJS.Cell, v: PrintCell | undefined, style: (asText: boolean) => Partial<ExcelJS.Style>): void {
  const c = cellValue(v);
  cell.value = c.value;
  cell.style = style(c.asText);
}

function commitSheet(ws: ExcelJS.Worksheet): void {
  // The streaming writer's sheets need it; the document model has no such method.
  const commit = (ws as { commit?: () => void }).commit;
  if (typeof commit === 'function') commit.call(ws);
}

export class PrintedSheet {
  readonly ws: ExcelJS.Worksheet;
  readonly plan: SheetPlan;
  private next: number;
  private lastRow = 0;

  constructor(
    wb: PrintBook,
    readonly def: SheetDef,
  ) {
    this.plan = planSheet(def);
    this.ws = wb.addWorksheet(def.name, sheetOptions(def, this.plan));
    // The streaming writer writes <cols> with the first row, so widths come first.
    this.ws.columns = def.columns.map((c) => ({ width: c.width }));
    this.writeHead();
    this.next = this.plan.firstBodyRow;
  }

  get columns(): readonly PrintColumn[] {
    return this.def.columns;
  }

  /** The row the next `row()` call writes. */
  get nextRow(): number {
    return this.next;
  }

  /**
   * One table row; cells in column order. A row whose text wraps gets the height of its lines:
   * LibreOffice does not re-measure rows of an imported sheet, so a height left unset clips text.
   */
  row(cells: readonly PrintCell[], variant: RowVariant = 'body'): ExcelJS.Row {
    const row = this.ws.getRow(this.next++);
    const cols = this.def.columns;
    const styles = this.styles(variant);
    let lines = 1;
    for (let i = 0; i < cols.length; i++) {
      const col = cols[i] as PrintColumn;
      const v = cells[i];
      const c = cellValue(v);
      const cell = row.getCell(i + 1);
      cell.value = c.value;
      cell.style = (c.asText ? styles.text : styles.plain)[i] as Partial<ExcelJS.Style>;
      if (typeof v === 'string' && v.length * 2 > col.width - 0.5) lines = Math.max(lines, wrappedLines(v, col.width));
    }
    const h = rowHeight(lines);
    if (h !== undefined) row.height = h;
    this.lastRow = row.number;
    row.commit();
    return row;
  }

  private readonly styleCache = new Map<RowVariant, { plain: Array<Partial<ExcelJS.Style>>; text: Array<Partial<ExcelJS.Style>> }>();

  /** The body styles of each column for a row variant, looked up once per sheet, not per cell. */
  private styles(variant: RowVariant): { plain: Array<Partial<ExcelJS.Style>>; text: Array<Partial<ExcelJS.Style>> } {
    let s = this.styleCache.get(variant);
    if (!s) {
      s = { plain: this.def.columns.map((c) => bodyStyle(c.kind, variant, false)), text: this.def.columns.map((c) => bodyStyle(c.kind, variant, true)) };
      this.styleCache.set(variant, s);
    }
    return s;
  }

  /** A second header inside the sheet (e.g. 汇总表's by-category block); same widths, other texts. */
  heading(cols: readonly PrintColumn[]): void {
    this.writeHeader(cols, this.next);
    this.next += headerHeights(cols).length;
    this.ws.getRow(this.next - 1).commit();
  }

  /** An empty row between blocks. */
  gap(): void {
    this.next++;
  }

  /** A wrapped line of text across the table (a remark under it). */
  note(text: string): void {
    const r = this.next++;
    this.mergedText(r, text, NOTE_STYLE);
    this.ws.getRow(r).height = noteHeight(text, this.def.columns);
    this.lastRow = r;
    this.ws.getRow(r).commit();
  }

  /** The signature block (when it goes under the table), the print area, and the sheet's end. */
  end(): void {
    const d = this.def;
    if (d.signature?.length && d.signatureAt !== 'footer') {
      this.next++;
      for (const spans of joinedRows(d.signature, d.columns.map((c) => c.width))) this.texts(this.next++, spans);
      this.lastRow = this.next - 1;
      this.ws.getRow(this.lastRow).commit();
    }
    if (d.printArea !== 'used') {
      const last = Math.max(this.lastRow, this.plan.headerBottom);
      // Absolute on both axes: LibreOffice ignores a print area written as $A1:$X9.
      this.ws.pageSetup.printArea = `A$1:${colLetter(d.columns.length)}$${last}`;
    }
    commitSheet(this.ws);
  }

  private writeHead(): void {
    const { def, plan } = this;
    this.mergedText(plan.titleRow, def.title, TITLE_STYLE);
    this.ws.getRow(plan.titleRow).height = TITLE_PT;
    (def.notes ?? []).forEach((n, i) => {
      const r = plan.noteRows[i] as number;
      this.mergedText(r, n, NOTE_STYLE);
      this.ws.getRow(r).height = noteHeight(n, def.columns);
    });
    for (const { row, spans } of plan.infoRows) this.labelled(row, spans);
    for (const { row, spans } of plan.infoTexts) this.texts(row, spans);
    this.writeHeader(def.columns, plan.headerTop);
    this.lastRow = plan.headerBottom;
    this.ws.getRow(plan.headerBottom).commit();
  }

  private mergedText(r: number, text: string, style: Partial<ExcelJS.Style>): void {
    putCell(this.ws.getCell(r, 1), text, () => style);
    const n = this.def.columns.length;
    if (n > 1) this.ws.mergeCells(r, 1, r, n);
  }

  private labelled(r: number, spans: ItemSpan[]): void {
    for (const s of spans) {
      this.span(r, s.labelFrom, s.labelTo, labelText(s.item), LABEL_STYLE);
      this.span(r, s.valueFrom, s.valueTo, valueOf(s.item), s.item.kind === 'date' ? VALUE_DATE_STYLE : VALUE_STYLE);
    }
    this.ws.getRow(r).height = INFO_PT;
  }

  private texts(r: number, spans: readonly TextSpan[]): void {
    for (const s of spans) this.span(r, s.from, s.to, s.text, SIGN_STYLE);
    this.ws.getRow(r).height = INFO_PT;
  }

  /** A value over 0-based columns [from, to], styled on every cell so borders print whole. */
  private span(r: number, from: number, to: number, v: PrintCell, style: Partial<ExcelJS.Style>): void {
    for (let c = from; c <= to; c++) this.ws.getCell(r, c + 1).style = style;
    putCell(this.ws.getCell(r, from + 1), v, () => style);
    if (to > from) this.ws.mergeCells(r, from + 1, r, to + 1);
  }

  private writeHeader(cols: readonly PrintColumn[], top: number): void {
    const heights = headerHeights(cols);
    for (const h of headerCells(cols)) {
      const r = top + h.row;
      const bottom = h.tall ? top + 1 : r;
      for (let rr = r; rr <= bottom; rr++) for (let c = h.from; c <= h.to; c++) this.ws.getCell(rr, c + 1).style = HEADER_STYLE;
      putCell(this.ws.getCell(r, h.from + 1), h.text, () => HEADER_STYLE);
      if (bottom > r || h.to > h.from) this.ws.mergeCells(r, h.from + 1, bottom, h.to + 1);
    }
    heights.forEach((h, i) => (this.ws.getRow(top + i).height = h));
  }
}

function valueOf(item: LabelledItem): PrintCell {
  return item.value ?? null;
}

/** Adds a sheet by the print standard; write its rows with `row()` and close it with `end()`. */
export function addPrintedSheet(wb: PrintBook, def: SheetDef): PrintedSheet {
  return new PrintedSheet(wb, def);
}

/** A whole sheet from a definition and its rows (for sheets with nothing else in them). */
export function writePrintedSheet(wb: PrintBook, def: SheetDef, rows: Iterable<readonly PrintCell[]>, empty?: string): void {
  const s = addPrintedSheet(wb, def);
  let any = false;
  for (const r of rows) {
    s.row(r);
    any = true;
  }
  if (!any && empty) s.note(empty);
  s.end();
}
