import { app, type HttpRequest } from '@azure/functions';
import { updateCampaignSchema } from '../../../shared/api/contract';
import { checkEdit } from '../../../shared/campaign/build';
import { publicCampaign } from '../http/common';
import { ApiError, shownIssues } from '../http/errors';
import { endpoint } from '../http/handler';
import { countyBodyScope } from '../http/scope';
import { followCampaignRoster } from '../ledger/sync';
import { planCampaign, yearAfterFields } from '../orgs/campaign-plan';
import { updateCampaign, type StoredCampaign } from '../storage/campaigns';
import { listTownshipCredentials, revokeCredential } from '../storage/credentials';
import { listStates } from '../storage/queries';

/**
 * PUT /api/campaigns/{campaignId} (county): the campaign again with the `revision` it was read at
 * → 200 with the next revision. 409 when someone saved in between, when the standard would change
 * after townships reported, or when a township that reported would be dropped. A dropped
 * township's invitation links are revoked.
 */
export const handler = endpoint(async (req: HttpRequest) => {
  const { who, store, campaign: prev, etag, body } = await countyBodyScope(req, updateCampaignSchema);
  const c = prev.id;
  if (body.revision !== prev.revision) throw new ApiError('CAMPAIGN_REVISION_STALE', { seen: body.revision, current: prev.revision });
  const now = Date.now();
  const plan = await planCampaign(store, who.countyId, body, now, prev);
  const draft = plan.draft;
  const reported = new Set((await listStates(store, c)).keys());
  const edit = checkEdit(prev, draft, reported);
  if (edit.kind === 'schemeLocked') throw new ApiError('CAMPAIGN_SCHEME_LOCKED', { count: edit.count });
  if (edit.kind === 'townshipReported') throw new ApiError('CAMPAIGN_TOWNSHIP_REPORTED', { name: edit.name });

  const { warnings, ...fields } = draft;
  // The roster applied again (same roster and decisions: the same organizations, the same blob).
  const year = await yearAfterFields(store, plan, c, prev.createdAt);
  const doc: StoredCampaign = { ...prev, ...fields, ...year.fields, revision: prev.revision + 1, updatedAt: new Date(now).toISOString() };
  if ((await updateCampaign(store, doc, etag)) === 'conflict') throw new ApiError('CAMPAIGN_REVISION_STALE', { seen: body.revision, current: prev.revision + 1 });
  if (doc.orgs?.blob !== prev.orgs?.blob) await followCampaignRoster(store, doc).catch((e: unknown) => console.warn(`ledger follow of ${c} deferred:`, e));
  const dropped = new Set(prev.townships.filter((t) => !doc.townships.some((x) => x.id === t.id)).map((t) => t.id));
  if (dropped.size) {
    const creds = await listTownshipCredentials(store, who.countyId, c);
    await Promise.all(creds.filter((r) => !r.revokedAt && r.townshipId && dropped.has(r.townshipId)).map((r) => revokeCredential(store, r, who.id)));
  }
  return {
    status: 200,
    jsonBody: { ...publicCampaign(doc), warnings: shownIssues([...warnings, ...year.warnings]) },
    headers: { ETag: `"${doc.revision}"` },
  };
});

export const registration = { name: 'campaignUpdate', methods: ['PUT' as const], authLevel: 'anonymous' as const, route: 'campaigns/{campaignId}', handler };
app.http(registration.name, registration);
