// The items a campaign's ledger shows: the same in the county's list, a township's list and the
// county workbook's 整改台账（销号情况）, so the page, the API and the printed sheet count one set
// (shared/consolidate/year-after.ts campaignItems: opened by the campaign, still not 销号, or
// changed in its course; a 回头看's own townships only). Items closed in an earlier year and
// untouched since are that year's campaign's.
import { campaignItems } from '../../../shared/consolidate/year-after';
import type { LedgerItem } from '../../../shared/ledger/types';
import { organizationsOf } from '../orgs/campaign-orgs';
import type { StoredCampaign } from '../storage/campaigns';
import { listItems } from '../storage/ledger-items';
import type { Store } from '../storage/store';

export async function campaignLedgerItems(store: Store, campaign: StoredCampaign): Promise<LedgerItem[]> {
  const [all, orgs] = await Promise.all([listItems(store, campaign.countyId), organizationsOf(store, campaign)]);
  const own = campaign.kind === 'lookback' ? new Set(campaign.townships.map((t) => t.id)) : undefined;
  return campaignItems(
    all.map((x) => x.item),
    campaign.id,
    new Set(orgs.map((o) => o.id)),
    own,
  );
}
