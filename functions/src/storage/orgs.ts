// The organizations of a campaign: every identity after its roster was applied (the active ones
// are this campaign's roster; dissolved and merged ones keep their history), and the roster
// events that produced them. One immutable blob per campaign revision, named by its content:
//   blob  {campaign}/orgs/{sha256}.json   { format: 1, campaignId, identities, events }
// The campaign revision names its blob (StoredCampaign.orgs), so a campaign and its organizations
// are always read together, and a successor reads its predecessor's by following that name. A
// blob per campaign (rather than table rows per organization) because the roster is decided as a
// whole — reconciled, confirmed and applied at once — and read as a whole by every consumer
// (uploads, ledger, targets); it is never changed one organization at a time.
import { z } from 'zod';
import { orgEventSchema, orgIdentitySchema } from '../../../shared/api/ledger';
import type { RosterEventRecord } from '../../../shared/roster/apply';
import type { OrgIdentity } from '../../../shared/roster/identity';
import { ContentCache } from './content-cache';
import { contentHash } from './content-hash';
import { parseBlob } from './submission-blobs';
import type { Store } from './store';

export interface OrgSnapshot {
  format: 1;
  campaignId: string;
  identities: OrgIdentity[];
  events: RosterEventRecord[];
}

const snapshotSchema = z.object({
  format: z.literal(1),
  campaignId: z.string(),
  identities: z.array(orgIdentitySchema),
  events: z.array(z.object({ orgId: z.string(), event: orgEventSchema })),
});

const encoder = new TextEncoder();
// Content-named, so a kept snapshot is always right; bounded by bytes (a province-size campaign's
// organizations are megabytes).
const cache = new ContentCache<OrgSnapshot>(16 * 1024 * 1024, 50);

/** Writes the snapshot (idempotent: same content, same name) and returns the blob's name. */
export async function putOrgs(store: Store, snap: OrgSnapshot): Promise<string> {
  const bytes = encoder.encode(JSON.stringify(snap));
  const name = `${snap.campaignId}/orgs/${contentHash(bytes)}.json`;
  await store.putBlobIfAbsent(name, bytes, 'application/json');
  return name;
}

/** The snapshot a campaign revision names; content-named, so a process may keep it. */
export async function getOrgs(store: Store, name: string): Promise<OrgSnapshot> {
  const hit = cache.get(name);
  if (hit) return hit;
  const b = await store.getBlob(name);
  // The campaign revision is written after its organizations: a missing blob is a storage fault.
  if (!b) throw new Error(`organizations blob ${name} is missing`);
  const snap: OrgSnapshot = parseBlob(name, b, snapshotSchema);
  cache.set(name, snap, b.length);
  return snap;
}
