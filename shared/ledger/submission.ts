// A township's stored submission → what it does to the county's ledger: its rows tied to the
// roster (gradedFromSubmission), its 整改台账 lines read as ledger lines with their cells, and the
// grading's effect on the items (syncLedgerWithGrading: 复号, lines merged, a blank item for an
// organization that needs one). Pure: the server runs it once before storing an upload (its
// errors refuse the upload) and again after (its changes are written), over the items as read.
import type { Issue } from '../issues/types';
import { activeOrgs, orgIndex, type OrgIdentity, type TownshipNames } from '../roster/identity';
import { gradedFromSubmission, rosterMissing } from '../roster/graded';
import type { Scheme } from '../scheme/schema';
import type { Submission } from '../submission/types';
import { RECT_SHEET } from '../template/definition';
import { orgKey } from '../text/normalize';
import { syncLedgerWithGrading } from './grading';
import { lineFromRectification } from './lines';
import type { LedgerChangeSet, LedgerItem } from './types';

/** The organizations a version graded in the bottom band, by id. */
function bottomOrgs(s: Scheme, identities: readonly OrgIdentity[], t: string, sub: Pick<Submission, 'orgs'>): Set<string> {
  const bottom = s.grades[s.grades.length - 1]?.key;
  return new Set(gradedFromSubmission(identities, t, sub).graded.filter((g) => g.grade === bottom).map((g) => g.orgId));
}

export interface SubmissionLedgerInput {
  scheme: Scheme;
  campaignId: string;
  townshipId: string;
  townshipNames?: TownshipNames;
  /** The campaign's organizations (after its roster was applied). */
  identities: readonly OrgIdentity[];
  sub: Pick<Submission, 'orgs' | 'rectifications'> & Partial<Pick<Submission, 'detailTable' | 'rectTable'>>;
  /** The county's items as stored. */
  items: readonly LedgerItem[];
  /** When the upload arrived: the time of every change it makes (the same on a rerun). */
  at: string;
  /** A grading (not a 回头看): every organization on the township's roster must be graded. */
  complete?: boolean;
  /** The township's version the ledger reflected before this one, in the same campaign (none for its first). */
  previous?: Pick<Submission, 'orgs'>;
}

/** Whether the township's ledger is kept: the campaign has a roster for it. */
export function keepsLedger(identities: readonly OrgIdentity[], townshipId: string): boolean {
  return activeOrgs(identities, townshipId).length > 0;
}

/**
 * The ledger after the upload, with the issues to show: rows not on the roster (errors), ledger
 * lines the ledger cannot take (errors: an unknown 台账编号, a 申请销号 without its date), and
 * what it did (a blank item opened, a closed item reopened, a change to a 销号 item not taken).
 * Lines of organizations not in the list are left to the reader's own warning (RECT_ORG_UNKNOWN, or
 * RECT_ORG_HIDDEN where the organization's row is hidden),
 * and lines of organizations not on the roster to the row's error: one cause, one message.
 */
export function ledgerOfSubmission(input: SubmissionLedgerInput): LedgerChangeSet {
  const { identities, townshipId: t, sub } = input;
  const g = gradedFromSubmission(identities, t, sub, input.townshipNames ? { townshipNames: input.townshipNames } : {});
  const find = orgIndex(identities);
  const placed = new Set(sub.orgs.filter((o) => find(t, o.name)).map((o) => orgKey(o.name)));
  const at = sub.rectTable ?? RECT_SHEET;
  const lines = sub.rectifications.filter((r) => placed.has(orgKey(r.orgName))).map((r) => lineFromRectification(r, at));
  const cs = syncLedgerWithGrading({
    scheme: input.scheme,
    campaignId: input.campaignId,
    townshipId: t,
    graded: g.graded,
    lines,
    items: input.items,
    identities,
    actor: { role: 'township', townshipId: t },
    at: input.at,
    ...(input.previous ? { earlierBottom: bottomOrgs(input.scheme, identities, t, input.previous) } : {}),
  });
  const missing = input.complete ? rosterMissing(identities, t, sub, input.townshipNames ? { townshipNames: input.townshipNames } : {}) : [];
  const issues: Issue[] = [...g.issues, ...missing, ...cs.issues];
  return { ...cs, issues };
}
