import { app, type HttpRequest } from '@azure/functions';
import { issueAccessSchema } from '../../../shared/api/contract';
import { accessList, issueLinks } from '../auth/invitations';
import { pageFor } from '../auth/links';
import { endpoint, json } from '../http/handler';
import { countyBodyScope } from '../http/scope';

/**
 * POST /api/campaigns/{campaignId}/access (county): invitation links for the townships named (all
 * without an active link when none are named); `reissue` replaces active ones (the old link stops
 * working at once) → the access list with the links.
 */
export const handler = endpoint(async (req: HttpRequest) => {
  const { who, store, campaign, body } = await countyBodyScope(req, issueAccessSchema);
  const page = pageFor(req, body.page);
  await issueLinks(store, who, campaign, body);
  return json(200, await accessList(req, store, campaign, page));
});

export const registration = { name: 'accessIssue', methods: ['POST' as const], authLevel: 'anonymous' as const, route: 'campaigns/{campaignId}/access', handler };
app.http(registration.name, registration);
