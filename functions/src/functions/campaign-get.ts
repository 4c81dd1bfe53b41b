import { app, type HttpRequest } from '@azure/functions';
import { authenticate } from '../auth/access';
import { loadCampaign, param, publicCampaign } from '../http/common';
import { endpoint } from '../http/handler';

/** GET /api/campaigns/{campaignId} (the county, or a township of that campaign): with its scheme and roster; ETag = revision. */
export const handler = endpoint(async (req: HttpRequest) => {
  const who = await authenticate(req);
  const { campaign } = await loadCampaign(who, param(req, 'campaignId'));
  return { status: 200, jsonBody: publicCampaign(campaign, who), headers: { ETag: `"${campaign.revision}"` } };
});

export const registration = { name: 'campaignGet', methods: ['GET' as const], authLevel: 'anonymous' as const, route: 'campaigns/{campaignId}', handler };
app.http(registration.name, registration);
