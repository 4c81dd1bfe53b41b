// The ledger's state machine and who may move it:
//   整改中 (open) ──township 申请销号──▶ 申请销号 (requested) ──county 销号──▶ 已销号 (closed)
//        ▲                                   │                                   │
//        └────────county 退回 (with comment)──┘                                   │
//   已复号 (reopened) ◀──county 复号 (with comment), or automatically when graded 较差 again──┘
// An item of a dissolved organization is 已撤销 (void). A township edits only its own items
// while they are being rectified; 挂点领导 and 联络员 are the county's. Every accepted change
// is one event; a refused one says why in Chinese and which HTTP answer fits.
import type { Issue } from '../issues/types';
import { makeIssue, type Where } from '../issues/catalogue';
import { stableId, claimId } from '../roster/ids';
import { parseCellDate } from '../validate/rect';
import {
  COUNTY_FIELDS,
  LEDGER_FIELD_LABELS,
  LEDGER_STATUS_LABELS,
  OPEN_STATUSES,
  type Actor,
  type FieldChange,
  type LedgerContext,
  type LedgerEvent,
  type LedgerField,
  type LedgerInput,
  type LedgerItem,
  type LedgerStatus,
} from './types';

export type LedgerAction =
  | { kind: 'edit'; fields: LedgerInput }
  /** 申请销号: 完成情况 (new text, or what the item has) and the completion date as typed. */
  | { kind: 'request'; progress?: string; completedOn: string }
  | { kind: 'confirm'; comment?: string }
  | { kind: 'reject'; comment: string }
  | { kind: 'reopen'; comment: string }
  /** 复号 because the organization was graded 较差 again (gradeLabel for the comment). */
  | { kind: 'autoReopen'; gradeLabel: string }
  /** The organization was renamed, moved or merged: the item follows it. */
  | { kind: 'follow'; orgId: string; orgName: string; townshipId: string }
  | { kind: 'void'; comment?: string };

export type LedgerRefusalReason = 'forbidden' | 'conflict' | 'invalid';

/** 403 for the wrong role or township, 409 for the wrong status, 422 for missing or bad values. */
export const LEDGER_REFUSAL_STATUS: Readonly<Record<LedgerRefusalReason, 403 | 409 | 422>> = { forbidden: 403, conflict: 409, invalid: 422 };

export type LedgerResult =
  | { ok: true; item: LedgerItem; event: LedgerEvent | null; issues: Issue[] }
  | { ok: false; reason: LedgerRefusalReason; issues: Issue[] };

type Role = Actor['role'];
const ALL: readonly LedgerStatus[] = ['open', 'requested', 'closed', 'reopened', 'void'];

/** Who may take each action, from which statuses; the label names it in messages. */
export const LEDGER_RULES: Readonly<Record<LedgerAction['kind'], { who: readonly Role[]; from: readonly LedgerStatus[]; label: string }>> = {
  edit: { who: ['township', 'county'], from: ['open', 'reopened', 'requested', 'closed'], label: '修改' },
  request: { who: ['township'], from: OPEN_STATUSES, label: '申请销号' },
  confirm: { who: ['county'], from: ['requested'], label: '销号' },
  reject: { who: ['county'], from: ['requested'], label: '退回销号申请' },
  reopen: { who: ['county'], from: ['closed'], label: '复号' },
  autoReopen: { who: ['system'], from: ['closed'], label: '复号' },
  follow: { who: ['system'], from: ALL, label: '变更所属党组织' },
  void: { who: ['system', 'county'], from: ['open', 'reopened', 'requested'], label: '撤销' },
};

const ROLE_NAMES: Readonly<Record<Role, string>> = { county: '县委组织部', township: '乡镇（街道）', system: '系统在名册或定级结果变化时自动' };

/** Where the typed values are, for messages (a sheet and each field's cell). */
export interface LedgerWhere {
  sheet?: string;
  cells?: Partial<Record<LedgerField | 'orgName' | 'itemId' | 'requestClose', string>>;
}

function at(w: LedgerWhere | undefined, field?: string): Where {
  const out: Where = {};
  if (w?.sheet !== undefined) out.sheet = w.sheet;
  const cell = field === undefined ? undefined : (w?.cells as Record<string, string | undefined> | undefined)?.[field];
  if (cell !== undefined) out.cell = cell;
  return out;
}

