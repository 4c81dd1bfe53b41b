// The writes that change a township: committing an upload, making an older version current again
// (its bytes sent again) and applying a review action. Each is ONE entity-group transaction in the
// campaign's partition (version entity or not, the pointer under the ETag just read, the audit
// entry), so a fault or a lost race leaves nothing partial.
// Write order of an upload: the raw blob first (idempotent, invisible until referenced), then the
// transaction, which also creates the stored submission's entity (submission-blobs.ts; a submission
// too big for an entity goes to a blob beside the raw one). A failure before the transaction leaves
// only unreferenced blobs.
import { randomBytes } from 'node:crypto';
import { decideReview, resentUpload, STATE_AFTER_UPLOAD, uploadAllowed, type ReviewDecision, type ReviewRequest } from '../../../shared/review/machine';
import type { Tally } from '../../../shared/consolidate/tally';
import type { Submission } from '../../../shared/submission/types';
import { fromAudit, fromState, fromVersion, rowKey, type AuditRecord, type TownshipState, type VersionRecord } from './entities';
import { getState, getVersionByHash } from './queries';
import { retryOnConflict } from './retry';
import type { Store, TxOp } from './store';
import { putRawBlob, rawUploadWrite } from './raw-upload';
import { putSubmissionBlob, storedSubmissionWrite, type StoredSubmission } from './submission-blobs';

