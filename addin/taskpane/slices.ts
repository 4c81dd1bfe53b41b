// The county's screens beyond the review table, as plain data: the campaign switcher, the
// campaign form, the invitation links and the open version. Each is a slice of AppState.
import type { AccessList, CampaignList, CampaignRosterEntry, Completeness, LedgerList, Lookback, RosterEntry, RosterProposalData, Targets, VersionDetail } from '../../shared/api/contract';
import type { Issue } from '../../shared/issues/types';
import type { Scheme } from '../../shared/scheme/schema';
import type { CampaignFormValues, FieldKey, FieldNote, LinkedCampaign } from './model/campaign-form';
import { ALL_ITEMS, type FormStep, type LedgerFilter } from './model/ledger';
import type { ReconcileChoices } from './model/reconcile';
import type { ShownIssue, Verdict } from './state';

export type CampaignSummary = CampaignList['campaigns'][number];

export interface CampaignsState {
  list: CampaignSummary[] | null;
  /** Each listed campaign's review totals, loaded after the list (the switcher shows them). */
  totals: Record<string, Completeness['totals']>;
  verdict: Verdict | null;
}

export interface RosterLoaded {
  source: 'paste' | 'file';
  /** The file's name, or 粘贴的名册. */
  label: string;
  entries: RosterEntry[];
  townships: Array<{ name: string; count: number }>;
  issues: Issue[];
}

export interface SchemeFile {
  fileName: string;
  /** The parsed JSON as sent to the server; undefined when the file is not valid. */
  value: unknown;
}

export interface Editing {
  id: string;
  revision: number;
  townships: Array<{ id: string; name: string }>;
  roster: Record<string, CampaignRosterEntry[]>;
  scheme: Scheme;
  /** Townships that have reported (their names stay; the standard is locked). */
  reported: number;
  /** A 回头看 is edited as one: no standard or 名册 of its own. */
  kind: 'grading' | 'lookback';
}

/**
 * The campaign the new one links to, read when chosen: a grading's predecessor (its townships fill
 * the list; its organizations carry over when no 名册 is read) or a 回头看's reviewed grading.
 */
export interface Linked extends LinkedCampaign {
  role: 'previous' | 'reviews';
  /** Organizations on its 名册. */
  rosterCount: number;
}

/** Values put into the inputs the county is typing in (a chosen link fills some); `n` tells a new fill. */
export interface FormFill {
  n: number;
  values: Partial<CampaignFormValues>;
}

export interface AdminState {
  mode: 'closed' | 'create' | 'edit';
  /** What the inputs are filled with when `formId` changes. */
  initial: CampaignFormValues;
  formId: number;
  editing: Editing | null;
  roster: RosterLoaded | null;
  schemeFile: SchemeFile | null;
  /** Messages beside the fields. */
  fields: Partial<Record<FieldKey, FieldNote>>;
  /** Cell-level issues of the 名册 (read or refused), listed under it. */
  issues: { title: string; issues: ShownIssue[] } | null;
  /** A new campaign with a predecessor: the roster proposal, the county's choices, the body it was made for. */
  reconcile: { proposal: RosterProposalData; choices: ReconcileChoices; forBody: string } | null;
  linked: Linked | null;
  fill: FormFill | null;
  verdict: Verdict | null;
}

export interface AccessState {
  list: AccessList | null;
  /** Townships with a link action on its way. */
  pending: string[];
  /** A link shown for copying by hand, when the browser refused the clipboard. */
  manual: { townshipId: string; link: string } | null;
  verdict: Verdict | null;
}

export interface DetailState {
  open: { townshipId: string; version: number } | null;
  data: VersionDetail | null;
  /** The return form is open. */
  returning: boolean;
  verdict: Verdict | null;
}

/** The 整改台账: the township's own items, or the county's of every township. */
export interface LedgerState {
  list: LedgerList | null;
  filter: LedgerFilter;
  /** The item whose 申请销号 / 退回 / 复号 form is open, and the message under its field. */
  form: { itemId: string; step: FormStep; note: { field: string; text: string } | null } | null;
  /** Items whose history is shown. */
  history: string[];
  /** Items with a step on its way to the server. */
  pending: string[];
  verdict: Verdict | null;
}

/** 晋位升级 (a campaign with a predecessor) and 回头看 (a regrade): null when the campaign has none. */
export interface YearAfterState {
  targets: Targets | null;
  lookback: Lookback | null;
  verdict: Verdict | null;
}

export const blankForm = (): CampaignFormValues => ({ year: '', county: '', deadline: '', standard: 'default6', townships: '', previousId: '', kind: 'grading', reviewsId: '' });

export function initialSlices() {
  return {
    campaigns: { list: null, totals: {}, verdict: null } as CampaignsState,
    admin: { mode: 'closed', initial: blankForm(), formId: 0, editing: null, roster: null, schemeFile: null, fields: {}, issues: null, reconcile: null, linked: null, fill: null, verdict: null } as AdminState,
    access: { list: null, pending: [], manual: null, verdict: null } as AccessState,
    detail: { open: null, data: null, returning: false, verdict: null } as DetailState,
    ledger: { list: null, filter: ALL_ITEMS, form: null, history: [], pending: [], verdict: null } as LedgerState,
    yearAfter: { targets: null, lookback: null, verdict: null } as YearAfterState,
  };
}
