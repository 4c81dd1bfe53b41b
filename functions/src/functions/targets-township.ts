import { app, type HttpRequest } from '@azure/functions';
import { endpoint, json } from '../http/handler';
import { townshipScope } from '../http/scope';
import { targetsAnswer } from '../results/targets-answer';
import { campaignTargets } from '../results/targets';

/** GET /api/campaigns/{c}/townships/{t}/targets (the township itself, or the county): its 晋位升级, and the county's for comparison. */
export const handler = endpoint(async (req: HttpRequest) => {
  const { store, campaign, township: tw } = await townshipScope(req);
  return json(200, targetsAnswer(campaign, await campaignTargets(store, campaign), tw.id));
});

export const registration = {
  name: 'targetsTownship',
  methods: ['GET' as const],
  authLevel: 'anonymous' as const,
  route: 'campaigns/{campaignId}/townships/{townshipId}/targets',
  handler,
};
app.http(registration.name, registration);
