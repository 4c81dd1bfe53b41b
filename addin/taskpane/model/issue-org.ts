// Which organization an issue is about, so the list can say "东山村党支部" and not only "S11".
// The validation package is moving the name into every message (第 8 行“东山村党支部”：H8 …);
// until then the name comes from the row of the cell, looked up in the checked workbook.
import type { Issue } from '../../../shared/issues/types';
import type { Submission } from '../../../shared/submission/types';
import { sheetRole } from '../../../shared/validate/sheets';
import { parseCell } from '../../../shared/workbook/a1';
import type { ShownIssue } from '../state';

const IN_MESSAGE = /第\s*\d+\s*行“([^”]+)”/;

export function organizationOf(issue: Issue, sub: Submission | null): string | null {
  if (issue.org) return issue.org;
  const given = issue.params?.org;
  if (typeof given === 'string' && given) return given;
  const named = IN_MESSAGE.exec(issue.message);
  if (named?.[1]) return named[1];
  const row = parseCell(issue.cell ?? '')?.row;
  if (!sub || !issue.sheet || row === undefined) return null;
  const role = sheetRole(issue.sheet);
  if (role === 'detail') return sub.orgs.find((o) => o.row === row)?.name || null;
  if (role === 'rect') return sub.rectifications.find((r) => r.row === row)?.orgName || null;
  return null;
}

export function withOrganizations(issues: readonly Issue[], sub: Submission | null): ShownIssue[] {
  return issues.map((i) => {
    const org = organizationOf(i, sub);
    return org ? { ...i, org } : { ...i };
  });
}