export function applyLedgerAction(item: LedgerItem, action: LedgerAction, actor: Actor, ctx: LedgerContext, where?: LedgerWhere): LedgerResult {
  const rule = LEDGER_RULES[action.kind];
  const name = item.orgName;
  const refuse = (reason: LedgerRefusalReason, issues: Issue[]): LedgerResult => ({ ok: false, reason, issues });
  if (!rule.who.includes(actor.role)) {
    return refuse('forbidden', [makeIssue('LEDGER_FORBIDDEN_ROLE', { name, action: rule.label, who: rule.who.map((r) => ROLE_NAMES[r]).join('或') }, at(where))]);
  }
  if (actor.role === 'township' && actor.townshipId !== item.townshipId) return refuse('forbidden', [makeIssue('LEDGER_OTHER_TOWNSHIP', { name }, at(where, 'orgName'))]);
  const from = rule.from.includes(item.status) && !(action.kind === 'edit' && !canEdit(actor, item.status));
  if (!from) return refuse('conflict', [makeIssue('LEDGER_BAD_TRANSITION', { name, status: LEDGER_STATUS_LABELS[item.status], action: rule.label }, at(where))]);

  const next: LedgerItem = { ...item, history: [...item.history] };
  const changes: FieldChange[] = [];
  const warnings: Issue[] = [];
  const set = (field: FieldChange['field'], value: string | null) => {
    const rec = next as unknown as Record<string, string | null>;
    if (rec[field] === value) return;
    changes.push({ field, from: rec[field] ?? null, to: value });
    rec[field] = value;
  };
  let to: LedgerStatus = item.status;
  let comment: string | undefined;

  switch (action.kind) {
    case 'edit': {
      if (actor.role === 'township') {
        const county = COUNTY_FIELDS.find((f) => f in action.fields && clean(action.fields[f as keyof LedgerInput]) !== item[f]);
        if (county) return refuse('forbidden', [makeIssue('LEDGER_FORBIDDEN_ROLE', { name, action: `填写“${LEDGER_FIELD_LABELS[county]}”`, who: ROLE_NAMES.county }, at(where, county))]);
      }
      warnings.push(...setFields(next, action.fields, set, where));
      break;
    }
    case 'request': {
      const progress = clean(action.progress) || item.progress;
      const completedOn = parseCellDate(clean(action.completedOn));
      const problems: Issue[] = [];
      if (!progress) problems.push(makeIssue('LEDGER_REQUEST_NO_PROGRESS', { name }, at(where, 'progress')));
      if (completedOn === null) problems.push(makeIssue('LEDGER_REQUEST_NO_DATE', { name, value: clean(action.completedOn) }, at(where, 'completedOn')));
      if (problems.length) return refuse('invalid', problems);
      set('progress', progress);
      set('completedOn', completedOn);
      to = 'requested';
      break;
    }
    case 'confirm':
      to = 'closed';
      comment = clean(action.comment) || undefined;
      break;
    case 'reject':
    case 'reopen': {
      comment = clean(action.comment);
      if (!comment) return refuse('invalid', [makeIssue('LEDGER_COMMENT_REQUIRED', { name, action: action.kind === 'reject' ? '退回' : '复号' }, at(where))]);
      to = action.kind === 'reject' ? statusBeforeRequest(item) : 'reopened';
      set('completedOn', null);
      break;
    }
    case 'autoReopen':
      to = 'reopened';
      comment = `再次定为“${action.gradeLabel}”，自动复号`;
      set('completedOn', null);
      break;
    case 'follow':
      set('orgId', action.orgId);
      set('orgName', action.orgName);
      set('townshipId', action.townshipId);
      break;
    case 'void':
      to = 'void';
      comment = clean(action.comment) || undefined;
      break;
  }
  next.status = to;
  if (to === item.status && changes.length === 0) return { ok: true, item, event: null, issues: warnings };
  const event = eventOf(next, action.kind, actor, ctx, item.status, to, changes, comment);
  next.history.push(event);
  return { ok: true, item: next, event, issues: warnings };
}

