// Fakes of the ports for controller tests: a scripted server, files, credentials and a reader.
import type {
  AccessList,
  BulkReview,
  BulkReviewResult,
  Campaign,
  CampaignDetail,
  CampaignList,
  CreateCampaign,
  IssueAccess,
  LedgerActionRequest,
  LedgerActionResult,
  LedgerList,
  Lookback,
  Me,
  Receipt,
  ReviewAction,
  RosterParse,
  RosterProposalData,
  RosterReconcileRequest,
  Targets,
  TownshipStatus,
  UpdateCampaign,
  VersionDetail,
} from '../../../../shared/api/contract';
import { defaultScheme } from '../../../../shared/scheme/default';
import { schemeFingerprint } from '../../../../shared/scheme/lookup';
import type { ReadResult } from '../../../../shared/submission/types';
import { ApiError, type CountyCompleteness, type Downloaded, type UploadOutcome } from '../../../../addin/taskpane/api/client';
import { capabilities } from '../../../../addin/taskpane/host/capabilities';
import type { Connection } from '../../../../addin/taskpane/host/storage';
import type { LedgerFilterQuery, RosterAgainst } from '../../../../addin/taskpane/api/client';
import type { ClipboardPort, ConfirmPort, CredentialStore, Delivery, FilePort, ServerApi, Session, WorkbookReader } from '../../../../addin/taskpane/ports';
import { createStore, initialState, type AppState, type Store } from '../../../../addin/taskpane/state';

export const CAMPAIGN: Campaign = {
  id: 'c2026',
  year: 2026,
  county: '示范县',
  deadline: '2026-04-25',
  townships: [
    { id: 'chengguan', name: '城关镇' },
    { id: 'dongshan', name: '东山乡' },
  ],
  schemeId: defaultScheme.id,
  schemeFingerprint: schemeFingerprint(defaultScheme),
  createdAt: '2026-03-01T00:00:00Z',
};

export const TOWNSHIP_ME: Me = { role: 'township', credentialId: 'cred-t', countyId: 'shifan', countyName: '示范县', campaignId: 'c2026', townshipId: 'chengguan', townshipName: '城关镇', expiresAt: '2026-12-31T00:00:00Z' };
export const COUNTY_ME: Me = { role: 'county', credentialId: 'cred-c', countyId: 'shifan', countyName: '示范县', campaignId: 'c2026', townshipId: null, townshipName: null, expiresAt: '2026-12-31T00:00:00Z' };

export function status(state: TownshipStatus['state'], version: number | null = state === 'missing' ? null : 1, comment: string | null = null): TownshipStatus {
  return {
    campaignId: 'c2026',
    townshipId: 'chengguan',
    townshipName: '城关镇',
    state,
    currentVersion: version,
    late: false,
    comment,
    versions: version
      ? Array.from({ length: version }, (_, i) => ({
          version: i + 1,
          submissionId: `c2026.chengguan.v${i + 1}`,
          contentHash: 'a'.repeat(64),
          receivedAt: '2026-04-20T02:00:00Z',
          rows: { orgs: 12, rectifications: 3 },
          quota: { ok: true, summary: '城关镇共 12 个；比例符合要求' },
        }))
      : [],
  };
}

export function receipt(version: number, duplicate = false): Receipt {
  return {
    submissionId: `c2026.chengguan.v${version}`,
    campaignId: 'c2026',
    townshipId: 'chengguan',
    version,
    contentHash: 'b'.repeat(64),
    receivedAt: '2026-04-20T02:00:00Z',
    rows: { orgs: 12, rectifications: 3 },
    counts: { 好: 2, 较好: 6, 一般: 3, 较差: 1 },
    quota: { ok: true, summary: '比例符合要求' },
    warnings: [],
    duplicate,
  };
}

type Answer<T> = T | ApiError | (() => T | ApiError);

function answer<T>(a: Answer<T> | undefined, what: string): Promise<T> {
  const v = typeof a === 'function' ? (a as () => T | ApiError)() : a;
  if (v === undefined) return Promise.reject(new Error(`fake server: no answer for ${what}`));
  return v instanceof ApiError ? Promise.reject(v) : Promise.resolve(v);
}

