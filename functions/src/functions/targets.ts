import { app, type HttpRequest } from '@azure/functions';
import { endpoint, json } from '../http/handler';
import { countyScope } from '../http/scope';
import { targetsAnswer } from '../results/targets-answer';
import { campaignTargets } from '../results/targets';

/**
 * GET /api/campaigns/{campaignId}/targets (county): 晋位升级 against the predecessor — per township
 * and for the county, last year's 较差 and 一般 organizations, how many moved up, the share against
 * the targets (scheme data: 较差 100 %, 一般 30 % by default), and those that did not.
 */
export const handler = endpoint(async (req: HttpRequest) => {
  const { store, campaign } = await countyScope(req);
  return json(200, targetsAnswer(campaign, await campaignTargets(store, campaign)));
});

export const registration = { name: 'targets', methods: ['GET' as const], authLevel: 'anonymous' as const, route: 'campaigns/{campaignId}/targets', handler };
app.http(registration.name, registration);
