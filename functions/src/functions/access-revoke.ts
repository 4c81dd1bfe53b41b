import { app, type HttpRequest } from '@azure/functions';
import { revokeAccessSchema } from '../../../shared/api/contract';
import { accessList, revokeLinks } from '../auth/invitations';
import { pageFor } from '../auth/links';
import { endpoint, json } from '../http/handler';
import { countyBodyScope } from '../http/scope';

/** POST /api/campaigns/{campaignId}/access/revoke (county): the townships' links stop working at once → the access list. */
export const handler = endpoint(async (req: HttpRequest) => {
  const { who, store, campaign, body } = await countyBodyScope(req, revokeAccessSchema);
  const page = pageFor(req, body.page);
  await revokeLinks(store, who, campaign, body.townships);
  return json(200, await accessList(req, store, campaign, page));
});

export const registration = { name: 'accessRevoke', methods: ['POST' as const], authLevel: 'anonymous' as const, route: 'campaigns/{campaignId}/access/revoke', handler };
app.http(registration.name, registration);
