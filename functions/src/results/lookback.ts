// A 回头看 campaign against the grading it reviews: each regraded organization before and after,
// an upgrade while its rectification items are not all 销号 flagged (shared/lookback/review.ts).
// The original is the reviewed campaign's current version of each township that has reported its
// regrade; the items are the ledger as it is now (after the 回头看's own uploads were synced).
import { isIncluded } from '../../../shared/consolidate/summary';
import type { Issue } from '../../../shared/issues/types';
import type { LedgerItem } from '../../../shared/ledger/types';
import { reviewLookback, type LookbackResult } from '../../../shared/lookback/review';
import { ApiError } from '../http/errors';
import { organizationsOf } from '../orgs/campaign-orgs';
import { getCountyCampaign, type StoredCampaign } from '../storage/campaigns';
import { listItems } from '../storage/ledger-items';
import { listStates } from '../storage/queries';
import type { Store } from '../storage/store';
import { ensureLedger } from '../ledger/sync';
import { campaignResults } from './graded';

export interface LookbackReport {
  reviewed: StoredCampaign;
  result: LookbackResult;
  /** Names of the 回头看's townships that have not reported their regrade. */
  pendingTownships: string[];
}

async function reviewedOf(store: Store, campaign: StoredCampaign): Promise<StoredCampaign> {
  if (campaign.kind !== 'lookback' || !campaign.reviewsId) throw new ApiError('CAMPAIGN_NOT_LOOKBACK', { id: campaign.id });
  const found = await getCountyCampaign(store, campaign.countyId, campaign.reviewsId);
  if (!found) throw new ApiError('CAMPAIGN_NOT_FOUND', { id: campaign.reviewsId });
  return found.campaign;
}

async function review(store: Store, campaign: StoredCampaign, reviewed: StoredCampaign, only: ReadonlySet<string> | undefined, items: readonly LedgerItem[]): Promise<{ result: LookbackResult; reported: Set<string> }> {
  const ids = await organizationsOf(store, campaign);
  const regrade = await campaignResults(store, campaign, ids, only);
  const original = await campaignResults(store, reviewed, ids, regrade.reported);
  // The original's cells are in another campaign's workbook: its messages name the organization only.
  const before = original.graded.map(({ where: _w, ...g }) => g);
  return { result: reviewLookback({ scheme: campaign.scheme, original: before, regrade: regrade.graded, items }), reported: regrade.reported };
}

/** The whole 回头看 (the ledger synced first). */
export async function campaignLookback(store: Store, campaign: StoredCampaign): Promise<LookbackReport> {
  const reviewed = await reviewedOf(store, campaign);
  await ensureLedger(store, campaign);
  const items = (await listItems(store, campaign.countyId)).map((s) => s.item);
  const { result, reported } = await review(store, campaign, reviewed, undefined, items);
  return { reviewed, result, pendingTownships: campaign.townships.filter((t) => !reported.has(t.id)).map((t) => t.name) };
}

/**
 * One township's flags, for the receipt of its regrade (its ledger already synced). `synced`: the
 * items as that sync left them, so the upload lists the county's ledger once, not again here (a
 * county of 15,000 items is 17 MB a listing); a change someone else made meanwhile to an item the
 * sync did not touch shows in the pane's 回头看 view, which reads the ledger afresh.
 */
export async function townshipLookbackIssues(store: Store, campaign: StoredCampaign, t: string, synced?: readonly LedgerItem[]): Promise<Issue[]> {
  const reviewed = await reviewedOf(store, campaign);
  const state = (await listStates(store, campaign.id)).get(t);
  if (!state || !isIncluded(state.state)) return [];
  const items = synced ?? (await listItems(store, campaign.countyId)).map((s) => s.item);
  return (await review(store, campaign, reviewed, new Set([t]), items)).result.issues;
}
