// Rows a table reader set aside, reported once per sheet so nothing disappears silently.
import { makeIssue } from '../issues/catalogue';
import type { Issue } from '../issues/types';
import type { TableReader } from './table';

/** "6、9–12、15" for rows 6, 9, 10, 11, 12, 15; long lists end with "等". */
export function rowList(rows: readonly number[], maxParts = 8): string {
  const parts: string[] = [];
  let i = 0;
  while (i < rows.length) {
    let j = i;
    while (j + 1 < rows.length && rows[j + 1] === (rows[j] ?? 0) + 1) j++;
    parts.push(j > i ? `${rows[i]}–${rows[j]}` : `${rows[i]}`);
    i = j + 1;
  }
  return parts.length > maxParts ? `${parts.slice(0, maxParts).join('、')}等` : parts.join('、');
}

export function skippedRowIssues<K extends string>(t: TableReader<K>, nameCell: (row: number) => string | undefined): Issue[] {
  const out: Issue[] = [];
  const at = (row: number | undefined) => {
    const cell = row === undefined ? undefined : nameCell(row);
    return cell ? { sheet: t.sheet, cell } : { sheet: t.sheet };
  };
  if (t.hiddenRows.length) out.push(makeIssue('ROWS_HIDDEN_SKIPPED', { rows: rowList(t.hiddenRows), count: t.hiddenRows.length }, at(t.hiddenRows[0])));
  if (t.strayRows.length) out.push(makeIssue('ROWS_OUTSIDE_COLUMNS', { rows: rowList(t.strayRows), count: t.strayRows.length }, at(t.strayRows[0])));
  return out;
}