function auditOp(c: string, a: AuditRecord, order?: number): TxOp {
  const tail = randomBytes(6).toString('hex');
  return { op: 'create', pk: c, rk: rowKey.audit(a.at, order === undefined ? tail : `${String(order).padStart(4, '0')}${tail}`), props: fromAudit(a) };
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

/**
 * The pointer to version `v`, as an upload of it leaves it: submitted, no comment, and what the
 * summaries need of the version (so the completeness view reads no submission). `receivedAt` is
 * when the township made it current: lateness and the ledger's stamps go by it.
 */
function pointerTo(v: VersionRecord, sub: Pick<Submission, 'filledBy' | 'phone'>, tally: Tally, receivedAt: string): Omit<TownshipState, 'etag'> {
  return {
    state: STATE_AFTER_UPLOAD,
    currentVersion: v.version,
    currentHash: v.contentHash,
    submissionId: v.submissionId,
    receivedAt,
    comment: null,
    quotaOk: v.quotaOk,
    quotaSummary: v.quotaSummary,
    orgs: v.orgs,
    rectifications: v.rectifications,
    tally,
    filledBy: sub.filledBy,
    phone: sub.phone,
  };
}

export type CommitResult =
  | { kind: 'created'; version: VersionRecord }
  | { kind: 'duplicate'; version: VersionRecord }
  | { kind: 'locked'; version: number };

/**
 * Stores an upload as the township's next version. A concurrent writer makes the transaction fail
 * with 412/409: the retry helper rereads (a reread that finds the same hash answers as a duplicate).
 */
export async function commitUpload(
  store: Store,
  n: NewVersion,
  opts: { now?: () => Date; /** The pointer as read just before (saves two reads on the first try). */ state?: TownshipState | null } = {},
): Promise<CommitResult> {
  const { campaignId: c, townshipId: t, contentHash: hash } = n;
  const now = opts.now ?? (() => new Date());
  // Both go in the version's transaction when they fit an entity (the usual case); the blob of
  // one that does not is written first, unnamed until the transaction commits.
  const submission = storedSubmissionWrite(n.stored);
  const raw = rawUploadWrite(c, t, hash, n.raw);
  await Promise.all([putSubmissionBlob(store, n.stored, submission), putRawBlob(store, c, t, hash, raw)]);

  return retryOnConflict(`upload ${c}/${t}`, async (attempt): Promise<CommitResult> => {
    let cur: TownshipState | null;
    if (attempt === 0 && opts.state !== undefined) {
      cur = opts.state;
    } else {
      const existing = await getVersionByHash(store, c, t, hash);
      if (existing) return { kind: 'duplicate', version: existing };
      cur = await getState(store, c, t);
    }
    if (cur && !uploadAllowed(cur.state)) return { kind: 'locked', version: cur.currentVersion };
    const versionNo = (cur?.currentVersion ?? 0) + 1;
    const receivedAt = now().toISOString();
    const version: VersionRecord = { ...n.record, version: versionNo, submissionId: `${c}.${t}.v${versionNo}`, receivedAt };
    const state = pointerTo(version, n.stored.submission, n.tally, receivedAt);
    const pointer: TxOp = cur
      ? { op: 'replace', pk: c, rk: rowKey.state(t), props: fromState(state), etag: cur.etag }
      : { op: 'create', pk: c, rk: rowKey.state(t), props: fromState(state) };
    await store.transact(c, [
      { op: 'create', pk: c, rk: rowKey.version(t, hash), props: fromVersion(version) },
      pointer,
      auditOp(c, { at: receivedAt, actor: n.record.uploadedBy, action: 'upload', townshipId: t, version: versionNo, contentHash: hash, comment: '' }),
      ...('op' in submission ? [submission.op] : []),
      ...('op' in raw ? [raw.op] : []),
    ]);
    return { kind: 'created', version };
  });
}

/** A stored version to make current again, with what its pointer keeps of its stored submission. */
export interface RestoredVersion {
  campaignId: string;
  townshipId: string;
  version: VersionRecord;
  submission: Pick<Submission, 'filledBy' | 'phone'>;
  tally: Tally;
  actor: string;
}

export type RestoreResult =
  | { kind: 'restored'; state: Omit<TownshipState, 'etag'> }
  /** Current already (another request made it so first): nothing written, answered as a retry. */
  | { kind: 'current' }
  | { kind: 'locked'; version: number };

/**
 * Makes an older stored version current again (its bytes were sent again): the pointer moves back
 * to it under the ETag read, with an audit entry, as an upload of it would — nothing else is
 * written, the version and its files are there. The decision (resentUpload) is taken again on
 * every reread, so a concurrent upload, review or restore is judged on what it left.
 */
export async function restoreVersion(store: Store, r: RestoredVersion, opts: { now?: () => Date; /** The pointer as read just before. */ state?: TownshipState } = {}): Promise<RestoreResult> {
  const { campaignId: c, townshipId: t } = r;
  const hash = r.version.contentHash;
  const now = opts.now ?? (() => new Date());
  return retryOnConflict(`restore ${c}/${t}`, async (attempt): Promise<RestoreResult> => {
    const cur = attempt === 0 && opts.state ? opts.state : await getState(store, c, t);
    // A version is only ever written with its township's pointer: one without is corruption.
    if (!cur) throw new Error(`version ${c}/${t}/${hash} has no pointer`);
    const decided = resentUpload(cur.state, cur.currentHash === hash);
    if (decided === 'duplicate') return { kind: 'current' };
    if (decided === 'locked') return { kind: 'locked', version: cur.currentVersion };
    const at = now().toISOString();
    const state = pointerTo(r.version, r.submission, r.tally, at);
    await store.transact(c, [
      { op: 'replace', pk: c, rk: rowKey.state(t), props: fromState(state), etag: cur.etag },
      auditOp(c, { at, actor: r.actor, action: 'restore', townshipId: t, version: r.version.version, contentHash: hash, comment: '' }),
    ]);
    return { kind: 'restored', state };
  });
}

export type ReviewOutcome =
  | { kind: 'done'; state: Omit<TownshipState, 'etag'> }
  | { kind: 'refused'; decision: Extract<ReviewDecision, { ok: false }> }
  /** Another request changed the township between our read and our write: nothing was written. */
  | { kind: 'conflict'; state: TownshipState['state'] | 'missing'; version: number | null };

/** What a review decided on: the pointer's state, version and content as read. */
export interface ReviewSeen {
  state: string;
  version: number | null;
  hash: string | null;
}

export const seenOf = (cur: TownshipState | null): ReviewSeen => ({ state: cur?.state ?? 'missing', version: cur?.currentVersion ?? null, hash: cur?.currentHash ?? null });

const sameSeen = (a: ReviewSeen, b: ReviewSeen) => a.state === b.state && a.version === b.version && a.hash === b.hash;

/** A review decided on the pointer as read: refused, or the writes that apply it (pointer under its ETag, audit entry). */
export type ReviewStep =
  | { kind: 'refused'; decision: Extract<ReviewDecision, { ok: false }> }
  /** Already done (a retry, or another clerk's same action): answered as done, nothing written. */
  | { kind: 'repeat'; state: Omit<TownshipState, 'etag'> }
  | { kind: 'write'; next: Omit<TownshipState, 'etag'>; ops: TxOp[] };

/** `order` (a bulk request's item number) sorts audit entries of one millisecond in the order asked. */
export function reviewStep(c: string, t: string, cur: TownshipState | null, req: ReviewRequest, audit: { actor: string; at: string; order?: number }): ReviewStep {
  const d = decideReview({ state: cur?.state ?? 'missing', version: cur?.currentVersion ?? null, comment: cur?.comment ?? null }, req);
  if (!d.ok) return { kind: 'refused', decision: d };
  if (!cur || d.next === 'missing') return { kind: 'refused', decision: { ok: false, refusal: 'nothing' } };
  const { etag, ...rest } = cur;
  if (d.repeat) return { kind: 'repeat', state: rest };
  const next: Omit<TownshipState, 'etag'> = { ...rest, state: d.next, comment: d.comment };
  const record: AuditRecord = { at: audit.at, actor: audit.actor, action: req.action, townshipId: t, version: cur.currentVersion, contentHash: cur.currentHash, comment: d.comment ?? '' };
  return { kind: 'write', next, ops: [{ op: 'replace', pk: c, rk: rowKey.state(t), props: fromState(next), etag }, auditOp(c, record, audit.order)] };
}

/**
 * Applies one review action under the pointer's ETag. The decision is taken once, on what the
 * county saw; if the write loses a race and the reread shows a different state or version, the
 * action is NOT re-decided on the new state (that would turn an accept into a return): the caller
 * answers 409. Only a conflict that changed nothing the decision depends on is retried, and one
 * whose reread shows this very action done (the same request sent twice at once) is answered as done.
 * `seen`: the pointer as an earlier read of this request found it (a bulk transaction that lost a
 * race), which the first read here must still match.
 */
export async function applyReview(store: Store, c: string, t: string, req: ReviewRequest, opts: { actor: string; now?: () => Date; seen?: ReviewSeen }): Promise<ReviewOutcome> {
  const now = opts.now ?? (() => new Date());
  let first = opts.seen;

  return retryOnConflict(`review ${c}/${t}`, async (): Promise<ReviewOutcome> => {
    const cur = await getState(store, c, t);
    const seen = seenOf(cur);
    const step = reviewStep(c, t, cur, req, { actor: opts.actor, at: now().toISOString() });
    if (first && !sameSeen(first, seen)) {
      // The same action sent twice at once: the other request did it, so this one is done too.
      if (step.kind === 'repeat') return { kind: 'done', state: step.state };
      return { kind: 'conflict', state: cur?.state ?? 'missing', version: seen.version };
    }
    first = seen;
    if (step.kind === 'refused') return step;
    if (step.kind === 'repeat') return { kind: 'done', state: step.state };
    await store.transact(c, step.ops);
    return { kind: 'done', state: step.next };
  });
}
