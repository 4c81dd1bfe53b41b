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
  /** The 回头看 of the predecessor whose regrades were used, if any. */
  lookbackId: string | null;
  report: TargetReport;
}

/** The newest 回头看 of a campaign, if it has one. */
async function lookbackOf(store: Store, c: StoredCampaign): Promise<StoredCampaign | null> {
  const lb = (await listCampaigns(store, c.countyId)).filter((x) => x.kind === 'lookback' && x.reviewsId === c.id).sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
  return lb ? ((await getCountyCampaign(store, c.countyId, lb.id))?.campaign ?? null) : null;
}

/** Last campaign's final grades: a 回头看's regrade replaces the original for every organization it regraded. */
async function finalGrades(store: Store, previous: StoredCampaign, lookback: StoredCampaign | null): Promise<GradedOrg[]> {
  const ids = await organizationsOf(store, previous);
  const original = (await campaignResults(store, previous, ids)).graded;
  if (!lookback) return original;
  const regraded = new Map((await campaignResults(store, lookback, ids)).graded.map((g) => [g.orgId, g]));
  return original.map((g) => regraded.get(g.orgId) ?? g);
}

export async function campaignTargets(store: Store, campaign: StoredCampaign): Promise<TargetsReport> {
  if (campaign.kind === 'lookback' || !campaign.previousId) throw new ApiError('TARGETS_NO_PREVIOUS', { id: campaign.id });
  const found = await getCountyCampaign(store, campaign.countyId, campaign.previousId);
  if (!found) throw new ApiError('CAMPAIGN_NOT_FOUND', { id: campaign.previousId });
  const previous = found.campaign;
  const lookback = await lookbackOf(store, previous);
  const identities = await organizationsOf(store, campaign);
  const [before, now] = await Promise.all([finalGrades(store, previous, lookback), campaignResults(store, campaign, identities)]);
  const townshipNames = Object.fromEntries([...previous.townships, ...campaign.townships].map((t) => [t.id, t.name]));
  const report = computeUpgradeTargets({ scheme: campaign.scheme, previous: before, current: now.graded, identities, townshipNames, countyLabel: campaign.county });
  return { previous, lookbackId: lookback?.id ?? null, report };
}
