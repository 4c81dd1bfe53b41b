// Whether a checked workbook is this township's template for this campaign, decided before
// upload with the same messages the server answers (functions/src/upload/ingest.ts wrongOwner).
// The validation package will export the one shared template-identity function; this module is
// then a one-line re-export of it.
import type { Campaign } from '../../../shared/api/contract';
import { makeIssue } from '../../../shared/issues/catalogue';
import type { Issue } from '../../../shared/issues/types';
import type { Submission } from '../../../shared/submission/types';
import { META_SHEET } from '../../../shared/template/definition';

export interface Owner {
  campaign: Campaign;
  townshipId: string;
}

/** The one issue that says the file belongs to someone else, or null when it may be uploaded. */
export function templateIdentityIssue(sub: Submission | null, owner: Owner): Issue | null {
  if (!sub) return null;
  const { campaign, townshipId } = owner;
  const at = { sheet: META_SHEET };
  if (sub.campaignId && sub.campaignId !== campaign.id) {
    return makeIssue('UPLOAD_OTHER_CAMPAIGN', { found: sub.campaignId, expected: campaign.id }, at);
  }
  if (sub.townshipId && sub.townshipId !== townshipId) {
    const name = (id: string) => campaign.townships.find((t) => t.id === id)?.name ?? id;
    return makeIssue('UPLOAD_OTHER_TOWNSHIP', { found: name(sub.townshipId), expected: name(townshipId) }, at);
  }
  if (sub.schemeFingerprint && sub.schemeFingerprint !== campaign.schemeFingerprint) {
    return makeIssue('UPLOAD_OTHER_SCHEME', {}, at);
  }
  return null;
}
