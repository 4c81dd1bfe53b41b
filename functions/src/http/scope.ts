// The heads requests share, so each handler starts with one line: who asks, whether they may, and
// the campaign (scoped to the caller's county) with, for a township's routes, the township and,
// for a version, its record. The order is the same everywhere: the credential first, then the
// caller's right (a township asking about another hears AUTH_OTHER_TOWNSHIP before any storage is
// read), then the body, then storage.
import type { HttpRequest } from '@azure/functions';
import type { z } from 'zod';
import { authenticate, requireCounty, requireTownshipOrCounty, type Caller } from '../auth/access';
import type { StoredCampaign } from '../storage/campaigns';
import type { VersionRecord } from '../storage/entities';
import { listVersions } from '../storage/queries';
import type { Store } from '../storage/store';
import { loadCampaign, param, parseBody, township, versionParam } from './common';
import { ApiError } from './errors';

export interface CampaignScope {
  who: Caller;
  store: Store;
  campaign: StoredCampaign;
  /** The campaign's ETag, for a write that must not overwrite a newer revision. */
  etag: string;
}

/** …/campaigns/{campaignId}…, for the county only. */
export async function countyScope(req: HttpRequest): Promise<CampaignScope> {
  const who = await authenticate(req);
  requireCounty(who);
  return { who, ...(await loadCampaign(who, param(req, 'campaignId'))) };
}

/** The same with a JSON body, checked by its schema before storage is read. */
export async function countyBodyScope<S extends z.ZodType>(req: HttpRequest, schema: S): Promise<CampaignScope & { body: z.output<S> }> {
  const who = await authenticate(req);
  requireCounty(who);
  const c = param(req, 'campaignId');
  const body = await parseBody(req, schema);
  return { who, body, ...(await loadCampaign(who, c)) };
}

export interface TownshipScope extends CampaignScope {
  township: { id: string; name: string };
}

/** …/campaigns/{campaignId}/townships/{townshipId}…, read by the township itself or its county. */
export async function townshipScope(req: HttpRequest): Promise<TownshipScope> {
  const who = await authenticate(req);
  const c = param(req, 'campaignId');
  const t = param(req, 'townshipId');
  requireTownshipOrCounty(who, c, t);
  const found = await loadCampaign(who, c);
  return { who, ...found, township: township(found.campaign, t) };
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
