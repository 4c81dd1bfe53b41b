import { app, type HttpRequest } from '@azure/functions';
import type { Me } from '../../../shared/api/contract';
import { authenticate } from '../auth/access';
import { endpoint, json } from '../http/handler';
import { getCampaign } from '../storage/ledger';
import { getStore } from '../storage/store-singleton';

/** GET /api/me: who the token says the caller is (the task pane's "connect" step). */
export const handler = endpoint(async (req: HttpRequest) => {
  const who = authenticate(req);
  const campaign = await getCampaign(await getStore(), who.campaignId);
  const me: Me = {
    role: who.role,
    campaignId: who.campaignId,
    townshipId: who.townshipId,
    townshipName: who.townshipId ? (campaign?.townships.find((t) => t.id === who.townshipId)?.name ?? null) : null,
    expiresAt: new Date(who.exp * 1000).toISOString(),
  };
  return json(200, me);
});

export const registration = { name: 'me', methods: ['GET' as const], authLevel: 'anonymous' as const, route: 'me', handler };
app.http(registration.name, registration);
