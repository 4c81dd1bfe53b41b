import { app, type HttpRequest } from '@azure/functions';
import { revokeAccessSchema } from '../../../shared/api/contract';
import { authenticate, requireCounty } from '../auth/access';
import { accessList, revokeLinks } from '../auth/invitations';
import { pageFor } from '../auth/links';
import { loadCampaign, param, parseBody } from '../http/common';
import { endpoint, json } from '../http/handler';

/** POST /api/campaigns/{campaignId}/access/revoke (county): the townships' links stop working at once → the access list. */
export const handler = endpoint(async (req: HttpRequest) => {
  const who = await authenticate(req);
  requireCounty(who);
  const c = param(req, 'campaignId');
  const body = await parseBody(req, revokeAccessSchema);
  const { store, campaign } = await loadCampaign(who, c);
  const page = pageFor(req, body.page);
  await revokeLinks(store, who, campaign, body.townships);
  return json(200, await accessList(req, store, campaign, page));
});

export const registration = { name: 'accessRevoke', methods: ['POST' as const], authLevel: 'anonymous' as const, route: 'campaigns/{campaignId}/access/revoke', handler };
app.http(registration.name, registration);
