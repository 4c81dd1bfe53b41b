// Small pieces every endpoint shares: route parameters, the campaign lookup scoped to the caller's
// county, public views.
import type { HttpRequest } from '@azure/functions';
import type { z } from 'zod';
import type { CampaignDetail } from '../../../shared/api/contract';
import { idSchema } from '../../../shared/api/contract';
import { jsonShape } from '../../../shared/api/json-shape';
import { fieldPath } from '../../../shared/api/zod-zh';
import { makeIssue } from '../../../shared/issues/catalogue';
import type { BuildOutcome, CampaignDraft } from '../../../shared/campaign/build';
import type { Caller } from '../auth/access';
import { getCountyCampaign, type StoredCampaign } from '../storage/campaigns';
import { getStore } from '../storage/store-singleton';
import type { Store } from '../storage/store';
import { ApiError } from './errors';
import { readJson } from './handler';

export function param(req: HttpRequest, name: string): string {
  const v = req.params[name] ?? '';
  if (!idSchema.safeParse(v).success) throw new ApiError(name === 'campaignId' ? 'CAMPAIGN_NOT_FOUND' : 'TOWNSHIP_NOT_FOUND', { id: v });
  return v;
}

/**
 * A JSON body checked by its contract schema. A refusal names the first field in Chinese in its
 * message and lists every field's problem in `issues` (each one short enough to be read whole).
 * `labels`: the route's own names for its fields, where the shared ones (FIELD_LABELS) mean something else.
 */
export async function parseBody<S extends z.ZodType>(req: HttpRequest, schema: S, labels?: Readonly<Record<string, string>>): Promise<z.output<S>> {
  const parsed = schema.safeParse(await readJson(req, jsonShape(schema), labels));
  if (parsed.success) return parsed.data;
  const all = parsed.error.issues.map((i) => ({ field: fieldPath(i.path, labels), problem: i.message }));
  const [first] = all;
  const issues = all.map((p) => makeIssue('REQUEST_FIELD_INVALID', p));
  throw new ApiError('REQUEST_FIELD_INVALID', { field: first?.field ?? '请求内容', problem: first?.problem ?? '格式不正确', ...(all.length > 1 ? { more: all.length - 1 } : {}) }, issues);
}

/** buildCampaign's refusals as the API answers them. */
export function draftOrRefuse(o: BuildOutcome): CampaignDraft {
  switch (o.kind) {
    case 'ok':
      return o.draft;
    case 'schemeInvalid':
      throw new ApiError('CAMPAIGN_SCHEME_INVALID', { detail: o.detail });
    case 'townshipIdDuplicate':
      throw new ApiError('CAMPAIGN_TOWNSHIP_DUPLICATE', { id: o.id });
    case 'townshipNameDuplicate':
      throw new ApiError('CAMPAIGN_TOWNSHIP_NAME_DUPLICATE', { name: o.name });
    case 'rosterUnknown':
      throw new ApiError('CAMPAIGN_ROSTER_UNKNOWN', { id: o.key });
    case 'rosterRefused':
      throw new ApiError('CAMPAIGN_ROSTER_REFUSED', { errors: o.issues.filter((i) => i.severity === 'error').length }, o.issues);
  }
}

/**
 * The campaign as the caller may see it. It is looked up among the caller's county's campaigns
 * only, so another county's campaign answers exactly like one that does not exist (404). A
 * township credential reaches its own campaign only.
 */
export async function loadCampaign(who: Caller, id: string): Promise<{ store: Store; campaign: StoredCampaign; etag: string }> {
  const store = await getStore();
  if (who.role === 'township' && who.campaignId !== id) throw new ApiError('AUTH_OTHER_CAMPAIGN', { own: who.campaignId ?? '', other: id });
  // An id from a query (roster/parse?campaign=) as from a route: "../x" is no table key, and
  // storage answered it with a 500 that read as "storage unavailable" (503).
  if (!idSchema.safeParse(id).success) throw new ApiError('CAMPAIGN_NOT_FOUND', { id });
  const found = await getCountyCampaign(store, who.countyId, id);
  if (!found) throw new ApiError('CAMPAIGN_NOT_FOUND', { id });
  return { store, ...found };
}

/** A version number from the route: a positive integer, else the "no such version" answer. */
export function versionParam(req: HttpRequest, townshipName: string): number {
  const raw = req.params.version ?? '';
  const n = /^[1-9]\d{0,5}$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isFinite(n)) throw new ApiError('VERSION_NOT_FOUND', { township: townshipName, version: raw });
  return n;
}

export function township(campaign: StoredCampaign, id: string): { id: string; name: string } {
  const t = campaign.townships.find((x) => x.id === id);
  if (!t) throw new ApiError('TOWNSHIP_NOT_FOUND', { id });
  return t;
}

/** The campaign with its scheme, so a page checks a sheet with the county's own rules. A township sees its own roster only. */
export function publicCampaign(c: StoredCampaign, who?: Pick<Caller, 'role' | 'townshipId'>): CampaignDetail {
  const roster = who?.role === 'township' ? Object.fromEntries(Object.entries(c.roster).filter(([t]) => t === who.townshipId)) : c.roster;
  return {
    id: c.id,
    year: c.year,
    county: c.county,
    countyId: c.countyId,
    deadline: c.deadline,
    townships: c.townships,
    schemeId: c.schemeId,
    schemeFingerprint: c.schemeFingerprint,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
    revision: c.revision,
    scheme: c.scheme,
    roster,
    kind: c.kind ?? 'grading',
    previousId: c.previousId ?? null,
    reviewsId: c.reviewsId ?? null,
  };
}

/** attachment; filename="ascii"; filename*=UTF-8''… so browsers and Excel keep the Chinese name. */
export function attachment(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

/**
 * Who an audit entry names. A county has several clerks, each with a credential of their own
 * (npm run token): "county" alone could not tell whose 通过 or 退回 it was, so the credential's id
 * is kept with it (its record has the label and the dates).
 */
export function actorOf(c: { role: string; id: string; townshipId: string | null }): string {
  return c.role === 'county' ? `county:${c.id}` : `township:${c.townshipId ?? ''}`;
}
