import { app, type HttpRequest } from '@azure/functions';
import { ledgerQuerySchema } from '../../../shared/api/contract';
import { endpoint, json } from '../http/handler';
import { parseQuery } from '../http/query';
import { countyScope } from '../http/scope';
import { ensureLedger } from '../ledger/sync';
import { ledgerList } from '../ledger/views';
import { organizationsOf } from '../orgs/campaign-orgs';
import { listItems } from '../storage/ledger-items';
import { campaignTownshipNames } from '../orgs/township-names';

/**
 * GET /api/campaigns/{campaignId}/ledger (county): the county's rectification items of the
 * organizations the campaign knows — its own and, through its predecessors, every earlier one
 * (the ledger outlives a campaign) — filtered by `?township=&status=open,reopened&overdue=1&opened=`,
 * with counts and the overdue ones flagged. Uploads not yet reflected are synced first.
 */
export const handler = endpoint(async (req: HttpRequest) => {
  const { store, campaign } = await countyScope(req);
  const q = parseQuery(req, ledgerQuerySchema);
  await ensureLedger(store, campaign);
  // The county's items of the organizations this campaign knows: its own and every predecessor's.
  const known = new Set((await organizationsOf(store, campaign)).map((o) => o.id));
  const items = (await listItems(store, campaign.countyId)).map((s) => s.item).filter((i) => known.has(i.orgId));
  const names = await campaignTownshipNames(store, campaign, new Set(items.map((i) => i.townshipId)));
  return json(200, ledgerList(campaign, names, items, q, Date.now(), null));
});

export const registration = { name: 'ledgerList', methods: ['GET' as const], authLevel: 'anonymous' as const, route: 'campaigns/{campaignId}/ledger', handler };
app.http(registration.name, registration);
