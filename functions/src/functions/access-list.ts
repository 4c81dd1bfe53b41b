import { app, type HttpRequest } from '@azure/functions';
import { accessList } from '../auth/invitations';
import { pageFor } from '../auth/links';
import { endpoint, json } from '../http/handler';
import { countyScope } from '../http/scope';

/** GET /api/campaigns/{campaignId}/access?page=… (county): each township's invitation link, state and expiry. */
export const handler = endpoint(async (req: HttpRequest) => {
  const { store, campaign } = await countyScope(req);
  const page = pageFor(req, req.query.get('page') ?? undefined);
  return json(200, await accessList(req, store, campaign, page));
});

export const registration = { name: 'accessList', methods: ['GET' as const], authLevel: 'anonymous' as const, route: 'campaigns/{campaignId}/access', handler };
app.http(registration.name, registration);