/** A server whose answers the test sets; every call is recorded as "method args…". */
export class FakeServer implements ServerApi {
  calls: string[] = [];
  me_: Answer<Me> = TOWNSHIP_ME;
  campaign_: Answer<{ campaign: Campaign; scheme: unknown }> = { campaign: CAMPAIGN, scheme: undefined };
  status_: Answer<TownshipStatus> = status('missing');
  completeness_: Answer<CountyCompleteness> | undefined;
  upload_: Answer<UploadOutcome> = { kind: 'receipt', receipt: receipt(1) };
  review_: Answer<void> = undefined as unknown as void;
  file_: Answer<Downloaded> = { bytes: new Uint8Array([0x50, 0x4b]), fileName: '城关镇模板.xlsx' };
  campaigns_: Answer<CampaignList> = { countyId: 'shifan', countyName: '示范县', campaigns: [] };
  detail_: Answer<CampaignDetail> | undefined;
  create_: Answer<CampaignDetail> | undefined;
  update_: Answer<CampaignDetail> | undefined;
  roster_: Answer<RosterParse> | undefined;
  access_: Answer<AccessList> | undefined;
  version_: Answer<VersionDetail> | undefined;
  bulk_: Answer<BulkReviewResult> | undefined;
  ledger_: Answer<LedgerList> | undefined;
  ledgerAction_: Answer<LedgerActionResult> | undefined;
  targets_: Answer<Targets> | undefined;
  lookback_: Answer<Lookback> | undefined;
  reconcile_: Answer<RosterProposalData> | undefined;
  uploaded: Uint8Array[] = [];
  reviews: Array<[string, ReviewAction]> = [];
  /** Bodies sent: create / update / issue / revoke / bulk / roster, in order. */
  sent: Array<[string, unknown]> = [];

  me() {
    this.calls.push('me');
    return answer(this.me_, 'me');
  }
  campaign(c: string) {
    this.calls.push(`campaign ${c}`);
    return answer(this.campaign_, 'campaign');
  }
  template(c: string, t: string) {
    this.calls.push(`template ${c} ${t}`);
    return answer(this.file_, 'template');
  }
  consolidated(c: string) {
    this.calls.push(`consolidated ${c}`);
    return answer(this.file_, 'consolidated');
  }
  status(c: string, t: string) {
    this.calls.push(`status ${c} ${t}`);
    return answer(this.status_, 'status');
  }
  completeness(c: string) {
    this.calls.push(`completeness ${c}`);
    return answer(this.completeness_, 'completeness');
  }
  async review(c: string, t: string, action: ReviewAction) {
    this.calls.push(`review ${c} ${t} ${action.action}`);
    this.reviews.push([t, action]);
    const r = typeof this.review_ === 'function' ? (this.review_ as () => void | ApiError)() : this.review_;
    if (r instanceof ApiError) throw r;
  }
  campaigns() {
    this.calls.push('campaigns');
    return answer(this.campaigns_, 'campaigns');
  }
  campaignDetail(c: string) {
    this.calls.push(`campaignDetail ${c}`);
    return answer(this.detail_, 'campaignDetail');
  }
  createCampaign(body: CreateCampaign) {
    this.calls.push('createCampaign');
    this.sent.push(['create', body]);
    return answer(this.create_, 'createCampaign');
  }
  updateCampaign(c: string, body: UpdateCampaign) {
    this.calls.push(`updateCampaign ${c}`);
    this.sent.push(['update', body]);
    return answer(this.update_, 'updateCampaign');
  }
  rosterParse(content: Uint8Array | string, against: RosterAgainst) {
    this.calls.push('rosterParse');
    this.sent.push(['roster', against]);
    return answer(this.roster_, 'rosterParse');
  }
  rosterReconcile(body: RosterReconcileRequest) {
    this.calls.push('rosterReconcile');
    this.sent.push(['reconcile', body]);
    return answer(this.reconcile_, 'rosterReconcile');
  }
  rosterTemplate() {
    this.calls.push('rosterTemplate');
    return answer(this.file_, 'rosterTemplate');
  }
  access(c: string, page: string) {
    this.calls.push(`access ${c} ${page}`);
    return answer(this.access_, 'access');
  }
  issueAccess(c: string, body: IssueAccess) {
    this.calls.push(`issueAccess ${c}`);
    this.sent.push(['issue', body]);
    return answer(this.access_, 'issueAccess');
  }
  revokeAccess(c: string, townships: string[], page: string) {
    this.calls.push(`revokeAccess ${c}`);
    this.sent.push(['revoke', { townships, page }]);
    return answer(this.access_, 'revokeAccess');
  }
  accessSheet(c: string, page: string) {
    this.calls.push(`accessSheet ${c} ${page}`);
    return answer(this.file_, 'accessSheet');
  }
  version(c: string, t: string, v: number) {
    this.calls.push(`version ${c} ${t} ${v}`);
    return answer(this.version_, 'version');
  }
  versionFile(c: string, t: string, v: number) {
    this.calls.push(`versionFile ${c} ${t} ${v}`);
    return answer(this.file_, 'versionFile');
  }
  bulkReview(c: string, body: BulkReview) {
    this.calls.push(`bulkReview ${c}`);
    this.sent.push(['bulk', body]);
    return answer(this.bulk_, 'bulkReview');
  }
  ledger(c: string, q?: LedgerFilterQuery) {
    this.calls.push(`ledger ${c}${q && Object.keys(q).length ? ` ${JSON.stringify(q)}` : ''}`);
    return answer(this.ledger_, 'ledger');
  }
  townshipLedger(c: string, t: string) {
    this.calls.push(`townshipLedger ${c} ${t}`);
    return answer(this.ledger_, 'townshipLedger');
  }
  ledgerAction(c: string, itemId: string, body: LedgerActionRequest) {
    this.calls.push(`ledgerAction ${c} ${itemId} ${body.action}`);
    this.sent.push(['ledger', body]);
    return answer(this.ledgerAction_, 'ledgerAction');
  }
  targets(c: string) {
    this.calls.push(`targets ${c}`);
    return answer(this.targets_, 'targets');
  }
  lookback(c: string) {
    this.calls.push(`lookback ${c}`);
    return answer(this.lookback_, 'lookback');
  }
  upload(c: string, t: string, bytes: Uint8Array, onProgress?: (p: { sent: number | null }) => void) {
    this.calls.push(`upload ${c} ${t}`);
    this.uploaded.push(bytes);
    onProgress?.({ sent: 0.5 });
    onProgress?.({ sent: null });
    return answer(this.upload_, 'upload');
  }
}

