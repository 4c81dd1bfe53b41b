import { app, type HttpRequest } from '@azure/functions';
import { endpoint, json } from '../http/handler';
import { townshipStatus } from '../http/status';
import { townshipScope } from '../http/scope';

/** GET …/townships/{townshipId}/submissions: versions and review state (the township itself or the county). */
export const handler = endpoint(async (req: HttpRequest) => {
  const { store, campaign, township: tw } = await townshipScope(req);
  return json(200, await townshipStatus(store, campaign, tw));
});

export const registration = {
  name: 'submissionsList',
  methods: ['GET' as const],
  authLevel: 'anonymous' as const,
  route: 'campaigns/{campaignId}/townships/{townshipId}/submissions',
  handler,
};
app.http(registration.name, registration);
