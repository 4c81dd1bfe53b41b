// The county's ledger kept in step with what is stored. Two things change it besides the county's
// and townships' actions: a township's upload (its grades and 整改台账 lines) and a campaign's
// roster (renamed, merged, dissolved organizations). Each effect is an idempotent function of what
// is stored — the township's current version; the campaign's organizations — written with a
// marker saying which version (which organizations) it reflects. An upload is stored first and
// synced after: if the sync fails (storage busy, a race lost twelve times), the upload still
// stands, its receipt says the ledger will follow, and the next read of the ledger (ensureLedger)
// finds the marker behind the pointer and runs the sync again. So the ledger never holds half of
// an upload, and a missed sync lasts only until someone looks.
import type { Issue } from '../../../shared/issues/types';
import { followRoster } from '../../../shared/ledger/follow';
import { keepsLedger, ledgerOfSubmission } from '../../../shared/ledger/submission';
import type { LedgerChangeSet, LedgerItem } from '../../../shared/ledger/types';
import type { OrgIdentity } from '../../../shared/roster/identity';
import type { Submission } from '../../../shared/submission/types';
import type { StoredCampaign } from '../storage/campaigns';
import { getFollowMarker, getSyncMarker, listItems, listSyncMarkers, writeLedger, type StoredItem } from '../storage/ledger-items';
import { getOrgs } from '../storage/orgs';
import { getState, listStates } from '../storage/queries';
import { retryOnConflict } from '../storage/retry';
import type { Store } from '../storage/store';
import { readStoredSubmission } from '../storage/submission-blobs';

function etagsOf(items: readonly StoredItem[]): Map<string, string> {
  return new Map(items.map((s) => [s.item.id, s.etag]));
}

function townshipNames(c: StoredCampaign): Record<string, string> {
  return Object.fromEntries(c.townships.map((t) => [t.id, t.name]));
}

/** What an upload of township `t` does to the ledger, and the county's items it was worked out on (no write). */
export interface UploadLedger {
  changes: LedgerChangeSet;
  items: readonly StoredItem[];
  /** The campaign's organizations it was checked against (whose spelling the upload is stored with). */
  identities: readonly OrgIdentity[];
}

/** What an upload of township `t` does to the ledger, over the items given or else read now; null when its uploads keep no ledger. */
export async function uploadLedgerChanges(store: Store, campaign: StoredCampaign, t: string, sub: Submission, at: string, items?: readonly StoredItem[], previous?: Submission): Promise<UploadLedger | null> {
  if (!campaign.orgs) return null;
  const snap = await getOrgs(store, campaign.orgs.blob);
  if (!keepsLedger(snap.identities, t)) return null;
  const read = items ?? (await listItems(store, campaign.countyId));
  const changes = ledgerOfSubmission({
    scheme: campaign.scheme,
    campaignId: campaign.id,
    townshipId: t,
    townshipNames: townshipNames(campaign),
    identities: snap.identities,
    sub,
    items: read.map((s) => s.item),
    at,
    complete: campaign.kind !== 'lookback',
    ...(previous ? { previous } : {}),
  });
  return { changes, items: read, identities: snap.identities };
}

/** The version an upload just stored, as the uploader holds it. */
export interface KnownVersion {
  hash: string;
  submission: Submission;
  /**
   * The county's items as the upload's check read them, before it was stored. The sync's first try
   * works on them instead of listing the ledger again (a county's whole ledger, per upload): their
   * ETags make a write over anything changed since fail and the try run again on a fresh list.
   */
  items?: readonly StoredItem[];
}

/** What a sync said, and the county's items as it left them (when it worked them out). */
export interface LedgerSync {
  issues: Issue[];
  /**
   * The items it read with its own changes applied: what a 回头看 upload's flags are worked out
   * on, instead of listing the county's ledger once more. Absent when the ledger was already at
   * the township's version.
   */
  items?: readonly LedgerItem[];
}

