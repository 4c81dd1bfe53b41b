// Writes a sheet by the print standard: title, notes, the unit/date block, the header, rows, the
// print area (the signature lines go in the footer, layout.ts). Where the cells go is a SheetOutput
// (output.ts): exceljs for templates (excel.ts), the lean .xlsx writer for the county workbook (lean/). Rows only ever
// append, which is all a streaming writer allows. Every value written goes through `cellValue`
// (value.ts), the one place text is made safe (shared/text/sanitize.ts).
import { splitLines } from './measure';
import { labelText, type ItemSpan, type TextSpan } from './blocks';
import { ExcelSheet, type PrintBook } from './excel';
import { CONTINUED_LINES, INFO_PT, ROW_LINES, TITLE_PT, cellLines, headerCells, rowHeight, headerHeights, noteHeight, planSheet, type SheetPlan } from './layout';
import { isSheetBook, type CellStyle, type SheetBook, type SheetOutput } from './output';
import { HEADER_STYLE, LABEL_STYLE, NOTE_STYLE, SIGN_STYLE, TITLE_STYLE, VALUE_DATE_STYLE, VALUE_STYLE, bodyStyle, topAligned, type RowVariant } from './styles';
import type { LabelledItem, PrintCell, PrintColumn, SheetDef } from './types';
import { cellValue } from './value';

export { cellValue } from './value';
export { putCell, fitRowHeight, ExcelSheet, type PrintBook } from './excel';

/** A sheet's body styles by column: plain, Text-format ("=…" kept as typed), and both top-aligned. */
interface BodyStyles {
  plain: CellStyle[];
  text: CellStyle[];
  top: CellStyle[];
  topText: CellStyle[];
}

export class PrintedSheet<O extends SheetOutput = SheetOutput> {
  readonly plan: SheetPlan;
  readonly out: O;
  private next: number;
  private lastRow = 0;