/** A township edits while it is rectifying; the county edits anything not void. */
function canEdit(actor: Actor, status: LedgerStatus): boolean {
  if (actor.role === 'township') return OPEN_STATUSES.includes(status);
  return status !== 'void';
}

/** 退回 returns an item to what it was before the request: 整改中, or 已复号 if it had been reopened. */
function statusBeforeRequest(item: LedgerItem): LedgerStatus {
  for (let i = item.history.length - 1; i >= 0; i--) {
    const e = item.history[i];
    if (e?.to === 'requested' && e.from !== null && OPEN_STATUSES.includes(e.from)) return e.from;
  }
  return 'open';
}

function clean(s: string | undefined): string {
  return (s ?? '').trim();
}

/** Typed values onto an item; the deadline keeps its text and gains an ISO date when it reads as one. */
function setFields(next: LedgerItem, fields: LedgerInput, set: (f: FieldChange['field'], v: string | null) => void, where: LedgerWhere | undefined): Issue[] {
  const issues: Issue[] = [];
  for (const f of ['matter', 'measures', 'owner', 'progress', 'leader', 'liaison'] as const) {
    const value = fields[f];
    if (value !== undefined) set(f, clean(value));
  }
  if (fields.deadline !== undefined) {
    const text = clean(fields.deadline);
    const iso = text === '' ? null : parseCellDate(text);
    set('deadlineText', text);
    set('deadline', iso);
    if (text !== '' && iso === null) issues.push(makeIssue('LEDGER_DEADLINE_MALFORMED', { name: next.orgName, value: text }, at(where, 'deadline')));
  }
  return issues;
}

function eventOf(item: LedgerItem, action: LedgerEvent['action'], by: Actor, ctx: LedgerContext, from: LedgerStatus | null, to: LedgerStatus, changes: FieldChange[], comment?: string): LedgerEvent {
  const e: LedgerEvent = { itemId: item.id, orgId: item.orgId, townshipId: item.townshipId, at: ctx.at, by, action, from, to, changes };
  if (comment !== undefined) e.comment = comment;
  if (ctx.campaignId !== undefined) e.campaignId = ctx.campaignId;
  return e;
}

export interface NewItem {
  orgId: string;
  orgName: string;
  townshipId: string;
  /** The campaign opening it. */
  campaignId: string;
  grade: string;
  fields: LedgerInput;
}

/**
 * A new item, numbered after the organization's items from the same campaign (`existing` needs
 * at least those). Its id hashes
 * (campaign, organization, number), so the same upload processed twice names it the same.
 */
export function createLedgerItem(
  init: NewItem,
  existing: readonly LedgerItem[],
  actor: Actor,
  ctx: LedgerContext,
  where?: LedgerWhere,
  /** Whether an id is taken anywhere in the ledger (default: among `existing`). */
  taken: (id: string) => boolean = (id) => existing.some((i) => i.id === id),
): { item: LedgerItem; event: LedgerEvent; issues: Issue[] } {
  const seq = 1 + existing.filter((i) => i.orgId === init.orgId && i.campaignId === init.campaignId).reduce((m, i) => Math.max(m, i.seq), 0);
  const id = claimId(stableId('l', [init.campaignId, init.orgId, String(seq)]), { has: taken });
  const item: LedgerItem = {
    id,
    orgId: init.orgId,
    orgName: init.orgName,
    townshipId: init.townshipId,
    campaignId: init.campaignId,
    grade: init.grade,
    seq,
    status: 'open',
    matter: '',
    measures: '',
    owner: '',
    deadlineText: '',
    deadline: null,
    progress: '',
    completedOn: null,
    leader: '',
    liaison: '',
    history: [],
  };
  const changes: FieldChange[] = [];
  const set = (field: FieldChange['field'], value: string | null) => {
    const rec = item as unknown as Record<string, string | null>;
    if (rec[field] === value) return;
    changes.push({ field, from: rec[field] ?? null, to: value });
    rec[field] = value;
  };
  const issues = setFields(item, init.fields, set, where);
  const event = eventOf(item, 'create', actor, ctx, null, 'open', changes);
  item.history.push(event);
  return { item, event, issues };
}
