// What the controllers need from the outside world, as interfaces. taskpane.ts wires the real
// ones (fetch/XHR client, Office.js, localStorage, the lazily loaded reader); tests pass fakes.
import type { Campaign, Me, ReviewAction, TownshipStatus } from '../../shared/api/contract';
import type { Scheme } from '../../shared/scheme/schema';
import type { ReadResult } from '../../shared/submission/types';
import type { CountyCompleteness, Downloaded, UploadOutcome, UploadProgress } from './api/client';
import type { CellRef } from './excel/address';
import type { HighlightResult, HighlightTarget } from './excel/highlight';
import type { SelectResult } from './excel/select';
import type { Capabilities } from './host/capabilities';
import type { Connection } from './host/storage';

/** The county's server, as ApiClient implements it. */
export interface ServerApi {
  me(): Promise<Me>;
  campaign(c: string): Promise<{ campaign: Campaign; scheme: unknown }>;
  template(c: string, t: string): Promise<Downloaded>;
  consolidated(c: string): Promise<Downloaded>;
  status(c: string, t: string): Promise<TownshipStatus>;
  completeness(c: string): Promise<CountyCompleteness>;
  review(c: string, t: string, action: ReviewAction): Promise<void>;
  upload(c: string, t: string, bytes: Uint8Array, onProgress?: (p: UploadProgress) => void): Promise<UploadOutcome>;
}

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
