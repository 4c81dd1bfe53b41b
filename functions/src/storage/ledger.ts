// The county ledger in storage. Layout (one blob container, one table; see README "Storage"):
//   blob  {campaign}/campaign.json              the campaign with its scheme and roster (immutable)
//   blob  {campaign}/{township}/{sha256}.xlsx   raw upload, content-addressed (immutable)
//   blob  {campaign}/{township}/{sha256}.json   normalized submission + warnings (immutable)
//   table PK={campaign} RK=state|{township}       current-version pointer + review state (ETag-guarded)
//   table PK={campaign} RK=ver|{township}|{hash}  one committed version (index entity)
//   table PK={campaign} RK=audit|{time}|{rand}    append-only audit log
// Write order of an upload: both blobs first (idempotent, invisible until referenced), then ONE
// table transaction {version entity, pointer under its ETag, audit entry}. A failure anywhere
// before the transaction leaves only unreferenced blobs; the transaction is all-or-nothing.
import { randomBytes } from 'node:crypto';
import type { Issue, Scheme, Submission } from '../../../shared';
import type { Campaign, ReviewState } from '../../../shared/api/contract';
import type { Tally } from '../../../shared/consolidate/tally';
import { settings, wrapStore } from '../config';
import { ConflictError, createAzureStore, type Entity, type Store, type StoredEntity, type TxOp } from './store';

export interface CampaignDoc extends Campaign {
  scheme: Scheme;
  roster: Record<string, Array<{ name: string; category?: string; orgType?: string }>>;
}

export interface StoredSubmission {
  format: 1;
  campaignId: string;
  townshipId: string;
  contentHash: string;
  submission: Submission;
  warnings: Issue[];
}

/** What the pointer entity holds; JSON-valued fields are strings in the table. */
export interface TownshipState {
  state: Exclude<ReviewState, 'missing'>;
  currentVersion: number;
  currentHash: string;
  submissionId: string;
  receivedAt: string;
  comment: string | null;
  quotaOk: boolean;
  quotaSummary: string;
  orgs: number;
  rectifications: number;
  tally: Tally;
  etag: string;
}

export interface VersionRecord {
  version: number;
  submissionId: string;
  contentHash: string;
  receivedAt: string;
  orgs: number;
  rectifications: number;
  quotaOk: boolean;
  quotaSummary: string;
  counts: Record<string, number>;
  uploadedBy: string;
}

export interface AuditRecord {
  at: string;
  actor: string;
  action: 'upload' | 'accept' | 'return' | 'reopen';
  townshipId: string;
  version: number;
  contentHash: string;
  comment: string;
}

const STATE = (t: string) => `state|${t}`;
const VER = (t: string) => `ver|${t}|`;
export const rawBlobName = (c: string, t: string, hash: string) => `${c}/${t}/${hash}.xlsx`;
export const jsonBlobName = (c: string, t: string, hash: string) => `${c}/${t}/${hash}.json`;
const campaignBlobName = (c: string) => `${c}/campaign.json`;

let storePromise: Promise<Store> | undefined;
let storeKey = '';

/** One store per process, created (container and table ensured) on first use. */
export function getStore(): Promise<Store> {
  const s = settings();
  const key = `${s.connectionString}|${s.container}|${s.table}`;
  if (!storePromise || storeKey !== key) {
    storeKey = key;
    const p = (async () => {
      const store = wrapStore(createAzureStore(s.connectionString, s.container, s.table));
      await store.init();
      return store;
    })();
    // A failed init (storage down) must not poison later requests.
    p.catch(() => {
      if (storePromise === p) storePromise = undefined;
    });
    storePromise = p;
  }
  return storePromise;
}

export function resetStore(): void {
  storePromise = undefined;
  campaignCache.clear();
}

const encoder = new TextEncoder();
const campaignCache = new Map<string, CampaignDoc>();

export async function putCampaign(store: Store, doc: CampaignDoc): Promise<boolean> {
  const r = await store.putBlobIfAbsent(campaignBlobName(doc.id), encoder.encode(JSON.stringify(doc)), 'application/json');
  return r === 'created';
}

/** Campaigns are immutable once created, so a process may keep them. */
export async function getCampaign(store: Store, id: string): Promise<CampaignDoc | null> {
  const hit = campaignCache.get(id);
  if (hit) return hit;
  const b = await store.getBlob(campaignBlobName(id));
  if (!b) return null;
  const doc = JSON.parse(b.toString('utf8')) as CampaignDoc;
  campaignCache.set(id, doc);
  return doc;
}

