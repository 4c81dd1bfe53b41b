// The county's rectification ledger as table entities. Items belong to the county, not to a
// campaign (an item opened by last year's grading is still worked on this year), so they live in
// the county's own partition, and every write to it is one entity-group transaction:
//   PK=_ledger|{county} RK=item|{id}                   one item: its record (zod-checked JSON) under its ETag
//   PK=_ledger|{county} RK=audit|{at}|{item}|{n}       one event of an item, append-only (n: its place in the item's history)
//   PK=_ledger|{county} RK=sync|{campaign}|{township}  the stored version the township's ledger was last synced with, and what the sync said
//   PK=_ledger|{county} RK=follow|{campaign}           the campaign's roster changes were followed (its organizations blob)
// Items changed together are written with their events in one transaction (an item under the ETag
// read before it was changed, a new one created), so an item and its audit trail never disagree;
// a marker goes in the last transaction, so it is only there once everything it vouches for is.
import { z } from 'zod';
import { issueSchema } from '../../../shared/api/base';
import { ledgerEventSchema, ledgerItemSchema } from '../../../shared/api/ledger';
import type { Issue } from '../../../shared/issues/types';
import type { LedgerEvent, LedgerItem } from '../../../shared/ledger/types';
import { jsonText, parse } from './entities';
import type { Entity, Store, TxOp } from './store';

export const ledgerPartition = (county: string) => `_ledger|${county}`;

const rk = {
  itemPrefix: 'item|',
  item: (id: string) => `item|${id}`,
  auditPrefix: 'audit|',
  audit: (at: string, itemId: string, n: number) => `audit|${at}|${itemId}|${String(n).padStart(4, '0')}`,
  syncPrefix: (c: string) => `sync|${c}|`,
  sync: (c: string, t: string) => `sync|${c}|${t}`,
  follow: (c: string) => `follow|${c}`,
};

/** Entity-group transactions hold at most 100 operations. */
const MAX_OPS = 100;
/** Issues kept on a marker (a table property holds 32K characters). */
const MAX_MARKER_ISSUES = 60;

const itemEntity = z.object({ doc: jsonText(ledgerItemSchema) });
const syncEntity = z.object({ hash: z.string(), version: z.number().int(), at: z.string(), issues: jsonText(z.array(issueSchema)) });
const followEntity = z.object({ orgs: z.string(), at: z.string() });

export interface StoredItem {
  item: LedgerItem;
  etag: string;
}

// The schema's output is the item as the engine types it (checked here once, at compile time).
const toItem = (d: z.infer<typeof ledgerItemSchema>): LedgerItem => d;

function itemProps(i: LedgerItem): Entity {
  // Plain columns beside the record, for whoever reads the table by eye.
  return { doc: JSON.stringify(i), status: i.status, townshipId: i.townshipId, orgName: i.orgName, campaignId: i.campaignId };
}

export async function listItems(store: Store, county: string): Promise<StoredItem[]> {
  const rows = await store.listEntities(ledgerPartition(county), rk.itemPrefix);
  return rows.map((e) => ({ item: toItem(parse(itemEntity, e).doc), etag: e.etag }));
}

export async function getItem(store: Store, county: string, id: string): Promise<StoredItem | null> {
  const e = await store.getEntity(ledgerPartition(county), rk.item(id));
  return e ? { item: toItem(parse(itemEntity, e).doc), etag: e.etag } : null;
}

export interface SyncMarker {
  hash: string;
  version: number;
  at: string;
  issues: Issue[];
  etag: string;
}

/** The townships' sync markers of a campaign, by township id. */
export async function listSyncMarkers(store: Store, county: string, campaignId: string): Promise<Map<string, SyncMarker>> {
  const prefix = rk.syncPrefix(campaignId);
  const rows = await store.listEntities(ledgerPartition(county), prefix);
  return new Map(rows.map((e) => [e.rowKey.slice(prefix.length), { ...parse(syncEntity, e), etag: e.etag }]));
}

export async function getSyncMarker(store: Store, county: string, campaignId: string, townshipId: string): Promise<SyncMarker | null> {
  const e = await store.getEntity(ledgerPartition(county), rk.sync(campaignId, townshipId));
  return e ? { ...parse(syncEntity, e), etag: e.etag } : null;
}

