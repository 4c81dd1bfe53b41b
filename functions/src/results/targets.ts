// Upgrade targets (晋位升级) of a grading campaign against its predecessor: last year's final
// grades — the predecessor's, replaced by its 回头看's regrades where it had one — and this year's
// submitted and accepted versions, both tied to organizations by id (shared/ledger/targets.ts).
import { computeUpgradeTargets, type TargetReport } from '../../../shared/ledger/targets';
import type { GradedOrg } from '../../../shared/roster/graded';
import { ApiError } from '../http/errors';
import { organizationsOf } from '../orgs/campaign-orgs';
import { getCountyCampaign, listCampaigns, type StoredCampaign } from '../storage/campaigns';
import type { Store } from '../storage/store';
import { campaignResults } from './graded';

export interface TargetsReport {
  previous: StoredCampaign;
  /** The newest 回头看 of the predecessor whose regrades were used (all of them are), if any. */
  lookbackId: string | null;
  report: TargetReport;
}

/**
 * The 回头看s of a campaign, oldest first. A county may review its townships in several rounds
 * (东山镇 in one, 西山镇 in the next): each regrades its own townships, so every one counts.
 */
async function lookbacksOf(store: Store, c: StoredCampaign): Promise<StoredCampaign[]> {
  const mine = (await listCampaigns(store, c.countyId)).filter((x) => x.kind === 'lookback' && x.reviewsId === c.id).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  const found = await Promise.all(mine.map(async (lb) => (await getCountyCampaign(store, c.countyId, lb.id))?.campaign ?? null));
  return found.filter((x): x is StoredCampaign => x !== null);
}

/** Last campaign's final grades: each 回头看's regrade (a later one over an earlier) replaces the original for every organization it regraded. */
async function finalGrades(store: Store, previous: StoredCampaign, lookbacks: readonly StoredCampaign[]): Promise<GradedOrg[]> {
  const ids = await organizationsOf(store, previous);
  const original = (await campaignResults(store, previous, ids)).graded;
  const regraded = new Map<string, GradedOrg>();
  for (const lb of lookbacks) for (const g of (await campaignResults(store, lb, ids)).graded) regraded.set(g.orgId, g);
  return original.map((g) => regraded.get(g.orgId) ?? g);
}

export async function campaignTargets(store: Store, campaign: StoredCampaign): Promise<TargetsReport> {
  if (campaign.kind === 'lookback' || !campaign.previousId) throw new ApiError('TARGETS_NO_PREVIOUS', { id: campaign.id });
  const found = await getCountyCampaign(store, campaign.countyId, campaign.previousId);
  if (!found) throw new ApiError('CAMPAIGN_NOT_FOUND', { id: campaign.previousId });
  const previous = found.campaign;
  const lookbacks = await lookbacksOf(store, previous);
  const identities = await organizationsOf(store, campaign);
  const [before, now] = await Promise.all([finalGrades(store, previous, lookbacks), campaignResults(store, campaign, identities)]);
  const townshipNames = Object.fromEntries([...previous.townships, ...campaign.townships].map((t) => [t.id, t.name]));
  const report = computeUpgradeTargets({ scheme: campaign.scheme, previous: before, current: now.graded, identities, townshipNames, countyLabel: campaign.county });
  return { previous, lookbackId: lookbacks[lookbacks.length - 1]?.id ?? null, report };
}
