import { app, type HttpRequest } from '@azure/functions';
import type { CampaignList } from '../../../shared/api/contract';
import { authenticate, requireCounty } from '../auth/access';
import { endpoint, json } from '../http/handler';
import { listCampaigns } from '../storage/campaigns';
import { getCounty } from '../storage/credentials';
import { getStore } from '../storage/ledger';

/** GET /api/campaigns (county): every campaign of the caller's county, this year's and past ones. */
export const handler = endpoint(async (req: HttpRequest) => {
  const who = await authenticate(req);
  requireCounty(who);
  const store = await getStore();
  const [county, campaigns] = await Promise.all([getCounty(store, who.countyId), listCampaigns(store, who.countyId)]);
  const body: CampaignList = { countyId: who.countyId, countyName: county?.name ?? '', campaigns };
  return json(200, body);
});

export const registration = { name: 'campaignsList', methods: ['GET' as const], authLevel: 'anonymous' as const, route: 'campaigns', handler };
app.http(registration.name, registration);
