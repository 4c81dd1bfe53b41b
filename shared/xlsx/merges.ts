// Merged ranges: parsed from <mergeCell ref="A1:Q1"/>, bounded in number, and applied the way a
// spreadsheet shows them — only the top-left cell has a value; whatever a file keeps under the
// rest of a merge (LibreOffice can keep hidden contents) is not what the clerk sees, so it goes.
import { makeIssue } from '../issues/catalogue';
import type { MergedRange, SheetRow } from '../workbook/model';
import { refuse } from '../zip/refusal';
import { parseRef } from './cell-value';
import { formatCount, type ReadLimits } from './limits';

/** "B2:D5" → the range; null for a single cell or anything that is not a range. */
export function parseRange(ref: string): MergedRange | null | 'invalid' {
  const colon = ref.indexOf(':');
  if (colon < 0) return parseRef(ref) ? null : 'invalid';
  const a = parseRef(ref.slice(0, colon));
  const b = parseRef(ref.slice(colon + 1));
  if (!a || !b) return 'invalid';
  const m = { top: Math.min(a.row, b.row), left: Math.min(a.col, b.col), bottom: Math.max(a.row, b.row), right: Math.max(a.col, b.col) };
  return m.top === m.bottom && m.left === m.right ? null : m;
}

function firstRowAtOrAfter(rows: readonly SheetRow[], row: number): number {
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((rows[mid] as SheetRow).row < row) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Clears the covered cells of every merge. The work is bounded: merges that pile on top of each
 * other (no spreadsheet program writes those) are refused once they cost more than the sheet's
 * cell bound twice over.
 */
export function applyMerges(sheet: string, rows: SheetRow[], merges: readonly MergedRange[], L: ReadLimits): SheetRow[] {
  if (merges.length === 0) return rows;
  const budget = 2 * L.maxCellsPerSheet;
  let work = 0;
  let cleared = false;
  for (const m of merges) {
    for (let i = firstRowAtOrAfter(rows, m.top); i < rows.length; i++) {
      const r = rows[i] as SheetRow;
      if (r.row > m.bottom) break;
      const from = r.row === m.top ? m.left + 1 : m.left;
      const to = Math.min(m.right, r.cells.length - 1);
      work += 1 + Math.max(0, to - from + 1);
      if (work > budget) refuse(makeIssue('TOO_MANY_MERGES', { sheet, limit: formatCount(L.maxMerges) }));
      for (let c = from; c <= to; c++) {
        if (r.cells[c] !== undefined) {
          r.cells[c] = undefined;
          cleared = true;
        }
      }
    }
  }
  return cleared ? rows.filter((r) => r.cells.some((c) => c !== undefined)) : rows;
}
