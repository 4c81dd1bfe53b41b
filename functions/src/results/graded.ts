// A campaign's results by organization id: each township's current submitted-or-accepted version
// tied to the campaign's organizations (what targets and 回头看 compare). Rows not on the roster
// were refused at upload; a version stored before the roster existed may still have some, and
// they are left out here (they have no identity to compare).
import { isIncluded } from '../../../shared/consolidate/summary';
import { gradedFromSubmission, type GradedOrg } from '../../../shared/roster/graded';
import type { OrgIdentity } from '../../../shared/roster/identity';
import { ordered } from '../consolidate/ordered';
import type { StoredCampaign } from '../storage/campaigns';
import { listStates } from '../storage/queries';
import type { Store } from '../storage/store';
import { readStoredSubmission } from '../storage/submission-blobs';

export interface CampaignResults {
  graded: GradedOrg[];
  /** Townships whose current version is counted (submitted or accepted). */
  reported: Set<string>;
}

export async function campaignResults(store: Store, campaign: StoredCampaign, identities: readonly OrgIdentity[], only?: ReadonlySet<string>): Promise<CampaignResults> {
  const states = await listStates(store, campaign.id);
  const counted = campaign.townships.filter((t) => (only === undefined || only.has(t.id)) && isIncluded(states.get(t.id)?.state ?? 'missing'));
  const graded: GradedOrg[] = [];
  // One township's rows at a time, a few fetched ahead (like the consolidated workbook).
  const subs = ordered(counted, 8, async (t) => {
    const hash = states.get(t.id)?.currentHash ?? '';
    const stored = await readStoredSubmission(store, campaign.id, t.id, hash);
    if (!stored) throw new Error(`stored submission ${campaign.id}/${t.id}/${hash} is missing`);
    return { t, sub: stored.submission };
  });
  // Appended one by one: a township's thousands of rows as push()'s arguments would overflow the stack.
  for await (const { t, sub } of subs) for (const g of gradedFromSubmission(identities, t.id, sub).graded) graded.push(g);
  return { graded, reported: new Set(counted.map((t) => t.id)) };
}
