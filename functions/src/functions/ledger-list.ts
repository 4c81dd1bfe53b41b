import { app, type HttpRequest } from '@azure/functions';
import { ledgerQuerySchema } from '../../../shared/api/contract';
import { endpoint, json } from '../http/handler';
import { parseQuery } from '../http/query';
import { countyScope } from '../http/scope';
import { ensureLedger } from '../ledger/sync';
import { ledgerList } from '../ledger/views';
import { campaignLedgerItems } from '../ledger/scope';
import { campaignTownshipNames } from '../orgs/township-names';

/**
 * GET /api/campaigns/{campaignId}/ledger (county): the rectification items of the campaign as its
 * workbook's 整改台账 lists them — opened by it, still not 销号 (whenever opened, through its
 * predecessors: the ledger outlives a campaign), or changed in its course; a 回头看's townships
 * only — filtered by `?township=&status=open,reopened&overdue=1&opened=`, with counts and the
 * overdue ones flagged. Uploads not yet reflected are synced first.
 */
export const handler = endpoint(async (req: HttpRequest) => {
  const { store, campaign } = await countyScope(req);
  const q = parseQuery(req, ledgerQuerySchema);
  await ensureLedger(store, campaign);
  // The items its workbook's 整改台账 lists, so the page and the printed sheet count the same.
  const items = await campaignLedgerItems(store, campaign);
  const names = await campaignTownshipNames(store, campaign, new Set(items.map((i) => i.townshipId)));
  return json(200, ledgerList(campaign, names, items, q, Date.now(), null));
});

export const registration = { name: 'ledgerList', methods: ['GET' as const], authLevel: 'anonymous' as const, route: 'campaigns/{campaignId}/ledger', handler };
app.http(registration.name, registration);
