import { app, type HttpRequest } from '@azure/functions';
import type { Me } from '../../../shared/api/contract';
import { authenticate } from '../auth/access';
import { endpoint, json } from '../http/handler';
import { getCountyCampaign, listCampaigns } from '../storage/campaigns';
import { getCounty } from '../storage/credentials';
import { getStore } from '../storage/ledger';

/** GET /api/me: who the credential says the caller is (the page's "connect" step decides what to show from it). */
export const handler = endpoint(async (req: HttpRequest) => {
  const who = await authenticate(req);
  const store = await getStore();
  const county = await getCounty(store, who.countyId);
  let campaignId = who.campaignId;
  let townshipName: string | null = null;
  if (who.role === 'township' && campaignId) {
    const found = await getCountyCampaign(store, who.countyId, campaignId);
    townshipName = found?.campaign.townships.find((t) => t.id === who.townshipId)?.name ?? null;
  } else {
    campaignId = (await listCampaigns(store, who.countyId))[0]?.id ?? null;
  }
  const me: Me = {
    role: who.role,
    credentialId: who.id,
    countyId: who.countyId,
    countyName: county?.name ?? '',
    campaignId,
    townshipId: who.townshipId,
    townshipName,
    expiresAt: who.expiresAt,
  };
  return json(200, me);
});

export const registration = { name: 'me', methods: ['GET' as const], authLevel: 'anonymous' as const, route: 'me', handler };
app.http(registration.name, registration);
