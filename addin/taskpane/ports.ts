// What the controllers need from the outside world, as interfaces. taskpane.ts wires the real
// ones (fetch/XHR client, Office.js, localStorage, the lazily loaded reader); tests pass fakes.
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
  ReviewAction,
  RosterParse,
  RosterProposalData,
  RosterReconcileRequest,
  Targets,
  TownshipStatus,
  UpdateCampaign,
  VersionDetail,
} from '../../shared/api/contract';
import type { Scheme } from '../../shared/scheme/schema';
import type { ReadResult } from '../../shared/submission/types';
import type { CountyCompleteness, Downloaded, LedgerFilterQuery, RosterAgainst, UploadOutcome, UploadProgress } from './api/client';
import type { CellRef } from './excel/address';
import type { HighlightResult, HighlightTarget } from './excel/highlight';
import type { SelectResult } from './excel/select';
import type { Capabilities } from './host/capabilities';
import type { Connection } from './host/storage';

/** What a township's work needs from the server (and the connect step). */
export interface WorkApi {
  me(): Promise<Me>;
  campaign(c: string): Promise<{ campaign: Campaign; scheme: unknown }>;
  template(c: string, t: string): Promise<Downloaded>;
  status(c: string, t: string): Promise<TownshipStatus>;
  upload(c: string, t: string, bytes: Uint8Array, onProgress?: (p: UploadProgress) => void): Promise<UploadOutcome>;
}

/** The county's review: who has reported, a version with its rows and diff, decisions. */
export interface ReviewApi {
  completeness(c: string): Promise<CountyCompleteness>;
  review(c: string, t: string, action: ReviewAction): Promise<void>;
  bulkReview(c: string, body: BulkReview): Promise<BulkReviewResult>;
  consolidated(c: string): Promise<Downloaded>;
  version(c: string, t: string, v: number): Promise<VersionDetail>;
  versionFile(c: string, t: string, v: number): Promise<Downloaded>;
}

/** The county's campaigns: list, create, edit, and the 党组织名册 behind them (reconciled with last year's). */
export interface CampaignApi {
  campaigns(): Promise<CampaignList>;
  campaignDetail(c: string): Promise<CampaignDetail>;
  createCampaign(body: CreateCampaign): Promise<CampaignDetail>;
  updateCampaign(c: string, body: UpdateCampaign): Promise<CampaignDetail>;
  rosterParse(content: Uint8Array | string, against: RosterAgainst): Promise<RosterParse>;
  rosterTemplate(): Promise<Downloaded>;
  rosterReconcile(body: RosterReconcileRequest): Promise<RosterProposalData>;
}

/** Invitation links and the 派发表. */
export interface AccessApi {
  access(c: string, page: string): Promise<AccessList>;
  issueAccess(c: string, body: IssueAccess): Promise<AccessList>;
  revokeAccess(c: string, townships: string[], page: string): Promise<AccessList>;
  accessSheet(c: string, page: string): Promise<Downloaded>;
}

/** The year after: the 整改台账 and its steps, the upgrade targets, a 回头看's before and after. */
export interface YearAfterApi {
  ledger(c: string, q?: LedgerFilterQuery): Promise<LedgerList>;
  townshipLedger(c: string, t: string): Promise<LedgerList>;
  ledgerAction(c: string, itemId: string, body: LedgerActionRequest): Promise<LedgerActionResult>;
  targets(c: string): Promise<Targets>;
  lookback(c: string): Promise<Lookback>;
}

/** The county's server, as ApiClient implements it. */
export interface ServerApi extends WorkApi, ReviewApi, CampaignApi, AccessApi, YearAfterApi {}

/** Builds a client for a server address and token; throws ApiError for an address that is not one. */
export type ApiFactory = (serverUrl: string, token: string) => ServerApi;

/** What only Excel can do. Absent outside Excel. */
export interface ExcelPort {
  readOpenWorkbook(): Promise<Uint8Array>;
  selectCell(ref: CellRef): Promise<SelectResult>;
  highlightCells(targets: readonly HighlightTarget[]): Promise<HighlightResult>;
  clearHighlights(): Promise<number>;
  /** Returns the names of the inserted visible sheets. */
  insertTemplate(bytes: Uint8Array, expectedNames: readonly string[]): Promise<string[]>;
  openWorkbook(bytes: Uint8Array): Promise<void>;
}

/** The browser's side: the file the clerk picked, and downloads. */
export interface FilePort {
  picked(): Promise<Uint8Array | null>;
  save(bytes: Uint8Array, fileName: string): void;
}

export interface CredentialStore {
  load(): Promise<Connection | null>;
  save(c: Connection): Promise<void>;
  forget(): Promise<void>;
}

/** readSubmission behind a dynamic import, so the reader is fetched only when a workbook is checked. */
export interface WorkbookReader {
  read(bytes: Uint8Array, scheme: Scheme): Promise<ReadResult>;
}

export interface Clock {
  now(): number;
}

/** A question the page asks in its own dialog (never window.confirm): true when the clerk agrees. */
export interface ConfirmPort {
  ask(q: { title: string; text: string; ok: string; danger?: boolean }): Promise<boolean>;
}

/** Copying a link; false when the browser does not allow it (the page then shows the link to copy by hand). */
export interface ClipboardPort {
  copy(text: string): Promise<boolean>;
}

/** Where a downloaded workbook goes: a new Excel window inside Excel, a download in a browser. */
export interface Delivery {
  deliver(bytes: Uint8Array, fileName: string): Promise<'opened' | 'saved'>;
}

/** The live connection, shared by the controllers; set and cleared by the connection controller. */
export interface Session {
  api: ServerApi | null;
}

export interface Deps {
  caps: Capabilities;
  api: ApiFactory;
  excel: ExcelPort | null;
  files: FilePort;
  credentials: CredentialStore;
  reader: WorkbookReader;
  clock: Clock;
}

/** The campaign a county left open in this tab, so that a reload lands on it again. */
export interface CampaignMemory {
  get(): string | null;
  set(id: string): void;
}
