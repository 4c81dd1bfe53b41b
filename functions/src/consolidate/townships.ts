// Every township of a campaign with its pointer state, in the campaign's order: the input of the
// completeness view and of the consolidated workbook.
import { isLate, type TownshipInput } from '../../../shared';
import type { CampaignDoc } from '../storage/ledger';
import { listStates } from '../storage/queries';
import type { Store } from '../storage/store';

export type TownshipRow = TownshipInput & {
  hash: string | null;
  quota: { ok: boolean; summary: string } | null;
  /** 填报人 / 联系电话 as kept on the pointer; undefined when the pointer predates them (or there is none). */
  contact: { filledBy: string; phone: string } | undefined;
};

export async function townshipInputs(store: Store, campaign: CampaignDoc, now: number): Promise<TownshipRow[]> {
  const states = await listStates(store, campaign.id);
  return campaign.townships.map((t) => {
    const s = states.get(t.id);
    return {
      id: t.id,
      name: t.name,
      state: s?.state ?? 'missing',
      late: isLate(campaign.deadline, s?.receivedAt ?? null, now),
      version: s?.currentVersion ?? null,
      receivedAt: s?.receivedAt ?? null,
      comment: s?.comment ?? null,
      tally: s ? s.tally : null,
      hash: s?.currentHash ?? null,
      quota: s ? { ok: s.quotaOk, summary: s.quotaSummary } : null,
      contact: s?.filledBy !== undefined && s.phone !== undefined ? { filledBy: s.filledBy, phone: s.phone } : undefined,
    };
  });
}

