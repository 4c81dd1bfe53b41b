import { app, type HttpRequest } from '@azure/functions';
import type { CampaignOrgs } from '../../../shared/api/contract';
import { authenticate } from '../auth/access';
import { loadCampaign, param } from '../http/common';
import { endpoint, json } from '../http/handler';
import { organizationsOf } from '../orgs/campaign-orgs';

/**
 * GET /api/campaigns/{campaignId}/orgs: the campaign's organizations with their stable ids and
 * history (renamed, moved, merged, dissolved). The county sees every organization its rosters ever
 * listed up to this campaign; a township sees its own active ones.
 */
export const handler = endpoint(async (req: HttpRequest) => {
  const who = await authenticate(req);
  const c = param(req, 'campaignId');
  const { store, campaign } = await loadCampaign(who, c);
  const all = await organizationsOf(store, campaign);
  const orgs = who.role === 'county' ? all : all.filter((o) => o.status === 'active' && o.townshipId === who.townshipId);
  const body: CampaignOrgs = { campaignId: c, orgs };
  return json(200, body);
});

export const registration = { name: 'campaignOrgs', methods: ['GET' as const], authLevel: 'anonymous' as const, route: 'campaigns/{campaignId}/orgs', handler };
app.http(registration.name, registration);