/**
 * Brings township `t`'s ledger up to its current version (or finds it there) and returns what the
 * sync said. Under the items' ETags and the marker's: a concurrent action or sync makes it read
 * again, and a reread that finds the marker at the current version is done.
 */
export async function syncTownshipLedger(store: Store, campaign: StoredCampaign, t: string, known?: KnownVersion): Promise<LedgerSync> {
  if (!campaign.orgs) return { issues: [] };
  // Items read before the roster was followed here are not the ones to work on.
  const first = (await followCampaignRoster(store, campaign)) ? undefined : known?.items;
  const county = campaign.countyId;
  return retryOnConflict(`ledger ${campaign.id}/${t}`, async (n) => {
    const [state, marker] = await Promise.all([getState(store, campaign.id, t), getSyncMarker(store, county, campaign.id, t)]);
    if (!state || marker?.hash === state.currentHash) return { issues: marker?.issues ?? [] };
    // Right after an upload the caller holds the submission the pointer names (blobs are named by
    // their content): no need to read back what was just written.
    const stored = known?.hash === state.currentHash ? { submission: known.submission } : await readStoredSubmission(store, campaign.id, t, state.currentHash);
    // The pointer names a blob written before it: a missing one is storage corruption.
    if (!stored) throw new Error(`stored submission ${campaign.id}/${t}/${state.currentHash} is missing`);
    // Only the first try may use the items handed in: a conflict means they are stale.
    const items = (n === 0 ? first : undefined) ?? (await listItems(store, county));
    // The version the ledger reflected before: what it graded 较差 is not graded so "again".
    const previous = marker ? (await readStoredSubmission(store, campaign.id, t, marker.hash))?.submission : undefined;
    const cs = (await uploadLedgerChanges(store, campaign, t, stored.submission, state.receivedAt, items, previous))?.changes;
    const marked = { kind: 'sync' as const, campaignId: campaign.id, townshipId: t, hash: state.currentHash, version: state.currentVersion, at: state.receivedAt, etag: marker?.etag ?? null };
    await writeLedger(store, county, cs?.changed ?? [], cs?.events ?? [], etagsOf(items), { ...marked, issues: cs?.issues ?? [] });
    return { issues: cs?.issues ?? [], items: cs?.items ?? items.map((s) => s.item) };
  });
}

/**
 * The ledger after the campaign's roster changes (a successor campaign: items follow renamed and
 * merged organizations, those of dissolved ones are 已撤销), once per organizations blob. True
 * when this call wrote it.
 */
export async function followCampaignRoster(store: Store, campaign: StoredCampaign): Promise<boolean> {
  const orgs = campaign.orgs;
  if (!campaign.previousId || !orgs) return false;
  const county = campaign.countyId;
  return retryOnConflict(`follow ${campaign.id}`, async () => {
    const marker = await getFollowMarker(store, county, campaign.id);
    if (marker?.orgs === orgs.blob) return false;
    const [snap, items] = await Promise.all([getOrgs(store, orgs.blob), listItems(store, county)]);
    const cs = followRoster(
      items.map((s) => s.item),
      snap.events,
      snap.identities,
      campaign.id,
      campaign.updatedAt,
    );
    await writeLedger(store, county, cs.changed, cs.events, etagsOf(items), { kind: 'follow', campaignId: campaign.id, orgs: orgs.blob, at: campaign.updatedAt, etag: marker?.etag ?? null });
    return true;
  });
}

/** Every township of the campaign synced with its current version, and its roster followed. */
export async function ensureLedger(store: Store, campaign: StoredCampaign): Promise<void> {
  if (!campaign.orgs) return;
  await followCampaignRoster(store, campaign);
  const [states, markers] = await Promise.all([listStates(store, campaign.id), listSyncMarkers(store, campaign.countyId, campaign.id)]);
  for (const [t, s] of states) if (markers.get(t)?.hash !== s.currentHash) await syncTownshipLedger(store, campaign, t);
}
