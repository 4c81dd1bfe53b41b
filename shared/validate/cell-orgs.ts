// A refusal of a cell found while reading (a character no workbook may hold, a text too long) is
// made before anything knows which rows are organizations. Said again here with the organization
// of its row, as every other row-level message is: the list's 党组织名称, the ledger's 党组织名称.
import { makeIssue, type IssueCode } from '../issues/catalogue';
import type { Issue } from '../issues/types';
import type { ReadResult } from '../submission/types';

const rowOf = (cell: string): string => /\d+$/.exec(cell)?.[0] ?? '';

/** `read`: the validation of the same workbook with those cells cleaned, for its rows' names. */
export function withOrganizations(issues: readonly Issue[], read: ReadResult): Issue[] {
  const names = new Map<string, string>();
  const s = read.submission;
  if (s?.detailTable) for (const o of s.orgs) if (o.name) names.set(`${s.detailTable.sheet}!${o.row}`, o.name);
  if (s?.rectTable) for (const x of s.rectifications) if (x.orgName) names.set(`${s.rectTable.sheet}!${x.row}`, x.orgName);
  return issues.map((i) => {
    const org = i.sheet && i.cell && !i.org ? names.get(`${i.sheet}!${rowOf(i.cell)}`) : undefined;
    return org ? makeIssue(i.code as IssueCode, i.params as never, { sheet: i.sheet, cell: i.cell, org }) : i;
  });
}