export class MemoryCredentials implements CredentialStore {
  constructor(public saved: Connection | null = null) {}
  async load() {
    return this.saved;
  }
  async save(c: Connection) {
    this.saved = c;
  }
  async forget() {
    this.saved = null;
  }
}

export class FakeFiles implements FilePort {
  saved: Array<{ bytes: Uint8Array; fileName: string }> = [];
  constructor(public file: Uint8Array | null = new Uint8Array([1, 2, 3])) {}
  async picked() {
    return this.file;
  }
  save(bytes: Uint8Array, fileName: string) {
    this.saved.push({ bytes, fileName });
  }
}

/** Answers every question with `answer` and records what was asked. */
export class FakeConfirm implements ConfirmPort {
  asked: string[] = [];
  constructor(public answer = true) {}
  async ask(q: { title: string; text: string }) {
    this.asked.push(`${q.title}：${q.text}`);
    return this.answer;
  }
}

export class FakeClipboard implements ClipboardPort {
  copied: string[] = [];
  constructor(public allowed = true) {}
  async copy(text: string) {
    if (this.allowed) this.copied.push(text);
    return this.allowed;
  }
}

export class FakeDelivery implements Delivery {
  delivered: Array<{ bytes: Uint8Array; fileName: string }> = [];
  constructor(public how: 'opened' | 'saved' = 'saved') {}
  async deliver(bytes: Uint8Array, fileName: string) {
    this.delivered.push({ bytes, fileName });
    return this.how;
  }
}

export function fixedReader(result: ReadResult): WorkbookReader & { reads: number } {
  const r = {
    reads: 0,
    async read() {
      r.reads++;
      return result;
    },
  };
  return r;
}

export const browserCaps = capabilities(false, () => false);

/** A store already connected as `me` through `server`, as the connection controller leaves it. */
export function connectedStore(server: FakeServer, me: Me = TOWNSHIP_ME): { store: Store<AppState>; session: Session } {
  const store = createStore(initialState('http://h:1'));
  const s = store.get();
  store.set({ connection: { ...s.connection, phase: 'connected', me, campaign: CAMPAIGN, scheme: { scheme: defaultScheme, caveat: null } } });
  return { store, session: { api: server } };
}
