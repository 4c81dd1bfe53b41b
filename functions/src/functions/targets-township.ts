import { app, type HttpRequest } from '@azure/functions';
import { authenticate, requireTownshipOrCounty } from '../auth/access';
import { loadCampaign, param, township } from '../http/common';
import { endpoint, json } from '../http/handler';
import { targetsAnswer } from '../results/targets-answer';
import { campaignTargets } from '../results/targets';

/** GET /api/campaigns/{c}/townships/{t}/targets (the township itself, or the county): its 晋位升级, and the county's for comparison. */
export const handler = endpoint(async (req: HttpRequest) => {
  const who = await authenticate(req);
  const c = param(req, 'campaignId');
  const t = param(req, 'townshipId');
  requireTownshipOrCounty(who, c, t);
  const { store, campaign } = await loadCampaign(who, c);
  township(campaign, t);
  return json(200, targetsAnswer(campaign, await campaignTargets(store, campaign), t));
});

export const registration = {
  name: 'targetsTownship',
  methods: ['GET' as const],
  authLevel: 'anonymous' as const,
  route: 'campaigns/{campaignId}/townships/{townshipId}/targets',
  handler,
};
app.http(registration.name, registration);
