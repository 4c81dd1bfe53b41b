// Reads of the table index: pointers, versions and the audit log, each checked by entities.ts.
import { rowKey, toAudit, toState, toVersion, type AuditRecord, type TownshipState, type VersionRecord } from './entities';
import type { Store } from './store';

export async function getState(store: Store, c: string, t: string): Promise<TownshipState | null> {
  const e = await store.getEntity(c, rowKey.state(t));
  return e ? toState(e) : null;
}

export async function listStates(store: Store, c: string): Promise<Map<string, TownshipState>> {
  const rows = await store.listEntities(c, rowKey.statePrefix);
  return new Map(rows.map((e) => [e.rowKey.slice(rowKey.statePrefix.length), toState(e)]));
}

export async function getVersionByHash(store: Store, c: string, t: string, hash: string): Promise<VersionRecord | null> {
  const e = await store.getEntity(c, rowKey.version(t, hash));
  return e ? toVersion(e) : null;
}

export async function listVersions(store: Store, c: string, t: string): Promise<VersionRecord[]> {
  const rows = await store.listEntities(c, rowKey.versionPrefix(t));
  return rows.map(toVersion).sort((a, b) => a.version - b.version);
}

export async function listAudit(store: Store, c: string): Promise<AuditRecord[]> {
  return (await store.listEntities(c, rowKey.auditPrefix)).map(toAudit);
}
