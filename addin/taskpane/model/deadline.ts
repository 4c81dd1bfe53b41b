// The deadline as a clerk reads it before uploading: the date, and how many days are left or how
// late it is. The days are counted by shared/consolidate/deadline.ts, the same rule as the
// server's 逾期; this file only words them.
import type { ReviewState } from '../../../shared/api/contract';
import { daysLeft } from '../../../shared/consolidate/deadline';

export interface DeadlineNote {
  text: string;
  /** Shown in red: the deadline has passed and nothing on time is in. */
  late: boolean;
}

/**
 * `inOnTime`: the township's current version arrived before the deadline (the server's `late` is
 * false and something is in); after the deadline such a township is told so instead of "逾期".
 */
export function deadlineNote(deadline: string, now: number, state?: { state: ReviewState; late: boolean } | null): DeadlineNote {
  const d = daysLeft(deadline, now);
  if (d === null) return { text: `截止日期：${deadline}`, late: false };
  if (d > 0) return { text: `截止日期：${deadline}（北京时间当天 24 时前），还有 ${d} 天`, late: false };
  if (d === 0) return { text: `截止日期：今天（${deadline}）24 时前，请尽快上报`, late: false };
  if (state && state.state !== 'missing' && !state.late) return { text: `截止日期：${deadline}，已过；本单位已按时上报`, late: false };
  return { text: `截止日期：${deadline}，已逾期 ${-d} 天`, late: true };
}
