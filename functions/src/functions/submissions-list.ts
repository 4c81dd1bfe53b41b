import { app, type HttpRequest } from '@azure/functions';
import { authenticate, requireTownshipOrCounty } from '../auth/access';
import { loadCampaign, param, township } from '../http/common';
import { endpoint, json } from '../http/handler';
import { townshipStatus } from '../http/status';

/** GET …/townships/{townshipId}/submissions: versions and review state (the township itself or the county). */
export const handler = endpoint(async (req: HttpRequest) => {
  const who = await authenticate(req);
  const c = param(req, 'campaignId');
  const t = param(req, 'townshipId');
  requireTownshipOrCounty(who, c, t);
  const { store, campaign } = await loadCampaign(who, c);
  return json(200, await townshipStatus(store, campaign, township(campaign, t)));
});

export const registration = {
  name: 'submissionsList',
  methods: ['GET' as const],
  authLevel: 'anonymous' as const,
  route: 'campaigns/{campaignId}/townships/{townshipId}/submissions',
  handler,
};
app.http(registration.name, registration);
