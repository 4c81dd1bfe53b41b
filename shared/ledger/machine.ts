// The ledger's state machine and who may move it:
//   整改中 (open) ──township 申请销号──▶ 申请销号 (requested) ──county 销号──▶ 已销号 (closed)
//        ▲                                   │                                   │
//        └────────county 退回 (with comment)──┘                                   │
//   已复号 (reopened) ◀──county 复号 (with comment), or automatically when graded 较差 again──┘
// 已复号 is rectification again: the township may 申请销号 once more, and a 退回 returns there.
// An item of a dissolved organization is 已撤销 (void). A township edits only its own items
// while they are being rectified; 挂点领导 and 联络员 are the county's. Every accepted change
// is one event; a refused one says why in Chinese and which HTTP answer fits.
import type { Issue } from '../issues/types';
import { makeIssue } from '../issues/catalogue';
import { beijingDay } from '../consolidate/deadline';
import { parseCellDate } from '../validate/rect';
import { eventOf, recordChanges, setFields, trimmed, whereOf, type LedgerWhere } from './fields';
import { COUNTY_FIELDS, LEDGER_FIELD_LABELS, LEDGER_STATUS_LABELS, OPEN_STATUSES, type Actor, type LedgerContext, type LedgerEvent, type LedgerInput, type LedgerItem, type LedgerStatus } from './types';

export type { LedgerWhere } from './fields';

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

/** Every code the machine refuses an action with (an HTTP answer maps them: functions/src/ledger/refusal.ts). */
export const LEDGER_REFUSAL_CODES = [
  'LEDGER_FORBIDDEN_ROLE',
  'LEDGER_OTHER_TOWNSHIP',
  'LEDGER_BAD_TRANSITION',
  'LEDGER_REQUEST_NO_MATTER',
  'LEDGER_REQUEST_NO_PROGRESS',
  'LEDGER_REQUEST_NO_DATE',
  'LEDGER_REQUEST_DATE_FUTURE',
  'LEDGER_COMMENT_REQUIRED',
] as const;

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

export function applyLedgerAction(item: LedgerItem, action: LedgerAction, actor: Actor, ctx: LedgerContext, where?: LedgerWhere): LedgerResult {
  const rule = LEDGER_RULES[action.kind];
  const name = item.orgName;
  const refuse = (reason: LedgerRefusalReason, issues: Issue[]): LedgerResult => ({ ok: false, reason, issues });
  if (!rule.who.includes(actor.role)) {
    return refuse('forbidden', [makeIssue('LEDGER_FORBIDDEN_ROLE', { name, action: rule.label, who: rule.who.map((r) => ROLE_NAMES[r]).join('或') }, whereOf(where))]);
  }
  if (actor.role === 'township' && actor.townshipId !== item.townshipId) return refuse('forbidden', [makeIssue('LEDGER_OTHER_TOWNSHIP', { name }, whereOf(where, 'orgName'))]);
  const allowed = rule.from.includes(item.status) && (action.kind !== 'edit' || canEdit(actor, item.status));
  if (!allowed) return refuse('conflict', [makeIssue('LEDGER_BAD_TRANSITION', { name, status: LEDGER_STATUS_LABELS[item.status], action: rule.label }, whereOf(where))]);

  const next: LedgerItem = { ...item, history: [...item.history] };
  const { set, changes } = recordChanges(next);
  const warnings: Issue[] = [];
  let to: LedgerStatus = item.status;
  let comment: string | undefined;

  switch (action.kind) {
    case 'edit': {
      if (actor.role === 'township') {
        const county = COUNTY_FIELDS.find((f) => f in action.fields && trimmed(action.fields[f as keyof LedgerInput]) !== item[f]);
        if (county) return refuse('forbidden', [makeIssue('LEDGER_FORBIDDEN_ROLE', { name, action: `填写“${LEDGER_FIELD_LABELS[county]}”`, who: ROLE_NAMES.county }, whereOf(where, county))]);
      }
      warnings.push(...setFields(next, action.fields, set, where, ctx.at));
      break;
    }
    case 'request': {
      const progress = trimmed(action.progress) || item.progress;
      const completedOn = parseCellDate(trimmed(action.completedOn));
      // The county's (Beijing) day of the action.
      const today = beijingDay(Date.parse(ctx.at));
      const problems: Issue[] = [];
      // 销号 is verified rectification: of a stated matter, done by now (a date to come is a plan).
      if (!next.matter) problems.push(makeIssue('LEDGER_REQUEST_NO_MATTER', { name }, whereOf(where, 'matter')));
      if (!progress) problems.push(makeIssue('LEDGER_REQUEST_NO_PROGRESS', { name }, whereOf(where, 'progress')));
      if (completedOn === null) problems.push(makeIssue('LEDGER_REQUEST_NO_DATE', { name, value: trimmed(action.completedOn) }, whereOf(where, 'completedOn')));
      else if (completedOn > today) problems.push(makeIssue('LEDGER_REQUEST_DATE_FUTURE', { name, value: completedOn, today }, whereOf(where, 'completedOn')));
      if (problems.length) return refuse('invalid', problems);
      set('progress', progress);
      set('completedOn', completedOn);
      to = 'requested';
      break;
    }
    case 'confirm':
      to = 'closed';
      comment = trimmed(action.comment) || undefined;
      break;
    case 'reject':
    case 'reopen': {
      comment = trimmed(action.comment);
      if (!comment) return refuse('invalid', [makeIssue('LEDGER_COMMENT_REQUIRED', { name, action: action.kind === 'reject' ? '退回' : '复号' }, whereOf(where))]);
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
      comment = trimmed(action.comment) || undefined;
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
