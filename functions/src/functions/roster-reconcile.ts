import { app, type HttpRequest } from '@azure/functions';
import { rosterReconcileRequestSchema } from '../../../shared/api/contract';
import { authenticate, requireCounty } from '../auth/access';
import { parseBody } from '../http/common';
import { endpoint, json } from '../http/handler';
import { rosterProposal } from '../orgs/campaign-orgs';
import { freeId, planCampaign } from '../orgs/campaign-plan';
import { listCampaigns } from '../storage/campaigns';
import { getStore } from '../storage/store-singleton';

/**
 * POST /api/roster/reconcile (county): the body POST /api/campaigns would take → the proposal for
 * the county: this year's 名册 against the predecessor's organizations (matched, new, missing,
 * renames suggested by name similarity, merges, names listed by two townships), the decisions the
 * console pre-ticks, and whether creating the campaign with them would go through. Stores nothing.
 */
export const handler = endpoint(async (req: HttpRequest) => {
  const who = await authenticate(req);
  requireCounty(who);
  const body = await parseBody(req, rosterReconcileRequestSchema);
  const store = await getStore();
  const plan = await planCampaign(store, who.countyId, body, Date.now());
  const id = body.id ?? freeId(who.countyId, plan.draft.year, new Set((await listCampaigns(store, who.countyId)).map((c) => c.id)));
  return json(200, await rosterProposal(store, { campaignId: id, draft: plan.draft, previous: plan.previous, decisions: plan.decisions }));
});

export const registration = { name: 'rosterReconcile', methods: ['POST' as const], authLevel: 'anonymous' as const, route: 'roster/reconcile', handler };
app.http(registration.name, registration);
