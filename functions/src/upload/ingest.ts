// A township's upload: read and validate with the same shared/ rules the task pane uses, refuse
// with the issue list, otherwise store it as the next version and answer with a receipt. Bytes
// already stored are the current version's (a retry: answered again) or an older version's (the
// township going back to that file: it becomes current again).
import { checkIdentity, gradeCountsByLabel, hasErrors, quotaVerdict, tallySubmission, type IdentityRefusal, type Issue } from '../../../shared';
import type { Receipt } from '../../../shared/api/contract';
import { bySeverity, issueTotals } from '../../../shared/issues/cap';
import { resentUpload, uploadAllowed } from '../../../shared/review/machine';
import { withRosterNames } from '../../../shared/roster/spelling';
import { readSubmission } from '../../../shared/workbook/read';
import type { ReadLimits } from '../../../shared/xlsx/limits';
import { ApiError } from '../http/errors';
import { commitUpload, restoreVersion, type NewVersion } from '../storage/commands';
import { contentHash } from '../storage/content-hash';
import type { TownshipState, VersionRecord } from '../storage/entities';
import { ledgerAfterUpload, ledgerRefusals, withLedgerIssues } from '../ledger/upload';
import type { StoredCampaign } from '../storage/campaigns';
import { getState, getVersionByHash } from '../storage/queries';
import { readStoredSubmission } from '../storage/submission-blobs';
import type { Store } from '../storage/store';
import { gatedRead } from './read-gate';

export interface UploadInput {
  campaign: StoredCampaign;
  townshipId: string;
  bytes: Uint8Array;
  actor: string;
  maxBytes: number;
  /** The reader's bounds from the settings (READ_LIMITS); the file size bound is maxBytes. */
  readLimits?: Partial<ReadLimits>;
}

/** The shared identity rule's refusal, answered with its own code: the clerk picked the wrong file, not a wrong cell. */
function ownerRefusal(r: IdentityRefusal, issues: Issue[]): ApiError {
  switch (r.code) {
    case 'UPLOAD_OTHER_CAMPAIGN':
      return new ApiError(r.code, r.params, issues);
    case 'UPLOAD_OTHER_TOWNSHIP':
      return new ApiError(r.code, r.params, issues);
    case 'UPLOAD_REFUSED':
      return new ApiError(r.code, r.params, issues);
  }
}

/**
 * 422 with the true count of errors and the issues errors first (the ledger's refusals come after
 * the read's warnings); the answer caps the list as every answer's is (http/errors.ts).
 */
function refuse(issues: Issue[]): never {
  throw new ApiError('UPLOAD_REFUSED', { errors: issueTotals(issues).error }, bySeverity(issues));
}

/** What the upload did: stored a new version, found the current one's bytes, or made an older one current again. */
type Answered = 'new' | 'duplicate' | 'restored';

function receipt(campaignId: string, townshipId: string, v: VersionRecord, warnings: Issue[], answered: Answered): Receipt {
  return {
    submissionId: v.submissionId,
    campaignId,
    townshipId,
    version: v.version,
    contentHash: v.contentHash,
    receivedAt: v.receivedAt,
    rows: { orgs: v.orgs, rectifications: v.rectifications },
    counts: v.counts,
    quota: { ok: v.quotaOk, summary: v.quotaSummary },
    warnings: warnings.map(({ params: _p, ...rest }) => rest),
    duplicate: answered === 'duplicate',
    restored: answered === 'restored',
  };
}

async function duplicate(store: Store, campaign: StoredCampaign, t: string, v: VersionRecord): Promise<{ status: 200; receipt: Receipt }> {
  const c = campaign.id;
  const stored = await readStoredSubmission(store, c, t, v.contentHash);
  // A retry after a lost answer also finishes (or finds done) the ledger's sync of the version.
  const ledger = await ledgerAfterUpload(store, campaign, t);
  return { status: 200, receipt: receipt(c, t, v, withLedgerIssues(stored?.warnings ?? [], ledger), 'duplicate') };
}

/**
 * Makes older version `v` current again, as an upload of its bytes would: checked against the
 * ledger as it is now (the roster or the items may have moved since it was stored), the pointer
 * moved back under its ETag with an audit entry, the ledger synced to it. Its receipt carries its
 * own warnings and this sync's, never those of the version it replaces.
 */
async function restore(store: Store, campaign: StoredCampaign, t: string, v: VersionRecord, cur: TownshipState, actor: string): Promise<{ status: 200 | 201; receipt: Receipt }> {
  const c = campaign.id;
  const stored = await readStoredSubmission(store, c, t, v.contentHash);
  // Written in the version's own transaction: a version without it is storage corruption.
  if (!stored) throw new Error(`stored submission ${c}/${t}/${v.contentHash} is missing`);
  const sub = stored.submission;
  const checked = await ledgerRefusals(store, campaign, t, sub);
  if (checked.errors.length) refuse([...stored.warnings, ...checked.errors]);
  const result = await restoreVersion(store, { campaignId: c, townshipId: t, version: v, submission: sub, tally: tallySubmission(sub), actor }, { state: cur });
  if (result.kind === 'locked') throw new ApiError('UPLOAD_LOCKED', { version: result.version });
  // Another request made it current first (the same bytes sent twice at once): this is its retry.
  if (result.kind === 'current') return duplicate(store, campaign, t, v);
  const ledger = await ledgerAfterUpload(store, campaign, t, { hash: v.contentHash, submission: sub, ...(checked.items ? { items: checked.items } : {}) });
  return { status: 201, receipt: receipt(c, t, v, withLedgerIssues(stored.warnings, ledger), 'restored') };
}