export async function getFollowMarker(store: Store, county: string, campaignId: string): Promise<{ orgs: string; etag: string } | null> {
  const e = await store.getEntity(ledgerPartition(county), rk.follow(campaignId));
  return e ? { ...parse(followEntity, e), etag: e.etag } : null;
}

export type Marker =
  | { kind: 'sync'; campaignId: string; townshipId: string; hash: string; version: number; at: string; issues: Issue[]; etag: string | null }
  | { kind: 'follow'; campaignId: string; orgs: string; at: string; etag: string | null };

function markerOp(pk: string, m: Marker): TxOp {
  const props: Entity =
    m.kind === 'sync'
      ? { hash: m.hash, version: m.version, at: m.at, issues: JSON.stringify(m.issues.slice(0, MAX_MARKER_ISSUES).map(({ params: _p, ...rest }) => rest)) }
      : { orgs: m.orgs, at: m.at };
  const key = m.kind === 'sync' ? rk.sync(m.campaignId, m.townshipId) : rk.follow(m.campaignId);
  return m.etag ? { op: 'replace', pk, rk: key, props, etag: m.etag } : { op: 'create', pk, rk: key, props };
}

/**
 * Writes changed items with their events, and a marker after them. `etags` holds the ETag each
 * existing item was read with (absent: a new item, created). Items and their events go together,
 * as many per transaction as fit; the marker in the last one. A ConflictError means someone
 * changed an item (or the marker) since it was read: nothing of that transaction was written, and
 * the caller reads again (retryOnConflict) — work already written is found done by the reread.
 */
export async function writeLedger(store: Store, county: string, changed: readonly LedgerItem[], events: readonly LedgerEvent[], etags: ReadonlyMap<string, string>, marker?: Marker): Promise<void> {
  const pk = ledgerPartition(county);
  const eventsOf = new Map<string, LedgerEvent[]>();
  for (const e of events) eventsOf.set(e.itemId, [...(eventsOf.get(e.itemId) ?? []), e]);
  const groups: TxOp[][] = changed.map((item) => {
    const etag = etags.get(item.id);
    const ops: TxOp[] = [etag ? { op: 'replace', pk, rk: rk.item(item.id), props: itemProps(item), etag } : { op: 'create', pk, rk: rk.item(item.id), props: itemProps(item) }];
    for (const e of eventsOf.get(item.id) ?? []) {
      const n = item.history.indexOf(e);
      ops.push({ op: 'create', pk, rk: rk.audit(e.at, item.id, n < 0 ? item.history.length : n), props: auditProps(e) });
    }
    return ops;
  });
  const tx: TxOp[][] = [];
  let cur: TxOp[] = [];
  for (const g of groups) {
    if (cur.length && cur.length + g.length > MAX_OPS) {
      tx.push(cur);
      cur = [];
    }
    cur.push(...g);
  }
  if (marker) {
    if (cur.length + 1 > MAX_OPS) {
      tx.push(cur);
      cur = [];
    }
    cur.push(markerOp(pk, marker));
  }
  if (cur.length) tx.push(cur);
  for (const ops of tx) await store.transact(pk, ops);
}

function auditProps(e: LedgerEvent): Entity {
  const by = e.by.role === 'township' ? `township:${e.by.townshipId}` : e.by.role;
  return { at: e.at, itemId: e.itemId, orgId: e.orgId, townshipId: e.townshipId, by, action: e.action, from: e.from ?? '', to: e.to, campaignId: e.campaignId ?? '', event: JSON.stringify(e) };
}

const auditEntity = z.object({ event: jsonText(ledgerEventSchema) });
const toEvent = (d: z.infer<typeof ledgerEventSchema>): LedgerEvent => d;

/** The ledger's audit log in time order (each entry one event, as the engine recorded it). */
export async function listLedgerAudit(store: Store, county: string): Promise<LedgerEvent[]> {
  const rows = await store.listEntities(ledgerPartition(county), rk.auditPrefix);
  return rows.map((e) => toEvent(parse(auditEntity, e).event));
}
