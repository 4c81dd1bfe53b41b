import { app, type HttpRequest } from '@azure/functions';
import { createCampaignSchema } from '../../../shared/api/contract';
import { buildCampaign } from '../../../shared/campaign/build';
import { authenticate, requireCounty } from '../auth/access';
import { draftOrRefuse, parseBody, publicCampaign } from '../http/common';
import { ApiError } from '../http/errors';
import { endpoint, json } from '../http/handler';
import { createCampaign, listCampaigns, type StoredCampaign } from '../storage/campaigns';
import { getStore } from '../storage/ledger';

/** An id the county did not choose: {county}-{year}, then -2, -3… if taken. */
function freeId(countyId: string, year: number, taken: ReadonlySet<string>): string {
  const base = `${countyId}-${year}`.slice(0, 56);
  for (let n = 1; ; n++) {
    const id = n === 1 ? base : `${base}-${n}`;
    if (!taken.has(id)) return id;
  }
}

/** POST /api/campaigns (county): a new campaign of the caller's county → 201 with the campaign and any warnings. */
export const handler = endpoint(async (req: HttpRequest) => {
  const who = await authenticate(req);
  requireCounty(who);
  const body = await parseBody(req, createCampaignSchema);
  const now = Date.now();
  const draft = draftOrRefuse(buildCampaign(body, { now }));
  const store = await getStore();
  const taken = new Set((await listCampaigns(store, who.countyId)).map((c) => c.id));
  const at = new Date(now).toISOString();
  // Ids are unique across the deployment; one another county holds answers like one of ours.
  for (let attempt = 0; attempt < 5; attempt++) {
    const id = body.id ?? freeId(who.countyId, draft.year, taken);
    const { warnings, ...fields } = draft;
    const doc: StoredCampaign = { id, countyId: who.countyId, revision: 1, createdAt: at, updatedAt: at, ...fields };
    if ((await createCampaign(store, doc)) === 'created') return json(201, { ...publicCampaign(doc), warnings: warnings.map(({ params: _p, ...w }) => w) });
    if (body.id) throw new ApiError('CAMPAIGN_EXISTS', { id });
    taken.add(id);
  }
  throw new ApiError('CAMPAIGN_EXISTS', { id: `${who.countyId}-${draft.year}` });
});

export const registration = { name: 'campaignCreate', methods: ['POST' as const], authLevel: 'anonymous' as const, route: 'campaigns', handler };
app.http(registration.name, registration);
