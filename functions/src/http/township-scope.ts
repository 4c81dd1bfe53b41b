// The head every request about one township of a campaign shares (its versions, its file, its
// status, its ledger, its targets, its template): who asks, the township itself or the county, the
// campaign scoped to the caller's county, the township in that campaign and, for a version, its
// record. In this order, so a township asking about another hears AUTH_OTHER_TOWNSHIP before any
// storage is read, and a version that does not exist answers like one never uploaded.
import type { HttpRequest } from '@azure/functions';
import { authenticate, requireTownshipOrCounty, type Caller } from '../auth/access';
import type { StoredCampaign } from '../storage/campaigns';
import type { VersionRecord } from '../storage/entities';
import { listVersions } from '../storage/queries';
import type { Store } from '../storage/store';
import { loadCampaign, param, township, versionParam } from './common';
import { ApiError } from './errors';

export interface TownshipScope {
  who: Caller;
  store: Store;
  campaign: StoredCampaign;
  township: { id: string; name: string };
}

/** …/campaigns/{campaignId}/townships/{townshipId}…, read by the township itself or its county. */
export async function townshipScope(req: HttpRequest): Promise<TownshipScope> {
  const who = await authenticate(req);
  const c = param(req, 'campaignId');
  const t = param(req, 'townshipId');
  requireTownshipOrCounty(who, c, t);
  const { store, campaign } = await loadCampaign(who, c);
  return { who, store, campaign, township: township(campaign, t) };
}

export interface VersionScope extends TownshipScope {
  version: VersionRecord;
  /** The version before it, for a diff; null for the first. */
  previous: VersionRecord | null;
}

/** …/townships/{townshipId}/versions/{version}…: the township's scope and that version's record. */
export async function versionScope(req: HttpRequest): Promise<VersionScope> {
  const scope = await townshipScope(req);
  const { campaign, township: tw } = scope;
  const v = versionParam(req, tw.name);
  const versions = await listVersions(scope.store, campaign.id, tw.id);
  const at = versions.findIndex((x) => x.version === v);
  const version = versions[at];
  if (!version) throw new ApiError('VERSION_NOT_FOUND', { township: tw.name, version: v });
  return { ...scope, version, previous: versions[at - 1] ?? null };
}
