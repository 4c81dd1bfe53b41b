import { app, type HttpRequest } from '@azure/functions';
import { ledgerQuerySchema } from '../../../shared/api/contract';
import { authenticate, requireCounty } from '../auth/access';
import { loadCampaign, param } from '../http/common';
import { endpoint, json } from '../http/handler';
import { parseQuery } from '../http/query';
import { ensureLedger } from '../ledger/sync';
import { ledgerList } from '../ledger/views';
import { listItems } from '../storage/ledger-items';

/**
 * GET /api/campaigns/{campaignId}/ledger (county): every rectification item of the county (the
 * ledger outlives a campaign), filtered by `?township=&status=open,reopened&overdue=1&opened=`,
 * with counts and the overdue ones flagged. Uploads not yet reflected are synced first.
 */
export const handler = endpoint(async (req: HttpRequest) => {
  const who = await authenticate(req);
  requireCounty(who);
  const c = param(req, 'campaignId');
  const q = parseQuery(req, ledgerQuerySchema);
  const { store, campaign } = await loadCampaign(who, c);
  await ensureLedger(store, campaign);
  const items = (await listItems(store, campaign.countyId)).map((s) => s.item);
  return json(200, ledgerList(campaign, items, q, Date.now(), null));
});

export const registration = { name: 'ledgerList', methods: ['GET' as const], authLevel: 'anonymous' as const, route: 'campaigns/{campaignId}/ledger', handler };
app.http(registration.name, registration);
