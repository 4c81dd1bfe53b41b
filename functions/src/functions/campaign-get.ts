import { app, type HttpRequest } from '@azure/functions';
import { authenticate, requireCampaign } from '../auth/access';
import { loadCampaign, param, publicCampaign } from '../http/common';
import { endpoint, json } from '../http/handler';

/** GET /api/campaigns/{campaignId} (county or any of its townships). */
export const handler = endpoint(async (req: HttpRequest) => {
  const who = authenticate(req);
  const c = param(req, 'campaignId');
  requireCampaign(who, c);
  const { campaign } = await loadCampaign(c);
  return json(200, publicCampaign(campaign));
});

export const registration = { name: 'campaignGet', methods: ['GET' as const], authLevel: 'anonymous' as const, route: 'campaigns/{campaignId}', handler };
app.http(registration.name, registration);