function toState(e: StoredEntity): TownshipState {
  return {
    state: e.state as TownshipState['state'],
    currentVersion: Number(e.currentVersion),
    currentHash: String(e.currentHash),
    submissionId: String(e.submissionId),
    receivedAt: String(e.receivedAt),
    comment: e.comment ? String(e.comment) : null,
    quotaOk: Boolean(e.quotaOk),
    quotaSummary: String(e.quotaSummary ?? ''),
    orgs: Number(e.orgs ?? 0),
    rectifications: Number(e.rectifications ?? 0),
    tally: JSON.parse(String(e.tally ?? '{}')) as Tally,
    etag: e.etag,
  };
}

function fromState(s: Omit<TownshipState, 'etag'>): Entity {
  return {
    state: s.state,
    currentVersion: s.currentVersion,
    currentHash: s.currentHash,
    submissionId: s.submissionId,
    receivedAt: s.receivedAt,
    comment: s.comment ?? '',
    quotaOk: s.quotaOk,
    quotaSummary: s.quotaSummary,
    orgs: s.orgs,
    rectifications: s.rectifications,
    tally: JSON.stringify(s.tally),
  };
}

export async function getState(store: Store, c: string, t: string): Promise<TownshipState | null> {
  const e = await store.getEntity(c, STATE(t));
  return e ? toState(e) : null;
}

export async function listStates(store: Store, c: string): Promise<Map<string, TownshipState>> {
  const rows = await store.listEntities(c, 'state|');
  return new Map(rows.map((e) => [e.rowKey.slice('state|'.length), toState(e)]));
}

function toVersion(e: StoredEntity): VersionRecord {
  return {
    version: Number(e.version),
    submissionId: String(e.submissionId),
    contentHash: String(e.contentHash),
    receivedAt: String(e.receivedAt),
    orgs: Number(e.orgs),
    rectifications: Number(e.rectifications),
    quotaOk: Boolean(e.quotaOk),
    quotaSummary: String(e.quotaSummary ?? ''),
    counts: JSON.parse(String(e.counts ?? '{}')) as Record<string, number>,
    uploadedBy: String(e.uploadedBy ?? ''),
  };
}

export async function getVersionByHash(store: Store, c: string, t: string, hash: string): Promise<VersionRecord | null> {
  const e = await store.getEntity(c, VER(t) + hash);
  return e ? toVersion(e) : null;
}

export async function listVersions(store: Store, c: string, t: string): Promise<VersionRecord[]> {
  const rows = await store.listEntities(c, VER(t));
  return rows.map(toVersion).sort((a, b) => a.version - b.version);
}

export async function listAudit(store: Store, c: string): Promise<AuditRecord[]> {
  const rows = await store.listEntities(c, 'audit|');
  return rows.map((e) => ({
    at: String(e.at),
    actor: String(e.actor),
    action: e.action as AuditRecord['action'],
    townshipId: String(e.townshipId),
    version: Number(e.version),
    contentHash: String(e.contentHash),
    comment: String(e.comment ?? ''),
  }));
}

function auditOp(c: string, a: AuditRecord): TxOp {
  // Time first so the log lists in order; random tail so two entries in one millisecond coexist.
  return { op: 'create', pk: c, rk: `audit|${a.at}|${randomBytes(6).toString('hex')}`, props: { ...a } };
}

export async function readStoredSubmission(store: Store, c: string, t: string, hash: string): Promise<StoredSubmission | null> {
  const b = await store.getBlob(jsonBlobName(c, t, hash));
  return b ? (JSON.parse(b.toString('utf8')) as StoredSubmission) : null;
}

export interface NewVersion {
  campaignId: string;
  townshipId: string;
  contentHash: string;
  raw: Uint8Array;
  stored: StoredSubmission;
  record: Omit<VersionRecord, 'version' | 'submissionId' | 'receivedAt'>;
  tally: Tally;
}

export type CommitResult =
  | { kind: 'created'; version: VersionRecord }
  | { kind: 'duplicate'; version: VersionRecord }
  | { kind: 'locked'; version: number };

const MAX_TRIES = 20;

/**
 * Stores an upload as the township's next version. Blobs first, then one transaction that adds the
 * version entity, moves the pointer (under the ETag read just before) and appends the audit entry.
 * A concurrent writer makes the transaction fail with 412/409; we reread and try again.
 */
