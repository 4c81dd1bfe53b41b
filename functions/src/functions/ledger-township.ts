import { app, type HttpRequest } from '@azure/functions';
import { ledgerQuerySchema } from '../../../shared/api/contract';
import { endpoint, json } from '../http/handler';
import { parseQuery } from '../http/query';
import { townshipScope } from '../http/scope';
import { ensureLedger } from '../ledger/sync';
import { ledgerList } from '../ledger/views';
import { campaignLedgerItems } from '../ledger/scope';
import { campaignTownshipNames } from '../orgs/township-names';

/**
 * GET /api/campaigns/{c}/townships/{t}/ledger (the township itself, or the county): the township's
 * rectification items, whichever campaign opened them, with the same filters as the county's list.
 */
export const handler = endpoint(async (req: HttpRequest) => {
  const { store, campaign, township: tw } = await townshipScope(req);
  const q = parseQuery(req, ledgerQuerySchema);
  await ensureLedger(store, campaign);
  // The campaign's items (as its workbook lists them), the township's filtered below.
  const items = await campaignLedgerItems(store, campaign);
  const names = await campaignTownshipNames(store, campaign, new Set(items.map((i) => i.townshipId)));
  return json(200, ledgerList(campaign, names, items, q, Date.now(), tw.id));
});

export const registration = {
  name: 'ledgerTownship',
  methods: ['GET' as const],
  authLevel: 'anonymous' as const,
  route: 'campaigns/{campaignId}/townships/{townshipId}/ledger',
  handler,
};
app.http(registration.name, registration);
