// A township's upload: read and validate with the same shared/ rules the task pane uses, refuse
// with the issue list, otherwise store it as the next version and answer with a receipt.
import { checkIdentity, gradeCountsByLabel, hasErrors, quotaVerdict, tallySubmission, type IdentityRefusal, type Issue } from '../../../shared';
import type { Receipt } from '../../../shared/api/contract';
import { uploadAllowed } from '../../../shared/review/machine';
import { readSubmission } from '../../../shared/workbook/read';
import type { ReadLimits } from '../../../shared/xlsx/limits';
import { ApiError } from '../http/errors';
import { commitUpload, type NewVersion } from '../storage/commands';
import { contentHash } from '../storage/content-hash';
import type { VersionRecord } from '../storage/entities';
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

function refuse(issues: Issue[]): never {
  const sorted = [...issues].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
  throw new ApiError('UPLOAD_REFUSED', { errors: issues.filter((i) => i.severity === 'error').length }, sorted);
}

function receipt(campaignId: string, townshipId: string, v: VersionRecord, warnings: Issue[], duplicate: boolean): Receipt {
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
    duplicate,
  };
}

async function duplicate(store: Store, campaign: StoredCampaign, t: string, v: VersionRecord): Promise<{ status: 200; receipt: Receipt }> {
  const c = campaign.id;
  const stored = await readStoredSubmission(store, c, t, v.contentHash);
  // A retry after a lost answer also finishes (or finds done) the ledger's sync of the version.
  const ledger = await ledgerAfterUpload(store, campaign, t);
  return { status: 200, receipt: receipt(c, t, v, withLedgerIssues(stored?.warnings ?? [], ledger), true) };
}

export async function ingest(store: Store, u: UploadInput): Promise<{ status: 200 | 201; receipt: Receipt }> {
  const { campaign, townshipId: t } = u;
  const hash = contentHash(u.bytes);
  const township = campaign.townships.find((x) => x.id === t);
  if (!township) throw new ApiError('TOWNSHIP_NOT_FOUND', { id: t });

  // Cheap checks first: a retry of stored bytes gets its receipt back, a locked township its 409,
  // without parsing. commitUpload checks both again under the ETag. A version is only ever written
  // in the transaction that writes the township's pointer (storage/commands.ts), so a township
  // without a pointer has no version to find: its first upload (most uploads) skips that read.
  const state = await getState(store, campaign.id, t);
  const known = state ? await getVersionByHash(store, campaign.id, t, hash) : null;
  if (known) return duplicate(store, campaign, t, known);
  if (state && !uploadAllowed(state.state)) throw new ApiError('UPLOAD_LOCKED', { version: state.currentVersion });

  const read = await gatedRead(() => readSubmission(u.bytes, campaign.scheme, { limits: { ...u.readLimits, maxFileBytes: u.maxBytes } }));
  // Whose file it is comes first: another township's workbook is refused as that, whatever its cells say.
  const owner = read.submission ? checkIdentity(read.submission, { campaignId: campaign.id, township: { id: t, name: township.name } }) : null;
  if (owner?.refusal) throw ownerRefusal(owner.refusal, owner.issues.filter((i) => i.severity === 'error'));
  const { submission: sub, quota: counted } = read;
  if (hasErrors(read.issues) || !sub || !counted) refuse(read.issues);
  // The year after: rows not on the township's roster, ledger lines the ledger cannot take.
  const checked = await ledgerRefusals(store, campaign, t, sub);
  if (checked.errors.length) refuse([...read.issues, ...checked.errors]);

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
  if (result.kind === 'duplicate') return duplicate(store, campaign, t, result.version);
  // Stored: now the ledger follows it (or will, on its next read: ledger/sync.ts).
  const ledger = await ledgerAfterUpload(store, campaign, t, { hash, submission: sub, ...(checked.items ? { items: checked.items } : {}) });
  return { status: 201, receipt: receipt(campaign.id, t, result.version, withLedgerIssues(warnings, ledger), false) };
}
