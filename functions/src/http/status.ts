// A township's versions and review state as the contract's TownshipStatus.
import { isLate } from '../../../shared';
import type { TownshipStatus } from '../../../shared/api/contract';
import type { CampaignDoc } from '../storage/ledger';
import type { TownshipState } from '../storage/entities';
import { getState, listVersions } from '../storage/queries';
import type { Store } from '../storage/store';

/**
 * `written`: the pointer as the caller has just written it (a review), which is what its answer
 * reports; it is not read back (one storage call fewer per review).
 */
export async function townshipStatus(store: Store, campaign: CampaignDoc, township: { id: string; name: string }, written?: Omit<TownshipState, 'etag'>): Promise<TownshipStatus> {
  const [state, versions] = await Promise.all([written ?? getState(store, campaign.id, township.id), listVersions(store, campaign.id, township.id)]);
  return {
    campaignId: campaign.id,
    townshipId: township.id,
    townshipName: township.name,
    state: state?.state ?? 'missing',
    currentVersion: state?.currentVersion ?? null,
    late: isLate(campaign.deadline, state?.receivedAt ?? null, Date.now()),
    comment: state?.comment ?? null,
    versions: versions.map((v) => ({
      version: v.version,
      submissionId: v.submissionId,
      contentHash: v.contentHash,
      receivedAt: v.receivedAt,
      rows: { orgs: v.orgs, rectifications: v.rectifications },
      quota: { ok: v.quotaOk, summary: v.quotaSummary },
    })),
  };
}
