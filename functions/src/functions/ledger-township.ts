import { app, type HttpRequest } from '@azure/functions';
import { ledgerQuerySchema } from '../../../shared/api/contract';
import { authenticate, requireTownshipOrCounty } from '../auth/access';
import { loadCampaign, param, township } from '../http/common';
import { endpoint, json } from '../http/handler';
import { parseQuery } from '../http/query';
import { ensureLedger } from '../ledger/sync';
import { ledgerList } from '../ledger/views';
import { organizationsOf } from '../orgs/campaign-orgs';
import { listItems } from '../storage/ledger-items';

/**
 * GET /api/campaigns/{c}/townships/{t}/ledger (the township itself, or the county): the township's
 * rectification items, whichever campaign opened them, with the same filters as the county's list.
 */
export const handler = endpoint(async (req: HttpRequest) => {
  const who = await authenticate(req);
  const c = param(req, 'campaignId');
  const t = param(req, 'townshipId');
  requireTownshipOrCounty(who, c, t);
  const q = parseQuery(req, ledgerQuerySchema);
  const { store, campaign } = await loadCampaign(who, c);
  township(campaign, t);
  await ensureLedger(store, campaign);
  // The township's items of the organizations this campaign knows (dissolved ones included).
  const known = new Set((await organizationsOf(store, campaign)).map((o) => o.id));
  const items = (await listItems(store, campaign.countyId)).map((s) => s.item).filter((i) => known.has(i.orgId));
  return json(200, ledgerList(campaign, items, q, Date.now(), t));
});

export const registration = {
  name: 'ledgerTownship',
  methods: ['GET' as const],
  authLevel: 'anonymous' as const,
  route: 'campaigns/{campaignId}/townships/{townshipId}/ledger',
  handler,
};
app.http(registration.name, registration);
