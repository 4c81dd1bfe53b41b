// One table on one sheet, read row by row as a reviewer reads it: the 填报 block and title above,
// the header (one or two rows, found by its words), an optional 栏次 row, then the rows, of which
// only organizations reach the form's row parser. Hidden rows, subtotals, notes, signatures and
// text outside every column are told apart here, once, for the detail list and the ledger alike.
import type { Issue } from '../issues/types';
import { MergeCursor } from '../workbook/merge-cursor';
import { cellIsBlank, type MergedRange, type SheetCell, type SheetRow } from '../workbook/model';
import { HeaderResolver, type HeaderMatch } from './header';
import { InfoBlock } from './info';
import { isColumnNumberRow, isNoteRow, isSectionRow, isSubtotalRow } from './row-kinds';
import { cellText } from '../workbook/model';

/** What makes a header row this form's, and what the form needs to be read at all. */
export interface TableSpec<K extends string> {
  resolver: HeaderResolver<K>;
  /** The key a header row must have (党组织名称). */
  nameKey: K;
  /** After the header is matched: is this the form (scores for the detail list, measures for the ledger)? */
  accepts(columns: ReadonlyMap<string, number>): boolean;
  /** Target ids whose cells hold numbers in an organization's row (scores, total). */
  numberIds(columns: ReadonlyMap<string, number>): number[];
}

/** How many rows may come before the header (title, 填报 block, notes). */
const MAX_PREAMBLE = 30;
/** A 栏次 row sits right under the header. */
const COLUMN_NUMBER_ROWS = 2;

export class TableReader<K extends string> {
  header: HeaderMatch<K> | null = null;
  /** The header was found and is this form's. */
  accepted = false;
  readonly info = new InfoBlock((r, c) => this.mergeAt(r, c));
  /** Rows hidden in the file that held something: this year's visible data is the data. */
  readonly hiddenRows: number[] = [];
  /** The names in those rows, so a line elsewhere naming one is told its row is hidden, not unknown. */
  readonly hiddenNames: Array<{ row: number; name: string }> = [];
  /** Rows with text only where no column has a heading. */
  readonly strayRows: number[] = [];
  private pending: SheetRow | null = null;
  private preamble = 0;
  private done = false;
  /** After another form's header: the column to watch for this form's own header further down. */
  private watchCol = 0;
  private readonly merged: MergeCursor;
  /** Every merge by its top-left cell ("row:col"): with `infoMerges`, the merge over any cell. */
  private readonly mergeFrom = new Map<string, MergedRange>();
  /** The 填报 block's own cursor: its rows are asked for again when issues are placed, out of the body's order. */
  private readonly infoMerges: MergeCursor;
  /** Columns of the master cells of vertical merges, by row: most rows have none and cost nothing. */
  private readonly masterCols = new Map<number, number[]>();
  private readonly masters = new Map<string, SheetCell>();
  private headed = new Set<number>();
  private numberCols: number[] = [];
  /** Columns whose typed text makes a row part of the table (every column but 序号), worked out once per header. */
  private dataCols: number[] = [];

  constructor(
    readonly sheet: string,
    private readonly spec: TableSpec<K>,
    private readonly onRow: (row: SheetRow) => void,
    merges: readonly MergedRange[] = [],
  ) {
    // A value merged down over several rows (类别 for a group, an organization over its ledger
    // lines) belongs to every row of the merge, as a reviewer reads it: each row present under a
    // merge is met by the cursor, the rows a merge spans are never walked.
    for (const m of merges) {
      this.mergeFrom.set(`${m.top}:${m.left}`, m);
      if (m.bottom > m.top) {
        const cols = this.masterCols.get(m.top) ?? [];
        cols.push(m.left);
        this.masterCols.set(m.top, cols);
      }
    }
    this.merged = new MergeCursor(merges);
    this.infoMerges = new MergeCursor(merges);
  }

  push(row: SheetRow): void {
    if (this.done) return;
    this.remember(row);
    if (!this.header) {
      if (this.watchCol && !this.pending) {
        // Inside another form's table: only a row naming this form's columns starts ours.
        if (this.spec.resolver.resolve(cellText(row.cells[this.watchCol]))?.target.key === this.spec.nameKey && this.isHeaderRow(row)) this.pending = row;
        return;
      }
      if (this.pending) {
        // start() sets the header, which TypeScript cannot see through the call.
        const h = this.start(this.pending, row);
        this.pending = null;
        if (this.done || h.lastRow === row.row) return;
      } else {
        if (this.isHeaderRow(row)) this.pending = row;
        else {
          this.info.read(row);
          if (++this.preamble > MAX_PREAMBLE) this.done = true;
        }
        return;
      }
    }
    this.body(row);
  }

