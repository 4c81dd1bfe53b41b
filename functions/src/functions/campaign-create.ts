import { app, type HttpRequest } from '@azure/functions';
import { createCampaignSchema } from '../../../shared/api/contract';
import { authenticate, requireCounty } from '../auth/access';
import { parseBody, publicCampaign } from '../http/common';
import { ApiError, shownIssues } from '../http/errors';
import { endpoint, json } from '../http/handler';
import { followCampaignRoster } from '../ledger/sync';
import { freeId, planCampaign, yearAfterFields } from '../orgs/campaign-plan';
import { createCampaign, listCampaigns, type StoredCampaign } from '../storage/campaigns';
import { getStore } from '../storage/store-singleton';

/**
 * POST /api/campaigns (county): a new campaign of the caller's county → 201 with the campaign and
 * any warnings. A grading may name its predecessor (`previousId`: its organizations carry over,
 * reconciled with the county's `decisions`; 422 with every point left to decide); a 回头看
 * (`kind: lookback`) names the grading it reviews (`reviewsId`).
 */
export const handler = endpoint(async (req: HttpRequest) => {
  const who = await authenticate(req);
  requireCounty(who);
  const body = await parseBody(req, createCampaignSchema);
  const now = Date.now();
  const store = await getStore();
  const plan = await planCampaign(store, who.countyId, body, now);
  const draft = plan.draft;
  const taken = new Set((await listCampaigns(store, who.countyId)).map((c) => c.id));
  const at = new Date(now).toISOString();
  // Ids are unique across the deployment; one another county holds answers like one of ours.
  for (let attempt = 0; attempt < 5; attempt++) {
    const id = body.id ?? freeId(who.countyId, draft.year, taken);
    const { warnings, ...fields } = draft;
    // The organizations are stored first (a content-named blob nobody sees until the campaign names it).
    const year = await yearAfterFields(store, plan, id, at);
    const doc: StoredCampaign = { id, countyId: who.countyId, revision: 1, createdAt: at, updatedAt: at, ...fields, ...year.fields };
    if ((await createCampaign(store, doc)) === 'created') {
      // The ledger follows renamed, merged and dissolved organizations now; should this fail, the
      // first read of the ledger does it (ledger/sync.ts ensureLedger).
      await followCampaignRoster(store, doc).catch((e: unknown) => console.warn(`ledger follow of ${id} deferred:`, e));
      return json(201, { ...publicCampaign(doc), warnings: shownIssues([...warnings, ...year.warnings]) });
    }
    if (body.id) throw new ApiError('CAMPAIGN_EXISTS', { id });
    taken.add(id);
  }
  throw new ApiError('CAMPAIGN_EXISTS', { id: `${who.countyId}-${draft.year}` });
});

export const registration = { name: 'campaignCreate', methods: ['POST' as const], authLevel: 'anonymous' as const, route: 'campaigns', handler };
app.http(registration.name, registration);
