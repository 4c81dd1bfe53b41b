// The rectification ledger (整改台账 / 定级台账) as records: one item per rectification matter of
// an 一般/较差 organization, with the five fields of the 整改提高公示牌 (source 002: 整改事项、
// 主要措施、责任人、完成时限、完成情况), the 挂点领导 and 联络员 of the 回头看 text, a status the
// county manages by 销号/复号 (source 000), and the history of every change.
import type { Issue } from '../issues/types';

export type LedgerStatus = 'open' | 'requested' | 'closed' | 'reopened' | 'void';

export const LEDGER_STATUS_LABELS: Readonly<Record<LedgerStatus, string>> = {
  open: '整改中',
  requested: '申请销号',
  closed: '已销号',
  reopened: '已复号',
  /** The organization was dissolved or the item withdrawn with it; kept for the record. */
  void: '已撤销',
};

/** Statuses in which the township is still rectifying (what "open items" means everywhere). */
export const OPEN_STATUSES: readonly LedgerStatus[] = ['open', 'reopened'];
/** Statuses that are not yet 销号 and still count against an upgrade (回头看) or a template. */
export const UNCLOSED_STATUSES: readonly LedgerStatus[] = ['open', 'reopened', 'requested'];

export interface LedgerFields {
  /** 整改事项 */
  matter: string;
  /** 主要措施 */
  measures: string;
  /** 责任人 */
  owner: string;
  /** 完成时限 as written (“2026年6月底”, “七一前”). */
  deadlineText: string;
  /** 完成时限 as an ISO date when it reads as one; overdue is judged on it. */
  deadline: string | null;
  /** 完成情况 */
  progress: string;
  /** The completion date the township gave with its 申请销号 (ISO). */
  completedOn: string | null;
  /** 挂点领导: assigned by the county. */
  leader: string;
  /** 联络员: assigned by the county. */
  liaison: string;
}

export type LedgerField = keyof LedgerFields;

export const LEDGER_FIELD_LABELS: Readonly<Record<LedgerField, string>> = {
  matter: '整改事项',
  measures: '主要措施',
  owner: '责任人',
  deadlineText: '完成时限',
  deadline: '完成时限',
  progress: '完成情况',
  completedOn: '完成日期',
  leader: '挂点领导',
  liaison: '联络员',
};

/** Fields only the county sets: who leads and who liaises is the county's arrangement. */
export const COUNTY_FIELDS: readonly LedgerField[] = ['leader', 'liaison'];

export interface LedgerItem extends LedgerFields {
  id: string;
  orgId: string;
  /** The organization's name now (follows renames and merges). */
  orgName: string;
  townshipId: string;
  /** The campaign that opened the item. */
  campaignId: string;
  /** The grade key that caused it (一般 or 较差 under the default scheme). */
  grade: string;
  /** 1-based among the items that campaign opened for the organization (part of the id). */
  seq: number;
  status: LedgerStatus;
  history: LedgerEvent[];
}

export type Actor =
  | { role: 'county'; label?: string }
  | { role: 'township'; townshipId: string; label?: string }
  /** The engine itself: 复号 when graded 较差 again, following a rename, merge or dissolution. */
  | { role: 'system' };

export type LedgerActionKind = 'create' | 'edit' | 'request' | 'confirm' | 'reject' | 'reopen' | 'autoReopen' | 'follow' | 'void';

/** What an item's history says each kind of change was (the pane's 整改 history lines). */
export const LEDGER_EVENT_LABELS: Readonly<Record<LedgerActionKind, string>> = {
  create: '建立整改事项',
  edit: '修改',
  request: '申请销号',
  confirm: '销号',
  reject: '退回销号申请',
  reopen: '复号',
  autoReopen: '再次评为较差，自动复号',
  follow: '随党组织变更',
  void: '撤销',
};

export interface FieldChange {
  field: LedgerField | 'orgId' | 'orgName' | 'townshipId';
  from: string | null;
  to: string | null;
}

/** One change to one item: appended to its history and, as is, to the audit log. */
export interface LedgerEvent {
  itemId: string;
  orgId: string;
  townshipId: string;
  /** ISO instant. */
  at: string;
  by: Actor;
  action: LedgerActionKind;
  from: LedgerStatus | null;
  to: LedgerStatus;
  changes: FieldChange[];
  comment?: string;
  /** The campaign in whose course it happened (the grading that reopened it, the upload that requested it). */
  campaignId?: string;
}

/** What a township or the county may type into an item (deadline as written). */
export interface LedgerInput {
  matter?: string;
  measures?: string;
  owner?: string;
  deadline?: string;
  progress?: string;
  leader?: string;
  liaison?: string;
}

/** When a change happens and in which campaign's course. */
export interface LedgerContext {
  at: string;
  campaignId?: string;
}

/** The result of a batch of ledger work: what the storage layer writes and appends. */
export interface LedgerChangeSet {
  /** Every item given, with changes applied, plus the new ones (new ones last). */
  items: LedgerItem[];
  /** Only the items that changed or are new, for writing. */
  changed: LedgerItem[];
  /** In order, for the audit log. */
  events: LedgerEvent[];
  issues: Issue[];
}
