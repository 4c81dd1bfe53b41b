// Overdue items: still being rectified after the end of their deadline day in Beijing time, the
// same day boundary as late uploads (consolidate/deadline.ts). An item whose township has asked
// for 销号 is waiting on the county, not overdue; a deadline that is not a date cannot be late.
import type { Issue } from '../issues/types';
import { makeIssue } from '../issues/catalogue';
import { daysLeft } from '../consolidate/deadline';
import { OPEN_STATUSES, type LedgerItem } from './types';

/** Whole Beijing days past the deadline day (1 the day after), or 0 when not overdue. */
export function overdueDays(item: Pick<LedgerItem, 'status' | 'deadline'>, now: number): number {
  if (!OPEN_STATUSES.includes(item.status) || item.deadline === null) return 0;
  return Math.max(0, -(daysLeft(item.deadline, now) ?? 0));
}

/** One warning per overdue item, longest overdue first, naming the organization and the matter. */
export function overdueIssues(items: readonly LedgerItem[], now: number): Issue[] {
  return items
    .map((item) => ({ item, days: overdueDays(item, now) }))
    .filter((x) => x.days > 0)
    .sort((a, b) => b.days - a.days || (a.item.id < b.item.id ? -1 : 1))
    .map(({ item, days }) => makeIssue('LEDGER_OVERDUE', { name: item.orgName, matter: item.matter || '（未填写）', deadline: item.deadline ?? '', days }));
}
