// Who is calling and what they may touch. A township token reaches only its own township of its
// own campaign; a county token reaches every township of its campaign.
import type { HttpRequest } from '@azure/functions';
import { settings } from '../config';
import { ApiError } from '../http/errors';
import { verifyToken, type TokenClaims } from './token';

export function authenticate(req: HttpRequest): TokenClaims {
  const h = req.headers.get('authorization') ?? '';
  const m = /^Bearer\s+(\S+)\s*$/i.exec(h);
  if (!m?.[1]) throw new ApiError('AUTH_MISSING');
  const v = verifyToken(m[1], settings().secret);
  if (!v.ok) {
    if (v.reason === 'expired') throw new ApiError('AUTH_EXPIRED', { at: beijingTime(v.exp * 1000) });
    throw new ApiError('AUTH_INVALID');
  }
  return v.claims;
}

function beijingTime(ms: number): string {
  return new Date(ms + 8 * 3600_000).toISOString().replace('T', ' ').slice(0, 16) + '（北京时间）';
}

export function requireCampaign(c: TokenClaims, campaignId: string): void {
  if (c.campaignId !== campaignId) throw new ApiError('AUTH_OTHER_CAMPAIGN', { own: c.campaignId, other: campaignId });
}

export function requireCounty(c: TokenClaims, campaignId: string): void {
  requireCampaign(c, campaignId);
  if (c.role !== 'county') throw new ApiError('AUTH_COUNTY_ONLY');
}

/** The township itself or the county. */
export function requireTownshipOrCounty(c: TokenClaims, campaignId: string, townshipId: string): void {
  requireCampaign(c, campaignId);
  if (c.role === 'township' && c.townshipId !== townshipId) throw new ApiError('AUTH_OTHER_TOWNSHIP', { own: c.townshipId ?? '', other: townshipId });
}

/** Only the township itself: the county reviews, it does not report on a township's behalf. */
export function requireTownship(c: TokenClaims, campaignId: string, townshipId: string): void {
  requireCampaign(c, campaignId);
  if (c.role !== 'township') throw new ApiError('AUTH_TOWNSHIP_ONLY');
  if (c.townshipId !== townshipId) throw new ApiError('AUTH_OTHER_TOWNSHIP', { own: c.townshipId ?? '', other: townshipId });
}
