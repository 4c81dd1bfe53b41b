// Vertical merges met row by row, in the order the rows come. A merge's value matters only for the
// rows of the sheet under its top cell, so the work is what those rows are: a merge is taken into
// view when the rows pass its top and dropped when they pass its bottom, never walked from top to
// bottom. (`U40:U1048576` is one merge over a million rows that no file has: walking them froze
// the host for seconds per merge.)
import type { MergedRange } from './model';

interface Held {
  m: MergedRange;
  /** Its place in the file's list: merges over one cell are applied in that order. */
  n: number;
  top: number;
  bottom: number;
}

const NONE: readonly MergedRange[] = Object.freeze([]);

export class MergeCursor {
  /** Merges of more than one row, by top row. */
  private readonly byTop: Held[];
  private next = 0;
  private active: Held[] = [];
  private last = 0;

  constructor(merges: readonly MergedRange[]) {
    const tall: Held[] = [];
    merges.forEach((m, n) => {
      const top = m.top;
      const bottom = m.bottom;
      if (bottom > top) tall.push({ m, n, top, bottom });
    });
    this.byTop = tall.sort((a, b) => a.top - b.top || a.n - b.n);
  }

  /**
   * The merges that cover `row` below their top cell, in the file's order. Rows are asked for in
   * ascending order (as every reader gives them); a row above the last one starts over.
   */
  under(row: number): readonly MergedRange[] {
    if (this.byTop.length === 0) return NONE;
    if (row < this.last) {
      this.next = 0;
      this.active = [];
    }
    this.last = row;
    for (let h = this.byTop[this.next]; h && h.top < row; h = this.byTop[++this.next]) this.enter(h);
    if (this.active.length === 0) return NONE;
    // Merges the rows have passed leave for good; the rest all cover this row.
    let kept = 0;
    for (const h of this.active) if (h.bottom >= row) this.active[kept++] = h;
    this.active.length = kept;
    return kept === 0 ? NONE : this.active.map((h) => h.m);
  }

  /** Kept in the file's order, so no row pays for a sort. */
  private enter(h: Held): void {
    const a = this.active;
    let lo = 0;
    let hi = a.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((a[mid] as Held).n < h.n) lo = mid + 1;
      else hi = mid;
    }
    a.splice(lo, 0, h);
  }
}
