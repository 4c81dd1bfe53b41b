// Whether a checked workbook is this township's for this campaign, decided before upload by the
// one shared rule the server applies (shared/validate/identity.ts), so the pane refuses with the
// server's own sentence and sends nothing.
import type { Campaign } from '../../../shared/api/contract';
import type { Issue } from '../../../shared/issues/types';
import type { Submission } from '../../../shared/submission/types';
import { checkIdentity } from '../../../shared/validate/identity';

export interface Owner {
  campaign: Campaign;
  townshipId: string;
}

/** The one issue that says the file belongs to someone else, or null when it may be uploaded. */
export function templateIdentityIssue(sub: Submission | null, owner: Owner): Issue | null {
  if (!sub) return null;
  const township = owner.campaign.townships.find((t) => t.id === owner.townshipId) ?? { id: owner.townshipId, name: owner.townshipId };
  const verdict = checkIdentity(sub, { campaignId: owner.campaign.id, township });
  return verdict.refusal ? (verdict.issues.find((i) => i.severity === 'error') ?? null) : null;
}
