// Counties and credentials, kept in the grading table beside the ledger. Partition keys start
// with "_", which no campaign id can (ids are [a-z0-9-]), so they never meet a campaign's rows.
//   PK=_counties        RK={countyId}                               the county: name, created
//   PK=_cred|{county}   RK=c|{credentialId}                         a county credential
//   PK=_cred|{county}   RK=t|{campaign}|{township}|{credentialId}   a township's invitation
// A token is the signed form of its record (auth/token.ts) and is never stored: the record is
// enough to show a link again, and a copy of the table without TOKEN_SECRET signs nothing.
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { CredentialScope } from '../auth/token';
import { ConflictError, type Entity, type Store } from './store';

export interface CredentialRecord extends CredentialScope {
  /** Who it is for, as the county wrote it ("东山镇", "npm start", "管理员发放"). */
  label: string;
  revokedAt: string | null;
  /** Who revoked it: a credential id, or "reissue" when a new link replaced it. */
  revokedBy: string | null;
}

export interface CountyRecord {
  id: string;
  name: string;
  createdAt: string;
}

const COUNTIES = '_counties';
const credPartition = (county: string) => `_cred|${county}`;

function rowKey(r: Pick<CredentialScope, 'kind' | 'campaignId' | 'townshipId' | 'id'>): string {
  return r.kind === 'county' ? `c|${r.id}` : `t|${r.campaignId ?? ''}|${r.townshipId ?? ''}|${r.id}`;
}

const credentialEntity = z.object({
  kind: z.enum(['county', 'township']),
  countyId: z.string(),
  campaignId: z.string().nullish(),
  townshipId: z.string().nullish(),
  issuedAt: z.string(),
  expiresAt: z.string(),
  label: z.string(),
  revokedAt: z.string().nullish(),
  revokedBy: z.string().nullish(),
  etag: z.string(),
});

const countyEntity = z.object({ name: z.string(), createdAt: z.string() });

/** A malformed entity is a storage fault (someone edited the table), not a user's mistake. */
function parseCredential(id: string, e: unknown): CredentialRecord & { etag: string } {
  const r = credentialEntity.parse(e);
  return {
    id,
    kind: r.kind,
    countyId: r.countyId,
    campaignId: r.campaignId || null,
    townshipId: r.townshipId || null,
    issuedAt: r.issuedAt,
    expiresAt: r.expiresAt,
    label: r.label,
    revokedAt: r.revokedAt || null,
    revokedBy: r.revokedBy || null,
    etag: r.etag,
  };
}

function props(r: CredentialRecord): Entity {
  return {
    kind: r.kind,
    countyId: r.countyId,
    campaignId: r.campaignId ?? '',
    townshipId: r.townshipId ?? '',
    issuedAt: r.issuedAt,
    expiresAt: r.expiresAt,
    label: r.label,
    revokedAt: r.revokedAt ?? '',
    revokedBy: r.revokedBy ?? '',
  };
}

export function newCredentialId(): string {
  return randomBytes(8).toString('hex');
}

export async function getCounty(store: Store, id: string): Promise<CountyRecord | null> {
  const e = await store.getEntity(COUNTIES, id);
  return e ? { id, ...countyEntity.parse(e) } : null;
}

/** The county as stored; created with this name when missing (a second caller reads the first's). */
export async function ensureCounty(store: Store, id: string, name: string, now = new Date()): Promise<CountyRecord> {
  const found = await getCounty(store, id);
  if (found) return found;
  const rec: CountyRecord = { id, name, createdAt: now.toISOString() };
  try {
    await store.transact(COUNTIES, [{ op: 'create', pk: COUNTIES, rk: id, props: { name, createdAt: rec.createdAt } }]);
    return rec;
  } catch (e) {
    if (!(e instanceof ConflictError)) throw e;
    const again = await getCounty(store, id);
    if (!again) throw e;
    return again;
  }
}

export async function putCredential(store: Store, r: CredentialRecord): Promise<void> {
  const pk = credPartition(r.countyId);
  await store.transact(pk, [{ op: 'create', pk, rk: rowKey(r), props: props(r) }]);
}

/** The record a token names, or null (never issued, or issued by another deployment). */
export async function getCredential(store: Store, scope: Pick<CredentialScope, 'kind' | 'countyId' | 'campaignId' | 'townshipId' | 'id'>): Promise<(CredentialRecord & { etag: string }) | null> {
  const e = await store.getEntity(credPartition(scope.countyId), rowKey(scope));
  return e ? parseCredential(scope.id, e) : null;
}

async function listPrefix(store: Store, county: string, prefix: string): Promise<Array<CredentialRecord & { etag: string }>> {
  const rows = await store.listEntities(credPartition(county), prefix);
  return rows.map((e) => parseCredential(e.rowKey.slice(e.rowKey.lastIndexOf('|') + 1), e));
}

/** Every invitation of a campaign (all townships, revoked ones too), oldest first. */
export async function listTownshipCredentials(store: Store, county: string, campaignId: string): Promise<Array<CredentialRecord & { etag: string }>> {
  const all = await listPrefix(store, county, `t|${campaignId}|`);
  return all.sort((a, b) => a.issuedAt.localeCompare(b.issuedAt));
}

export async function listCountyCredentials(store: Store, county: string): Promise<Array<CredentialRecord & { etag: string }>> {
  const all = await listPrefix(store, county, 'c|');
  return all.sort((a, b) => a.issuedAt.localeCompare(b.issuedAt));
}

/** Marks a credential revoked (under its ETag; an already revoked one stays as it was). */
export async function revokeCredential(store: Store, r: CredentialRecord & { etag: string }, by: string, now = new Date()): Promise<CredentialRecord> {
  if (r.revokedAt) return r;
  const pk = credPartition(r.countyId);
  const next: CredentialRecord = { ...r, revokedAt: now.toISOString(), revokedBy: by };
  try {
    await store.transact(pk, [{ op: 'replace', pk, rk: rowKey(r), props: props(next), etag: r.etag }]);
    return next;
  } catch (e) {
    if (!(e instanceof ConflictError)) throw e;
    // Someone else changed it first (another revoke): what is stored now is the answer.
    const again = await getCredential(store, r);
    if (!again) throw e;
    return again.revokedAt ? again : revokeCredential(store, again, by, now);
  }
}

/** active / expired / revoked at `now`. */
export function credentialStatus(r: Pick<CredentialRecord, 'revokedAt' | 'expiresAt'>, now: number): 'active' | 'expired' | 'revoked' {
  if (r.revokedAt) return 'revoked';
  return Date.parse(r.expiresAt) <= now ? 'expired' : 'active';
}
