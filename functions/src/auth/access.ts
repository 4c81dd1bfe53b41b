// Who is calling and what they may touch. Every request's token is checked against its record:
// a revoked or expired credential is refused with the date and whom to ask. A county credential
// reaches every campaign of its county (campaign scoping is the lookup in http/common.ts); a
// township credential reaches its own township of its own campaign.
import type { HttpRequest } from '@azure/functions';
import { beijingText } from '../../../shared/consolidate/deadline';
import { settings } from '../config';
import { ApiError } from '../http/errors';
import { getCounty, getCredential, type CredentialRecord } from '../storage/credentials';
import { getStore } from '../storage/ledger';
import type { Store } from '../storage/store';
import { claimsText, verifyToken, type Role } from './token';

export interface Caller extends CredentialRecord {
  role: Role;
}

/** "青山县" → "青山县委组织部": whom a township asks for a new link. */
export function countyDepartment(countyName: string): string {
  return countyName ? `${countyName}委组织部` : '县委组织部';
}

async function whomToAsk(store: Store, r: CredentialRecord): Promise<string> {
  if (r.kind === 'county') return '系统管理员';
  const county = await getCounty(store, r.countyId);
  return countyDepartment(county?.name ?? '');
}

function bearer(req: HttpRequest): string {
  const h = req.headers.get('authorization') ?? '';
  const m = /^Bearer\s+(\S+)\s*$/i.exec(h);
  if (!m?.[1]) throw new ApiError('AUTH_MISSING');
  return m[1];
}

export async function authenticate(req: HttpRequest, now = Date.now()): Promise<Caller> {
  const v = verifyToken(bearer(req), settings().secret);
  if (!v.ok) throw new ApiError('AUTH_INVALID');
  const c = v.claims;
  const store = await getStore();
  const kind: Role = c.k === 'c' ? 'county' : 'township';
  const rec = await getCredential(store, { id: c.id, kind, countyId: c.cty, campaignId: c.cmp ?? null, townshipId: c.tsp ?? null });
  // The token must be exactly its record's: a record issued again under the same id with other
  // dates or scope does not honour an older token.
  if (!rec || claimsText(rec) !== v.body) throw new ApiError('AUTH_INVALID');
  if (rec.revokedAt) throw new ApiError('AUTH_REVOKED', { at: beijingText(rec.revokedAt), ask: await whomToAsk(store, rec) });
  if (Date.parse(rec.expiresAt) <= now) throw new ApiError('AUTH_LINK_EXPIRED', { at: beijingText(rec.expiresAt), ask: await whomToAsk(store, rec) });
  const { etag: _e, ...record } = rec;
  return { ...record, role: kind };
}

export function requireCounty(c: Caller): void {
  if (c.role !== 'county') throw new ApiError('AUTH_COUNTY_ONLY');
}

function requireOwnCampaign(c: Caller, campaignId: string): void {
  if (c.role === 'township' && c.campaignId !== campaignId) throw new ApiError('AUTH_OTHER_CAMPAIGN', { own: c.campaignId ?? '', other: campaignId });
}

/** The township itself or its county. */
export function requireTownshipOrCounty(c: Caller, campaignId: string, townshipId: string): void {
  requireOwnCampaign(c, campaignId);
  if (c.role === 'township' && c.townshipId !== townshipId) throw new ApiError('AUTH_OTHER_TOWNSHIP', { own: c.townshipId ?? '', other: townshipId });
}

/** Only the township itself: the county reviews, it does not report on a township's behalf. */
export function requireTownship(c: Caller, campaignId: string, townshipId: string): void {
  if (c.role !== 'township') throw new ApiError('AUTH_TOWNSHIP_ONLY');
  requireTownshipOrCounty(c, campaignId, townshipId);
}
