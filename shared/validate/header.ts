// Finding a form's columns by their header text, not their position: Traditional, full-width and
// "（15分）" variants match; one or two header rows (a group header above the indicators).
import { makeIssue } from '../issues/catalogue';
import type { Issue } from '../issues/types';
import { normalizeLabel } from '../text/normalize';
import { cellAddress } from '../workbook/a1';
import { splitHeader, splitLabel } from '../template/definition';
import { cellText, type SheetRow } from '../workbook/model';

export interface ColumnTarget<K extends string> {
  key: K;
  /** Which indicator, for score columns. */
  indicator?: number;
  /** Maximum the scheme gives, to compare with the "（15分）" in the header. */
  max?: number;
  label: string;
}

// K names the form's keys for readers; the map itself is keyed by targetId.
export interface HeaderMatch<_K extends string> {
  /** Rows taken by the header (1 or 2). */
  firstRow: number;
  lastRow: number;
  /** Column (1-based) per target id (key, or key#indicator). */
  columns: Map<string, number>;
  /** Columns with any heading text, known or not (text under them is not "outside the table"). */
  labelled: number[];
  issues: Issue[];
}

export function targetId(key: string, indicator?: number): string {
  return indicator === undefined ? key : `${key}#${indicator}`;
}

export class HeaderResolver<K extends string> {
  private readonly byLabel = new Map<string, ColumnTarget<K>>();
  private readonly groups: Set<string>;

  constructor(targets: Array<{ target: ColumnTarget<K>; names: readonly string[] }>, groups: readonly string[] = []) {
    for (const { target, names } of targets) {
      for (const n of names) {
        const k = splitHeader(n).label;
        if (!this.byLabel.has(k)) this.byLabel.set(k, target);
        const plain = normalizeLabel(n);
        if (!this.byLabel.has(plain)) this.byLabel.set(plain, target);
      }
    }
    this.groups = new Set(groups.map(normalizeLabel));
  }

  resolve(text: string): { target: ColumnTarget<K>; shownMax: number | null } | null {
    const plain = normalizeLabel(text);
    const direct = this.byLabel.get(plain);
    if (direct) return { target: direct, shownMax: splitLabel(plain).max };
    const { label, max } = splitLabel(plain);
    // Without a "(15分)" the label is the text itself, already looked up.
    if (label === plain) return null;
    const t = this.byLabel.get(label);
    return t ? { target: t, shownMax: max } : null;
  }

  isGroup(text: string): boolean {
    return this.groups.has(normalizeLabel(text));
  }

  /** How many cells of the row are known header texts. */
  score(row: SheetRow): number {
    let n = 0;
    row.cells.forEach((c) => {
      if (c && this.resolve(cellText(c))) n++;
    });
    return n;
  }

  /**
   * Maps columns given the header row and the row after it (the second header row when it holds
   * known labels). `next` is null when the sheet ends after the header.
   */
  match(sheet: string, head: SheetRow, next: SheetRow | null): HeaderMatch<K> {
    const issues: Issue[] = [];
    const useNext = next !== null && next.row === head.row + 1 && this.secondRowLike(head, next);
    const columns = new Map<string, number>();
    const labelled: number[] = [];
    const width = Math.max(head.cells.length, useNext && next ? next.cells.length : 0);
    for (let c = 1; c < width; c++) {
      const texts: Array<{ text: string; row: number }> = [];
      if (useNext && next) texts.push({ text: cellText(next.cells[c]).trim(), row: next.row });
      texts.push({ text: cellText(head.cells[c]).trim(), row: head.row });
      let found: { target: ColumnTarget<K>; shownMax: number | null; row: number; text: string } | null = null;
      let unknown: { text: string; row: number } | null = null;
      if (texts.some((t) => t.text)) labelled.push(c);
      for (const t of texts) {
        if (!t.text) continue;
        const r = this.resolve(t.text);
        if (r) {
          // Listed, not spread: V8 copies `{ ...r, row }` on a slow path, ~50× the cost of a literal.
          found = { target: r.target, shownMax: r.shownMax, row: t.row, text: t.text };
          break;
        }
        if (!this.isGroup(t.text) && !unknown) unknown = t;
      }
      if (!found) {
        // A group header alone over an unnamed column, or a stray note: only text that is not a
        // known group is worth a warning.
        if (unknown) issues.push(makeIssue('COLUMN_UNKNOWN', { column: unknown.text }, { sheet, cell: cellAddress(c, unknown.row) }));
        continue;
      }
      const id = targetId(found.target.key, found.target.indicator);
      const prev = columns.get(id);
      if (prev !== undefined) {
        issues.push(makeIssue('COLUMN_DUPLICATE', { column: found.target.label, other: cellAddress(prev, found.row) }, { sheet, cell: cellAddress(c, found.row) }));
        continue;
      }
      columns.set(id, c);
      if (found.shownMax !== null && found.target.max !== undefined && Math.abs(found.shownMax - found.target.max) > 1e-9) {
        issues.push(makeIssue('COLUMN_MAX_MISMATCH', { column: found.target.label, shown: found.shownMax, max: found.target.max }, { sheet, cell: cellAddress(c, found.row) }));
      }
    }
    return { firstRow: head.row, lastRow: useNext && next ? next.row : head.row, columns, labelled, issues };
  }

  /** The row under the header is a second header row when it has known labels and no data-like numbers. */
  private secondRowLike(head: SheetRow, next: SheetRow): boolean {
    let known = 0;
    let numbers = 0;
    next.cells.forEach((c, i) => {
      if (!c) return;
      if (typeof c.v === 'number' || c.formula) numbers++;
      const r = this.resolve(cellText(c));
      const h = this.resolve(cellText(head.cells[i]));
      if (r && !(h && h.target === r.target)) known++;
    });
    return known > 0 && numbers === 0;
  }
}
