// Everything the page shows, as plain data in one store. Controllers change it; views render it.
// Each slice is replaced (never mutated) on change, so a view can skip work when its slice is
// the same object as before.
import type { BulkReviewResult, Campaign, Me, Receipt, TownshipStatus } from '../../shared/api/contract';
import type { Issue } from '../../shared/issues/types';
import type { CountyCompleteness } from './api/client';
import type { CountyFilter, CountySort } from './model/county-table';
import { chooseScheme, type SchemeChoice } from './scheme';
import { initialSlices, type AccessState, type AdminState, type CampaignsState, type DetailState, type LedgerState, type YearAfterState } from './slices';

export type Tone = 'ok' | 'error' | 'warning' | 'info';

/** One line of feedback, shown beside the control that caused it. */
export interface Verdict {
  text: string;
  tone: Tone;
}

/** An issue as the list shows it: with the organization its row belongs to, when known. */
export interface ShownIssue extends Issue {
  org?: string;
}

export interface ConnectionState {
  phase: 'idle' | 'connecting' | 'connected';
  /** What the form shows; kept after a failed attempt so the clerk can correct it. */
  serverUrl: string;
  me: Me | null;
  campaign: Campaign | null;
  scheme: SchemeChoice;
  verdict: Verdict | null;
}

export interface IssueReport {
  title: string;
  issues: ShownIssue[];
}

export interface WorkState {
  /** The picked file's name (browser only). */
  fileName: string | null;
  report: IssueReport | null;
  /** The check/upload verdict, shown next to the 检查 and 上报 buttons. */
  verdict: Verdict | null;
  /** Bumped when a verdict should be brought into view (the clerk just clicked). */
  reveal: number;
  /** Upload progress 0..1; null while the server checks; undefined when not uploading. */
  progress: number | null | undefined;
  receipt: Receipt | null;
  /** Receipt heading: "上报成功…" or, for a duplicate or a version made current again, what that means. */
  receiptTitle: Verdict | null;
}

export interface TownshipState {
  status: TownshipStatus | null;
  verdict: Verdict | null;
}

export interface CountyState {
  data: CountyCompleteness | null;
  sort: CountySort;
  filter: CountyFilter;
  /** The township whose return form is open. */
  returning: string | null;
  /** Townships with a review on its way to the server. */
  pending: string[];
  /** Each township's answer to the last 全部通过. */
  bulk: BulkReviewResult | null;
  verdict: Verdict | null;
}

export type BusyKey =
  | 'connect' | 'check' | 'upload' | 'template' | 'highlight' | 'clearHighlight' | 'status' | 'county' | 'consolidated'
  | 'campaigns' | 'openCampaign' | 'pastConsolidated' | 'save' | 'edit' | 'roster' | 'rosterTemplate' | 'linked'
  | 'access' | 'accessSheet' | 'detail' | 'versionFile' | 'bulk' | 'ledger' | 'yearAfter';

export interface AppState {
  /** 'wide' from 900 px: the county view becomes a table. */
  layout: 'narrow' | 'wide';
  connection: ConnectionState;
  work: WorkState;
  township: TownshipState;
  county: CountyState;
  campaigns: CampaignsState;
  admin: AdminState;
  access: AccessState;
  detail: DetailState;
  ledger: LedgerState;
  yearAfter: YearAfterState;
  busy: Partial<Record<BusyKey, boolean>>;
}

export function initialState(serverUrl = ''): AppState {
  return {
    layout: 'narrow',
    connection: { phase: 'idle', serverUrl, me: null, campaign: null, scheme: chooseScheme(null, undefined), verdict: null },
    work: emptyWork(),
    township: { status: null, verdict: null },
    county: { data: null, sort: { key: 'name', dir: 'asc' }, filter: 'all', returning: null, pending: [], bulk: null, verdict: null },
    ...initialSlices(),
    busy: {},
  };
}

export function emptyWork(): WorkState {
  return { fileName: null, report: null, verdict: null, reveal: 0, progress: undefined, receipt: null, receiptTitle: null };
}

export type Listener<S> = (state: S, previous: S) => void;

export interface Store<S> {
  get(): S;
  /** Replaces the named top-level slices; listeners run once per call. */
  set(patch: Partial<S> | ((s: S) => Partial<S>)): void;
  subscribe(fn: Listener<S>): () => void;
}

export function createStore<S extends object>(initial: S): Store<S> {
  let state = initial;
  const listeners = new Set<Listener<S>>();
  return {
    get: () => state,
    set(patch) {
      const previous = state;
      const p = typeof patch === 'function' ? patch(state) : patch;
      state = { ...state, ...p };
      for (const fn of [...listeners]) fn(state, previous);
    },
    subscribe(fn) {
      listeners.add(fn);
      return () => void listeners.delete(fn);
    },
  };
}

/** Patches one slice: `patchSlice(store, 'work', { verdict })`. */
export function patchSlice<K extends keyof AppState>(store: Store<AppState>, key: K, patch: Partial<AppState[K]>): void {
  store.set((s) => ({ [key]: { ...(s[key] as object), ...patch } }) as Partial<AppState>);
}
