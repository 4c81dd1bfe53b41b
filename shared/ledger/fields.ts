// Typed values onto an item and the event that records a change: shared by the state machine
// and by item creation.
import type { Issue } from '../issues/types';
import { makeIssue, type Where } from '../issues/catalogue';
import { beijingDay } from '../consolidate/deadline';
import { parseCellDate } from '../validate/rect';
import type { Actor, FieldChange, LedgerContext, LedgerEvent, LedgerField, LedgerInput, LedgerItem, LedgerStatus } from './types';

/** Where the typed values are, for messages (a sheet and each field's cell). */
export interface LedgerWhere {
  sheet?: string;
  cells?: Partial<Record<LedgerField | 'orgName' | 'itemId' | 'requestClose', string>>;
}

/** The sheet and, when known, the cell of one field. */
export function whereOf(w: LedgerWhere | undefined, field?: string): Where {
  const out: Where = {};
  if (w?.sheet !== undefined) out.sheet = w.sheet;
  const cell = field === undefined ? undefined : (w?.cells as Record<string, string | undefined> | undefined)?.[field];
  if (cell !== undefined) out.cell = cell;
  return out;
}

export function trimmed(s: string | undefined): string {
  return (s ?? '').trim();
}

/** Sets a field of the item and records the change, unless the value is already there. */
export type SetField = (field: FieldChange['field'], value: string | null) => void;

/**
 * The one way fields change on an item (creating it or acting on it): `set` writes onto `item`
 * and lists what changed in `changes`, for the event. The item must be the caller's own copy.
 */
export function recordChanges(item: LedgerItem): { set: SetField; changes: FieldChange[] } {
  const changes: FieldChange[] = [];
  // Every changeable field holds a string or null (FieldChange['field'] is their union).
  const rec = item as unknown as Record<FieldChange['field'], string | null>;
  const set: SetField = (field, value) => {
    if (rec[field] === value) return;
    changes.push({ field, from: rec[field] ?? null, to: value });
    rec[field] = value;
  };
  return { set, changes };
}

/**
 * A deadline as a date. One that names no year (年底前, 12月底前, 3月底前) is the next such day on
 * or after the change (the upload, the edit) in Beijing, where the township wrote it: a deadline
 * is set ahead, so 3月底前 typed in May is next March, not a date already past. Null when it
 * is no date (or `at` is no time and the text needs one).
 */
export function deadlineDate(text: string, at: string): string | null {
  const dated = parseCellDate(text);
  if (dated !== null) return dated;
  const ms = Date.parse(at);
  if (Number.isNaN(ms)) return null;
  const today = beijingDay(ms);
  const year = Number(today.slice(0, 4));
  const d = parseCellDate(text, year);
  return d !== null && d < today ? parseCellDate(text, year + 1) : d;
}

/**
 * Typed values onto an item; the deadline keeps its text and gains an ISO date when it reads as
 * one (a deadline without a year: the next such day from `at`, the time of the change).
 */
export function setFields(next: LedgerItem, fields: LedgerInput, set: SetField, where: LedgerWhere | undefined, at: string): Issue[] {
  const issues: Issue[] = [];
  for (const f of ['matter', 'measures', 'owner', 'progress', 'leader', 'liaison'] as const) {
    const value = fields[f];
    if (value !== undefined) set(f, trimmed(value));
  }
  if (fields.deadline !== undefined) {
    const text = trimmed(fields.deadline);
    const iso = text === '' ? null : deadlineDate(text, at);
    set('deadlineText', text);
    set('deadline', iso);
    if (text !== '' && iso === null) issues.push(makeIssue('LEDGER_DEADLINE_MALFORMED', { name: next.orgName, value: text }, whereOf(where, 'deadline')));
  }
  return issues;
}

/** The event of one change: appended to the item's history and, as is, to the audit log. */
export function eventOf(item: LedgerItem, action: LedgerEvent['action'], by: Actor, ctx: LedgerContext, from: LedgerStatus | null, to: LedgerStatus, changes: FieldChange[], comment?: string): LedgerEvent {
  const e: LedgerEvent = { itemId: item.id, orgId: item.orgId, townshipId: item.townshipId, at: ctx.at, by, action, from, to, changes };
  if (comment !== undefined) e.comment = comment;
  if (ctx.campaignId !== undefined) e.campaignId = ctx.campaignId;
  return e;
}
