// Township names for whatever shows a township to a person (the ledger's and 回头看's API views,
// the county workbook). An item still open from an earlier year may belong to a township this
// campaign no longer lists (its organization dissolved with that township); townships keep their
// ids by name across years, so the campaign that listed it names it (the campaign's own list alone
// left such an item showing its id, e.g. xishan).
import type { TownshipNames } from '../../../shared';
import { getCountyCampaign, type StoredCampaign } from '../storage/campaigns';
import type { Store } from '../storage/store';

/**
 * The names of the townships `ids`: the campaign's own first, then those of the grading a 回头看
 * reviews and of each predecessor in turn, read only while an id is still unnamed.
 */
export async function campaignTownshipNames(store: Store, campaign: StoredCampaign, ids: Iterable<string>): Promise<TownshipNames> {
  const names: Record<string, string> = {};
  const missing = new Set(ids);
  const seen = new Set<string>();
  let c: StoredCampaign | null = campaign;
  while (c && !seen.has(c.id)) {
    seen.add(c.id);
    for (const t of c.townships) {
      names[t.id] ??= t.name;
      missing.delete(t.id);
    }
    const next: string | null = (c.kind === 'lookback' ? c.reviewsId : c.previousId) ?? null;
    c = missing.size && next ? ((await getCountyCampaign(store, c.countyId, next))?.campaign ?? null) : null;
  }
  return names;
}
