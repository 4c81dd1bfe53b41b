// Campaigns belong to a county and can be edited. Layout:
//   table PK=_campaigns|{county} RK={campaign}   the pointer: current revision's blob + a summary
//                                                  for the county's list; replaced under its ETag
//   blob  {campaign}/campaign/{sha256}.json       one revision of the campaign (immutable)
//   blob  {campaign}/campaign.json                the first revision, written once: it claims the
//                                                  id for its county across the whole deployment
// Looking a campaign up in the caller's own county partition is the scoping: another county's
// campaign is simply not there (404). Revision blobs are named by content, so a process may keep
// them; only the pointer is read on every request.
import { z } from 'zod';
import type { CampaignRosterEntry } from '../../../shared/api/contract';
import type { RosterDecision } from '../../../shared/roster/reconcile';
import { ContentCache } from './content-cache';
import { contentHash } from './content-hash';
import type { CampaignDoc } from './ledger';
import { ConflictError, type Entity, type Store } from './store';

export interface StoredCampaign extends CampaignDoc {
  countyId: string;
  revision: number;
  updatedAt: string;
  roster: Record<string, CampaignRosterEntry[]>;
  /** The organizations after this roster was applied (storage/orgs.ts); absent before they were kept. */
  orgs?: { blob: string; active: number } | null;
  /** The county's roster decisions against the predecessor, kept so an edit can apply them again. */
  decisions?: RosterDecision[];
}

export interface CampaignSummary {
  id: string;
  year: number;
  county: string;
  deadline: string;
  schemeId: string;
  townships: number;
  revision: number;
  createdAt: string;
  updatedAt: string;
  kind: 'grading' | 'lookback';
  previousId: string | null;
  reviewsId: string | null;
}

const partition = (county: string) => `_campaigns|${county}`;
const claimBlob = (c: string) => `${c}/campaign.json`;
const encoder = new TextEncoder();

const pointerEntity = z.object({
  blob: z.string(),
  revision: z.number().int(),
  year: z.number(),
  county: z.string(),
  deadline: z.string(),
  schemeId: z.string(),
  townships: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  // Stored as '' when there is none (tables cannot hold null); absent on campaigns made before them.
  kind: z.enum(['grading', 'lookback']).default('grading'),
  previousId: z.string().default('').transform((s) => s || null),
  reviewsId: z.string().default('').transform((s) => s || null),
  etag: z.string(),
});

function revisionBlob(doc: StoredCampaign): { name: string; bytes: Uint8Array } {
  const bytes = encoder.encode(JSON.stringify(doc));
  return { name: `${doc.id}/campaign/${contentHash(bytes)}.json`, bytes };
}

function pointerProps(doc: StoredCampaign, blob: string): Entity {
  return {
    blob,
    revision: doc.revision,
    year: doc.year,
    county: doc.county,
    deadline: doc.deadline,
    schemeId: doc.schemeId,
    townships: doc.townships.length,
    createdAt: doc.createdAt,
    updatedAt: doc.updatedAt,
    kind: doc.kind ?? 'grading',
    previousId: doc.previousId ?? '',
    reviewsId: doc.reviewsId ?? '',
  };
}

// Content-named blobs never change, so caching them is always right; bounded by bytes so a few
// large rosters cannot hold the memory a few hundred small campaigns would.
const docCache = new ContentCache<StoredCampaign>(16 * 1024 * 1024, 200);

async function readRevision(store: Store, blob: string): Promise<StoredCampaign> {
  const hit = docCache.get(blob);
  if (hit) return hit;
  const b = await store.getBlob(blob);
  // The pointer is written after its blob, so a missing blob is a storage fault.
  if (!b) throw new Error(`campaign blob ${blob} is missing`);
  const doc = JSON.parse(b.toString('utf8')) as StoredCampaign;
  docCache.set(blob, doc, b.length);
  return doc;
}

/**
 * Creates a campaign for its county. 'exists' when the id is taken — by this county or another
 * (the answer is the same, so it says nothing about another county's campaigns).
 */
export async function createCampaign(store: Store, doc: StoredCampaign): Promise<'created' | 'exists'> {
  const rev = revisionBlob(doc);
  await store.putBlobIfAbsent(rev.name, rev.bytes, 'application/json');
  const claimed = await store.putBlobIfAbsent(claimBlob(doc.id), encoder.encode(JSON.stringify(doc)), 'application/json');
  if (claimed === 'exists') {
    // A retry after a fault between the claim and the pointer finds its own claim: carry on.
    const b = await store.getBlob(claimBlob(doc.id));
    const owner = b ? (JSON.parse(b.toString('utf8')) as { countyId?: unknown }).countyId : undefined;
    if (owner !== doc.countyId) return 'exists';
  }
  const pk = partition(doc.countyId);
  try {
    await store.transact(pk, [{ op: 'create', pk, rk: doc.id, props: pointerProps(doc, rev.name) }]);
    return 'created';
  } catch (e) {
    if (e instanceof ConflictError) return 'exists';
    throw e;
  }
}

/** The county's campaign with the ETag of its pointer, or null (none, or another county's). */
export async function getCountyCampaign(store: Store, county: string, id: string): Promise<{ campaign: StoredCampaign; etag: string } | null> {
  const e = await store.getEntity(partition(county), id);
  if (!e) return null;
  const p = pointerEntity.parse(e);
  return { campaign: await readRevision(store, p.blob), etag: p.etag };
}

/** Every campaign of a county, newest year first (then newest created). */
export async function listCampaigns(store: Store, county: string): Promise<CampaignSummary[]> {
  const rows = await store.listEntities(partition(county), '');
  return rows
    .map((e) => {
      const { blob: _b, etag: _e, ...p } = pointerEntity.parse(e);
      return { id: e.rowKey, ...p };
    })
    .sort((a, b) => b.year - a.year || b.createdAt.localeCompare(a.createdAt));
}

/** Writes the next revision; 'conflict' when the pointer moved since `etag` was read. */
export async function updateCampaign(store: Store, doc: StoredCampaign, etag: string): Promise<'updated' | 'conflict'> {
  const rev = revisionBlob(doc);
  await store.putBlobIfAbsent(rev.name, rev.bytes, 'application/json');
  const pk = partition(doc.countyId);
  try {
    await store.transact(pk, [{ op: 'replace', pk, rk: doc.id, props: pointerProps(doc, rev.name), etag }]);
    return 'updated';
  } catch (e) {
    if (e instanceof ConflictError) return 'conflict';
    throw e;
  }
}