/** Bytes stored as version `v`, sent again: judged on the pointer (`cur`, or read now when not given). */
async function resent(store: Store, campaign: StoredCampaign, t: string, v: VersionRecord, actor: string, cur?: TownshipState | null): Promise<{ status: 200 | 201; receipt: Receipt }> {
  const state = cur ?? (await getState(store, campaign.id, t));
  // A version is only ever written with its township's pointer.
  if (!state) throw new Error(`version ${campaign.id}/${t}/${v.contentHash} has no pointer`);
  switch (resentUpload(state.state, state.currentHash === v.contentHash)) {
    case 'duplicate':
      return duplicate(store, campaign, t, v);
    case 'locked':
      throw new ApiError('UPLOAD_LOCKED', { version: state.currentVersion });
    case 'restore':
      return restore(store, campaign, t, v, state, actor);
  }
}

export async function ingest(store: Store, u: UploadInput): Promise<{ status: 200 | 201; receipt: Receipt }> {
  const { campaign, townshipId: t } = u;
  const hash = contentHash(u.bytes);
  const township = campaign.townships.find((x) => x.id === t);
  if (!township) throw new ApiError('TOWNSHIP_NOT_FOUND', { id: t });

  // Cheap checks first: stored bytes (a retry, or an older version made current again), a locked
  // township its 409, without parsing. commitUpload and restoreVersion check again under the ETag.
  // A version is only ever written in the transaction that writes the township's pointer
  // (storage/commands.ts), so a township without a pointer has no version to find: its first
  // upload (most uploads) skips that read.
  const state = await getState(store, campaign.id, t);
  const known = state ? await getVersionByHash(store, campaign.id, t, hash) : null;
  if (known) return resent(store, campaign, t, known, u.actor, state);
  if (state && !uploadAllowed(state.state)) throw new ApiError('UPLOAD_LOCKED', { version: state.currentVersion });

  const read = await gatedRead(`township:${campaign.id}/${t}`, () => readSubmission(u.bytes, campaign.scheme, { limits: { ...u.readLimits, maxFileBytes: u.maxBytes } }));
  // Whose file it is comes first: another township's workbook is refused as that, whatever its cells say.
  const owner = read.submission ? checkIdentity(read.submission, { campaignId: campaign.id, township: { id: t, name: township.name } }) : null;
  if (owner?.refusal) throw ownerRefusal(owner.refusal, owner.issues.filter((i) => i.severity === 'error'));
  const { submission: typed, quota: counted } = read;
  if (hasErrors(read.issues) || !typed || !counted) refuse(read.issues);
  // The year after: rows not on the township's roster, ledger lines the ledger cannot take.
  const checked = await ledgerRefusals(store, campaign, t, typed);
  if (checked.errors.length) refuse([...read.issues, ...checked.errors]);
  // Stored under the roster's spelling of each name (shared/roster/spelling.ts): 東山村黨支部 typed is the roster's 东山村党支部.
  const sub = checked.identities ? withRosterNames(checked.identities, t, typed) : typed;

  const tally = tallySubmission(sub);
  // Counted once, by the validator (the quota warnings above came from the same count): only
  // worded here, for the township by its name.
  const quota = quotaVerdict(campaign.scheme, counted, { scope: township.name });
  const warnings = [...read.issues, ...(owner?.issues ?? [])].filter((i) => i.severity !== 'error');
  const version: NewVersion = {
    campaignId: campaign.id,
    townshipId: t,
    contentHash: hash,
    raw: u.bytes,
    stored: { format: 1, campaignId: campaign.id, townshipId: t, contentHash: hash, submission: sub, warnings },
    tally,
    record: {
      contentHash: hash,
      orgs: tally.orgs,
      rectifications: tally.rectifications,
      quotaOk: quota.ok,
      quotaSummary: quota.summary,
      counts: gradeCountsByLabel(campaign.scheme, tally),
      uploadedBy: u.actor,
    },
  };
  // The first try uses the pointer read above; a conflict makes commitUpload reread both.
  const result = await commitUpload(store, version, { state });
  if (result.kind === 'locked') throw new ApiError('UPLOAD_LOCKED', { version: result.version });
  // The same bytes stored meanwhile, by a request that won the race: judged on the pointer now.
  if (result.kind === 'duplicate') return resent(store, campaign, t, result.version, u.actor);
  // Stored: now the ledger follows it (or will, on its next read: ledger/sync.ts).
  const ledger = await ledgerAfterUpload(store, campaign, t, { hash, submission: sub, ...(checked.items ? { items: checked.items } : {}) });
  return { status: 201, receipt: receipt(campaign.id, t, result.version, withLedgerIssues(warnings, ledger), 'new') };
}