  constructor(
    open: (plan: SheetPlan) => O,
    readonly def: SheetDef,
  ) {
    this.plan = planSheet(def);
    this.out = open(this.plan);
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
   * Text that wraps starts at the top of its cell. A text longer than a row can hold
   * (`ROW_LINES`) continues on the rows under it (`continueRow`).
   */
  row(cells: readonly PrintCell[], variant: RowVariant = 'body'): void {
    const r = this.next++;
    const cols = this.def.columns;
    const styles = this.styles(variant);
    let lines = 1;
    let long: number[] | undefined;
    for (let i = 0; i < cols.length; i++) {
      const col = cols[i] as PrintColumn;
      const c = cellValue(cells[i]);
      const v = c.value;
      const n = cellLines(v, col.width);
      if (n > ROW_LINES) {
        (long ??= []).push(i);
        continue;
      }
      if (n > lines) lines = n;
      this.out.cell(r, i + 1, v, (n > 1 ? (c.asText ? styles.topText : styles.top) : c.asText ? styles.text : styles.plain)[i] as CellStyle);
    }
    if (long) this.continueRow(r, cells, long, lines, styles);
    else {
      const h = rowHeight(lines);
      if (h !== undefined) this.out.height(r, h);
    }
    this.lastRow = this.next - 1;
    this.out.commit(this.lastRow);
  }

  /**
   * The long cells of row `r` (column indexes `long`), each cut at its wrapped lines into pieces of
   * `CONTINUED_LINES`: the first pieces go in row `r` beside the row's other cells (and fill the
   * `lines` those need, where that is more), the next ones in the rows under it, whose other cells
   * are left blank with their borders, so the entry reads on as one. Rows are not merged down: a
   * merged range is not split across pages, and taller than a page it is cut.
   */
  private continueRow(r: number, cells: readonly PrintCell[], long: readonly number[], lines: number, styles: BodyStyles): void {
    const cols = this.def.columns;
    const first = Math.max(lines, CONTINUED_LINES);
    const pieces = long.map((i) => splitLines(cellValue(cells[i]).value as string, (cols[i] as PrintColumn).width, CONTINUED_LINES, first));
    const rows = Math.max(...pieces.map((p) => p.length));
    for (let k = 0; k < rows; k++) {
      const rr = r + k;
      let n = k === 0 ? lines : 1;
      if (k > 0) for (let i = 0; i < cols.length; i++) this.out.cell(rr, i + 1, null, styles.plain[i] as CellStyle);
      long.forEach((i, j) => {
        const p = pieces[j]?.[k];
        if (!p) return;
        const c = cellValue(p.text);
        this.out.cell(rr, i + 1, c.value, (c.asText ? styles.topText : styles.top)[i] as CellStyle);
        if (p.lines > n) n = p.lines;
      });
      const h = rowHeight(n);
      if (h !== undefined) this.out.height(rr, h);
    }
    this.next = r + rows;
  }

  private readonly styleCache = new Map<RowVariant, BodyStyles>();

  /** The body styles of each column for a row variant, looked up once per sheet, not per cell. */
  private styles(variant: RowVariant): BodyStyles {
    let s = this.styleCache.get(variant);
    if (!s) {
      const plain = this.def.columns.map((c) => bodyStyle(c.kind, variant, false));
      const text = this.def.columns.map((c) => bodyStyle(c.kind, variant, true));
      s = { plain, text, top: plain.map(topAligned), topText: text.map(topAligned) };
      this.styleCache.set(variant, s);
    }
    return s;
  }

  /** A wrapped line of text across the table (a remark under it). */
  note(text: string): void {
    const r = this.next++;
    this.mergedText(r, text, NOTE_STYLE);
    this.out.height(r, noteHeight(text, this.def.columns));
    this.lastRow = r;
    this.out.commit(r);
  }

  /** The print area and the sheet's end (the signature lines are in the footer, layout.ts). */
  end(): void {
    const d = this.def;
    this.out.end(d.printArea === 'used' ? null : { lastRow: Math.max(this.lastRow, this.plan.headerBottom) });
  }

  private writeHead(): void {
    const { def, plan } = this;
    this.mergedText(plan.titleRow, def.title, TITLE_STYLE);
    this.out.height(plan.titleRow, TITLE_PT);
    (def.notes ?? []).forEach((n, i) => {
      const r = plan.noteRows[i] as number;
      this.mergedText(r, n, NOTE_STYLE);
      this.out.height(r, noteHeight(n, def.columns));
    });
    for (const { row, spans } of plan.infoRows) this.labelled(row, spans);
    for (const { row, spans } of plan.infoTexts) this.texts(row, spans);
    this.writeHeader(def.columns, plan.headerTop);
    this.lastRow = plan.headerBottom;
    this.out.commit(plan.headerBottom);
  }

  /** A value through the sanitizer; formula-like text keeps this style (it is never a body cell). */
  private put(r: number, c: number, v: PrintCell, style: CellStyle): void {
    this.out.cell(r, c, cellValue(v).value, style);
  }

  private mergedText(r: number, text: string, style: CellStyle): void {
    this.put(r, 1, text, style);
    const n = this.def.columns.length;
    if (n > 1) this.out.merge(r, 1, r, n);
  }

  private labelled(r: number, spans: ItemSpan[]): void {
    for (const s of spans) {
      this.span(r, s.labelFrom, s.labelTo, labelText(s.item), LABEL_STYLE);
      this.span(r, s.valueFrom, s.valueTo, valueOf(s.item), s.item.kind === 'date' ? VALUE_DATE_STYLE : VALUE_STYLE);
    }
    this.out.height(r, INFO_PT);
  }

  private texts(r: number, spans: readonly TextSpan[]): void {
    for (const s of spans) this.span(r, s.from, s.to, s.text, SIGN_STYLE);
    this.out.height(r, INFO_PT);
  }

  /** A value over 0-based columns [from, to], styled on every cell so borders print whole. */
  private span(r: number, from: number, to: number, v: PrintCell, style: CellStyle): void {
    for (let c = from + 1; c <= to; c++) this.out.cell(r, c + 1, null, style);
    this.put(r, from + 1, v, style);
    if (to > from) this.out.merge(r, from + 1, r, to + 1);
  }

  private writeHeader(cols: readonly PrintColumn[], top: number): void {
    const heights = headerHeights(cols);
    for (const h of headerCells(cols)) {
      const r = top + h.row;
      const bottom = h.tall ? top + 1 : r;
      for (let rr = r; rr <= bottom; rr++) for (let c = h.from; c <= h.to; c++) if (rr > r || c > h.from) this.out.cell(rr, c + 1, null, HEADER_STYLE);
      this.put(r, h.from + 1, h.text, HEADER_STYLE);
      if (bottom > r || h.to > h.from) this.out.merge(r, h.from + 1, bottom, h.to + 1);
    }
    heights.forEach((h, i) => this.out.height(top + i, h));
  }
}

function valueOf(item: LabelledItem): PrintCell {
  return item.value ?? null;
}

/**
 * Adds a sheet by the print standard to an exceljs workbook (its worksheet is `out.ws`) or to a
 * SheetBook such as the lean writer's; write its rows with `row()` and close it with `end()`.
 */
export function addPrintedSheet(wb: PrintBook, def: SheetDef): PrintedSheet<ExcelSheet>;
export function addPrintedSheet(wb: SheetBook | PrintBook, def: SheetDef): PrintedSheet;
export function addPrintedSheet(wb: SheetBook | PrintBook, def: SheetDef): PrintedSheet {
  if (isSheetBook(wb)) return new PrintedSheet((plan) => wb.addSheet(def, plan), def);
  return new PrintedSheet((plan) => new ExcelSheet(wb, def, plan), def);
}

/** A whole sheet from a definition and its rows (for sheets with nothing else in them). */
export function writePrintedSheet(wb: SheetBook | PrintBook, def: SheetDef, rows: Iterable<readonly PrintCell[]>, empty?: string): void {
  const s = addPrintedSheet(wb, def);
  let any = false;
  for (const r of rows) {
    s.row(r);
    any = true;
  }
  if (!any && empty) s.note(empty);
  s.end();
}