export async function commitUpload(
  store: Store,
  n: NewVersion,
  opts: { now?: () => Date; /** The pointer as read just before (saves two reads on the first try). */ state?: TownshipState | null } = {},
): Promise<CommitResult> {
  const { campaignId: c, townshipId: t, contentHash: hash } = n;
  const now = opts.now ?? (() => new Date());
  // Both blobs before any index write (in parallel: neither is visible until the transaction).
  await Promise.all([
    store.putBlobIfAbsent(rawBlobName(c, t, hash), n.raw, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'),
    store.putBlobIfAbsent(jsonBlobName(c, t, hash), encoder.encode(JSON.stringify(n.stored)), 'application/json'),
  ]);

  for (let attempt = 0; attempt < MAX_TRIES; attempt++) {
    let cur: TownshipState | null;
    if (attempt === 0 && opts.state !== undefined) {
      cur = opts.state;
    } else {
      const existing = await getVersionByHash(store, c, t, hash);
      if (existing) return { kind: 'duplicate', version: existing };
      cur = await getState(store, c, t);
    }
    if (cur?.state === 'accepted') return { kind: 'locked', version: cur.currentVersion };
    const versionNo = (cur?.currentVersion ?? 0) + 1;
    const receivedAt = now().toISOString();
    const version: VersionRecord = { ...n.record, version: versionNo, submissionId: `${c}.${t}.v${versionNo}`, receivedAt };
    const versionProps: Entity = { ...version, counts: JSON.stringify(version.counts) };
    const state: Omit<TownshipState, 'etag'> = {
      state: 'submitted',
      currentVersion: versionNo,
      currentHash: hash,
      submissionId: version.submissionId,
      receivedAt,
      comment: null,
      quotaOk: version.quotaOk,
      quotaSummary: version.quotaSummary,
      orgs: version.orgs,
      rectifications: version.rectifications,
      tally: n.tally,
    };
    const ops: TxOp[] = [
      { op: 'create', pk: c, rk: VER(t) + hash, props: versionProps },
      cur ? { op: 'replace', pk: c, rk: STATE(t), props: fromState(state), etag: cur.etag } : { op: 'create', pk: c, rk: STATE(t), props: fromState(state) },
      auditOp(c, { at: receivedAt, actor: n.record.uploadedBy, action: 'upload', townshipId: t, version: versionNo, contentHash: hash, comment: '' }),
    ];
    try {
      await store.transact(c, ops);
      return { kind: 'created', version };
    } catch (e) {
      if (e instanceof ConflictError) continue;
      throw e;
    }
  }
  throw new Error(`upload of ${c}/${t} kept conflicting after ${MAX_TRIES} tries`);
}

export type ReviewOutcome =
  | { kind: 'done'; state: TownshipState }
  | { kind: 'missing' }
  | { kind: 'stale'; current: number }
  | { kind: 'notAllowed'; state: TownshipState['state'] };

const ALLOWED: Record<AuditRecord['action'], ReadonlyArray<TownshipState['state']>> = {
  upload: [],
  accept: ['submitted'],
  return: ['submitted', 'accepted'],
  reopen: ['accepted'],
};
const NEXT: Record<'accept' | 'return' | 'reopen', TownshipState['state']> = { accept: 'accepted', return: 'returned', reopen: 'submitted' };

export async function review(
  store: Store,
  c: string,
  t: string,
  action: 'accept' | 'return' | 'reopen',
  opts: { version?: number; comment?: string; actor: string },
  now: () => Date = () => new Date(),
): Promise<ReviewOutcome> {
  for (let attempt = 0; attempt < MAX_TRIES; attempt++) {
    const cur = await getState(store, c, t);
    if (!cur) return { kind: 'missing' };
    if (opts.version !== undefined && opts.version !== cur.currentVersion) return { kind: 'stale', current: cur.currentVersion };
    if (!ALLOWED[action].includes(cur.state)) return { kind: 'notAllowed', state: cur.state };
    const { etag: _etag, ...rest } = cur;
    const next: Omit<TownshipState, 'etag'> = { ...rest, state: NEXT[action], comment: action === 'return' ? (opts.comment ?? '') : (opts.comment ?? null) };
    const at = now().toISOString();
    try {
      await store.transact(c, [
        { op: 'replace', pk: c, rk: STATE(t), props: fromState(next), etag: cur.etag },
        auditOp(c, { at, actor: opts.actor, action, townshipId: t, version: cur.currentVersion, contentHash: cur.currentHash, comment: opts.comment ?? '' }),
      ]);
      // A transaction does not return the new ETag; callers only need the values.
      return { kind: 'done', state: { ...next, etag: '' } };
    } catch (e) {
      if (e instanceof ConflictError) continue;
      throw e;
    }
  }
  throw new Error(`review of ${c}/${t} kept conflicting after ${MAX_TRIES} tries`);
}
