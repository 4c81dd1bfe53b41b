// The order a clerk reads issues in: errors first, then warnings, then notes; within each, the
// whole file first, then sheet by sheet in workbook order, row by row, column by column. The same
// file gives the same first message whichever program saved it. A message repeated on one cell
// (one cause) is shown once.
import type { Issue, Severity } from '../issues/types';
import { parseCell } from '../workbook/a1';

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export function orderIssues(issues: readonly Issue[], sheetOrder: readonly string[]): Issue[] {
  const seen = new Set<string>();
  const unique = issues.filter((i) => {
    const k = `${i.sheet ?? ''}\u0000${i.cell ?? ''}\u0000${i.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  const pos = (i: Issue) => {
    const a = i.cell ? parseCell(i.cell) : null;
    return [RANK[i.severity], i.sheet === undefined ? -1 : sheetOrder.indexOf(i.sheet), a?.row ?? 0, a?.col ?? 0];
  };
  const keyed = unique.map((i, n) => ({ i, n, k: pos(i) }));
  keyed.sort((x, y) => {
    for (let j = 0; j < x.k.length; j++) {
      const d = (x.k[j] ?? 0) - (y.k[j] ?? 0);
      if (d) return d;
    }
    return x.n - y.n;
  });
  return keyed.map((x) => x.i);
}
