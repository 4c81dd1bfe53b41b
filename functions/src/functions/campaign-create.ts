import { app, type HttpRequest } from '@azure/functions';
import { defaultSchemeInput, loadScheme, schemeFingerprint } from '../../../shared';
import { createCampaignSchema } from '../../../shared/api/contract';
import { authenticate, requireCounty } from '../auth/access';
import { publicCampaign } from '../http/common';
import { ApiError } from '../http/errors';
import { endpoint, json, readJson, zodDetail } from '../http/handler';
import { putCampaign, type CampaignDoc } from '../storage/ledger';
import { getStore } from '../storage/store-singleton';

/** POST /api/campaigns (county): the year's campaign with its township roster and scheme. */
export const handler = endpoint(async (req: HttpRequest) => {
  const who = authenticate(req);
  const parsed = createCampaignSchema.safeParse(await readJson(req));
  if (!parsed.success) throw new ApiError('REQUEST_BODY_INVALID', { detail: zodDetail(parsed.error.issues) });
  const body = parsed.data;
  const id = body.id ?? who.campaignId;
  requireCounty(who, id);

  const loaded = loadScheme(body.scheme ?? defaultSchemeInput);
  if (!loaded.ok) throw new ApiError('CAMPAIGN_SCHEME_INVALID', { detail: loaded.message });
  const seen = new Set<string>();
  for (const t of body.townships) {
    if (seen.has(t.id)) throw new ApiError('CAMPAIGN_TOWNSHIP_DUPLICATE', { id: t.id });
    seen.add(t.id);
  }
  for (const k of Object.keys(body.roster ?? {})) if (!seen.has(k)) throw new ApiError('CAMPAIGN_ROSTER_UNKNOWN', { id: k });

  const doc: CampaignDoc = {
    id,
    year: body.year,
    county: body.county,
    deadline: body.deadline,
    townships: body.townships,
    schemeId: loaded.scheme.id,
    schemeFingerprint: schemeFingerprint(loaded.scheme),
    createdAt: new Date().toISOString(),
    scheme: loaded.scheme,
    roster: body.roster ?? {},
  };
  if (!(await putCampaign(await getStore(), doc))) throw new ApiError('CAMPAIGN_EXISTS', { id });
  return json(201, publicCampaign(doc));
});

export const registration = { name: 'campaignCreate', methods: ['POST' as const], authLevel: 'anonymous' as const, route: 'campaigns', handler };
app.http(registration.name, registration);
