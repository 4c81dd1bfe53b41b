// The ledger after a roster change (source 000, 吉林: the 定级台账 is managed dynamically — new,
// merged and dissolved organizations are added and removed). Items follow a renamed or moved
// organization and pass to the organization another was merged into; the unfinished items of
// a dissolved one are 已撤销. Closed items keep their history as it was.
import type { RosterEventRecord } from '../roster/apply';
import { successorOf, type OrgIdentity } from '../roster/identity';
import { LedgerBatch } from './changes';
import { UNCLOSED_STATUSES, type Actor, type LedgerChangeSet, type LedgerItem } from './types';

const SYSTEM: Actor = { role: 'system' };

export function followRoster(items: readonly LedgerItem[], events: readonly RosterEventRecord[], identities: readonly OrgIdentity[], campaignId: string, at: string): LedgerChangeSet {
  const batch = new LedgerBatch(items);
  const ctx = { at, campaignId };
  const byId = new Map(identities.map((o) => [o.id, o]));
  const touched = new Set(events.filter((e) => e.event.kind !== 'created' && e.event.kind !== 'absorbed').map((e) => e.orgId));
  for (const item of batch.all()) {
    if (!touched.has(item.orgId) || item.status === 'void') continue;
    const to = successorOf(byId, item.orgId);
    if (to === null) {
      if (UNCLOSED_STATUSES.includes(item.status)) batch.act(item, { kind: 'void', comment: '党组织已撤销' }, SYSTEM, ctx);
      continue;
    }
    batch.act(item, { kind: 'follow', orgId: to.id, orgName: to.name, townshipId: to.townshipId }, SYSTEM, ctx);
  }
  return batch.result();
}
