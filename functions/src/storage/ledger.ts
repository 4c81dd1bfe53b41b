// Campaign documents in storage (one immutable blob per campaign):
//   blob  {campaign}/campaign.json   the campaign with its scheme and roster
// The rest of the storage layer is split by concern: store.ts (SDK), store-singleton.ts,
// entities.ts (zod-checked table entities), queries.ts (reads), submission-blobs.ts, retry.ts and
// commands.ts (upload commit and review, one transaction each).
import type { Scheme } from '../../../shared';
import type { Campaign } from '../../../shared/api/contract';
import type { Store } from './store';

export interface CampaignDoc extends Campaign {
  scheme: Scheme;
  roster: Record<string, Array<{ name: string; category?: string; orgType?: string }>>;
}

const campaignBlobName = (c: string) => `${c}/campaign.json`;

const encoder = new TextEncoder();
// Per store, so a process that is pointed at another storage account never sees old campaigns.
const campaignCaches = new WeakMap<Store, Map<string, CampaignDoc>>();
function cacheOf(store: Store): Map<string, CampaignDoc> {
  let cache = campaignCaches.get(store);
  if (!cache) campaignCaches.set(store, (cache = new Map()));
  return cache;
}

export async function putCampaign(store: Store, doc: CampaignDoc): Promise<boolean> {
  const r = await store.putBlobIfAbsent(campaignBlobName(doc.id), encoder.encode(JSON.stringify(doc)), 'application/json');
  return r === 'created';
}

/** Campaigns are immutable once created, so a process may keep them. */
export async function getCampaign(store: Store, id: string): Promise<CampaignDoc | null> {
  const campaignCache = cacheOf(store);
  const hit = campaignCache.get(id);
  if (hit) return hit;
  const b = await store.getBlob(campaignBlobName(id));
  if (!b) return null;
  const doc = JSON.parse(b.toString('utf8')) as CampaignDoc;
  campaignCache.set(id, doc);
  return doc;
}