  /** Call after the last row (again is harmless). */
  finish(): void {
    if (this.pending) this.start(this.pending, null);
    this.pending = null;
  }

  get issues(): Issue[] {
    return this.header?.issues ?? [];
  }

  private isHeaderRow(row: SheetRow): boolean {
    const r = this.spec.resolver;
    return row.cells.some((c) => c && r.resolve(cellText(c))?.target.key === this.spec.nameKey) && r.score(row) >= 2;
  }

  private start(head: SheetRow, next: SheetRow | null): HeaderMatch<K> {
    const h = this.spec.resolver.match(this.sheet, head, next);
    if (!this.spec.accepts(h.columns)) {
      // Another form's header (the ledger's on the detail sheet): its table is the other reader's;
      // this one watches for its own header below it.
      this.watchCol = h.columns.get(this.spec.nameKey) ?? 0;
      if (!this.watchCol) this.done = true;
      return h;
    }
    this.header = h;
    this.accepted = true;
    this.headed = new Set([...h.columns.values(), ...h.labelled]);
    this.numberCols = this.spec.numberIds(h.columns);
    this.dataCols = [];
    for (const [id, c] of h.columns) if (id !== 'seq') this.dataCols.push(c);
    return h;
  }

  /** A row under the table naming the columns again: this form's header repeated, or another form's table. */
  private headerAgain(row: SheetRow, nameCol: number): 'repeat' | 'other' | null {
    if (this.spec.resolver.resolve(cellText(row.cells[nameCol]))?.target.key !== this.spec.nameKey || !this.isHeaderRow(row)) return null;
    return this.spec.accepts(this.spec.resolver.match(this.sheet, row, null).columns) ? 'repeat' : 'other';
  }

  private body(raw: SheetRow): void {
    const h = this.header;
    if (!h) return;
    if (raw.row <= h.lastRow + COLUMN_NUMBER_ROWS && isColumnNumberRow(raw)) return;
    const row = this.fillMerged(raw);
    const nameCol = h.columns.get(this.spec.nameKey) ?? 0;
    const again = this.headerAgain(row, nameCol);
    if (again === 'repeat') return;
    if (again === 'other') {
      this.done = true;
      return;
    }
    const typed = (c: number) => !cellIsBlank(row.cells[c]) && !row.cells[c]?.formula;
    const inColumns = this.dataCols.some(typed);
    if (row.hidden) {
      if (!inColumns) return;
      this.hiddenRows.push(row.row);
      const name = cellText(row.cells[nameCol]).trim();
      if (name) this.hiddenNames.push({ row: row.row, name });
      return;
    }
    if (isNoteRow(row, this.numberCols)) {
      this.info.read(row);
      return;
    }
    if (!inColumns) {
      if (row.cells.some((_, c) => typed(c) && !this.headed.has(c))) this.strayRows.push(row.row);
      return;
    }
    if (isSubtotalRow(row, nameCol) || isSectionRow(row, nameCol, this.dataCols)) return;
    this.onRow(row);
  }

  /**
   * The merge a cell lies in, for the 填报 block. Covered cells were cleared by the reader, so a
   * label or a value is a merge's top-left cell, or lies under the top row of a vertical merge.
   */
  private mergeAt(row: number, col: number): MergedRange | undefined {
    return this.mergeFrom.get(`${row}:${col}`) ?? this.infoMerges.under(row).find((m) => m.left <= col && col <= m.right);
  }

  /** Master cells of vertical merges, so the rows under them can borrow the value. */
  private remember(row: SheetRow): void {
    const cols = this.masterCols.get(row.row);
    if (!cols) return;
    for (const col of cols) {
      const c = row.cells[col];
      if (c) this.masters.set(`${row.row}:${col}`, c);
    }
  }

  private fillMerged(row: SheetRow): SheetRow {
    const ms = this.merged.under(row.row);
    if (ms.length === 0) return row;
    let cells: SheetRow['cells'] | null = null;
    for (const m of ms) {
      if (!cellIsBlank(row.cells[m.left])) continue;
      const master = this.masters.get(`${m.top}:${m.left}`);
      if (!master) continue;
      cells ??= [...row.cells];
      cells[m.left] = master;
    }
    return cells ? { ...row, cells } : row;
  }
}
