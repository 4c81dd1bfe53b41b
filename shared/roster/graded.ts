// A graded organization by its id: the form in which the year after reads a campaign's results
// (the ledger opens items from it, targets compare two of them, 回头看 compares a regrade with
// the original). Rows of a submission are tied to the roster by `orgKey` within the township.
import type { Issue } from '../issues/types';
import { makeIssue, type Where } from '../issues/catalogue';
import type { Submission } from '../submission/types';
import { DETAIL_SHEET } from '../template/definition';
import { cellAddress } from '../workbook/a1';
import { activeOrgs, orgIndex, townshipName, type OrgIdentity, type TownshipNames } from './identity';

export interface GradedOrg {
  orgId: string;
  townshipId: string;
  name: string;
  /** Grade key of the scheme. */
  grade: string;
  total?: number | null;
  /** 涉及三打两建问题. */
  forcedBottom?: boolean;
  /** 新组建. */
  newlyEstablished?: boolean;
  where?: Where;
}

export interface GradedFromSubmission {
  graded: GradedOrg[];
  /** A row whose organization is not on the township's roster (an error: the roster is the list). */
  issues: Issue[];
}

/**
 * A township's submission → its graded organizations. `nameCell` gives the cell of a row's name
 * when the caller knows the column; otherwise the one the reader recorded (`detailTable`), else
 * messages name the sheet.
 */
export function gradedFromSubmission(
  identities: readonly OrgIdentity[],
  townshipId: string,
  sub: Pick<Submission, 'orgs'> & Partial<Pick<Submission, 'detailTable'>>,
  opts: { nameCell?: (row: number) => string; townshipNames?: TownshipNames } = {},
): GradedFromSubmission {
  const find = orgIndex(identities);
  const graded: GradedOrg[] = [];
  const issues: Issue[] = [];
  const sheet = sub.detailTable?.sheet ?? DETAIL_SHEET;
  const nameCol = sub.detailTable?.columns.name;
  const nameCell = opts.nameCell ?? (nameCol ? (row: number) => cellAddress(nameCol, row) : undefined);
  for (const o of sub.orgs) {
    const where: Where = { sheet };
    if (nameCell) where.cell = nameCell(o.row);
    const id = find(townshipId, o.name);
    if (!id) {
      issues.push(makeIssue('ROSTER_ORG_UNKNOWN', { name: o.name, township: townshipName(opts.townshipNames, townshipId) }, where));
      continue;
    }
    graded.push({ orgId: id.id, townshipId, name: id.name, grade: o.grade, total: o.total, forcedBottom: o.flags.forcedBottom, newlyEstablished: o.flags.newlyEstablished, where });
  }
  return { graded, issues };
}

/**
 * The organizations on the township's roster that no row of its grading names. The roster is the
 * list to grade: one left out (or hidden by a filter left on) would change the township's shares
 * with nobody told. A 回头看 regrades only some, and says so itself (LOOKBACK_NOT_REGRADED).
 */
export function rosterMissing(
  identities: readonly OrgIdentity[],
  townshipId: string,
  sub: Pick<Submission, 'orgs'> & Partial<Pick<Submission, 'detailTable'>>,
  opts: { townshipNames?: TownshipNames } = {},
): Issue[] {
  const find = orgIndex(identities);
  const named = new Set<string>();
  for (const o of sub.orgs) {
    const id = find(townshipId, o.name);
    if (id) named.add(id.id);
  }
  const sheet = sub.detailTable?.sheet ?? DETAIL_SHEET;
  const township = townshipName(opts.townshipNames, townshipId);
  return activeOrgs(identities, townshipId)
    .filter((o) => !named.has(o.id))
    .map((o) => makeIssue('ROSTER_ORG_MISSING', { name: o.name, township }, { sheet, org: o.name }));
}
