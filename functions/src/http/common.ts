// Small pieces every endpoint shares: route parameters, the campaign lookup, public views.
import type { HttpRequest } from '@azure/functions';
import type { Campaign } from '../../../shared/api/contract';
import { idSchema } from '../../../shared/api/contract';
import { getCampaign, type CampaignDoc } from '../storage/ledger';
import { getStore } from '../storage/store-singleton';
import type { Store } from '../storage/store';
import { ApiError } from './errors';

export function param(req: HttpRequest, name: string): string {
  const v = req.params[name] ?? '';
  if (!idSchema.safeParse(v).success) throw new ApiError(name === 'campaignId' ? 'CAMPAIGN_NOT_FOUND' : 'TOWNSHIP_NOT_FOUND', { id: v });
  return v;
}

export async function loadCampaign(id: string): Promise<{ store: Store; campaign: CampaignDoc }> {
  const store = await getStore();
  const campaign = await getCampaign(store, id);
  if (!campaign) throw new ApiError('CAMPAIGN_NOT_FOUND', { id });
  return { store, campaign };
}

export function township(campaign: CampaignDoc, id: string): { id: string; name: string } {
  const t = campaign.townships.find((x) => x.id === id);
  if (!t) throw new ApiError('TOWNSHIP_NOT_FOUND', { id });
  return t;
}

/** The contract's Campaign plus the scheme, so a page can check a sheet with the county's own rules. */
export function publicCampaign(c: CampaignDoc): Campaign & { scheme: CampaignDoc['scheme'] } {
  return { id: c.id, year: c.year, county: c.county, deadline: c.deadline, townships: c.townships, schemeId: c.schemeId, schemeFingerprint: c.schemeFingerprint, createdAt: c.createdAt, scheme: c.scheme };
}

/** attachment; filename="ascii"; filename*=UTF-8''… so browsers and Excel keep the Chinese name. */
export function attachment(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

export function actorOf(c: { role: string; townshipId: string | null }): string {
  return c.role === 'county' ? 'county' : `township:${c.townshipId ?? ''}`;
}
