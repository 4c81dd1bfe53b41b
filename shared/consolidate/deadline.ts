// Deadlines and times as the townships live them: in Beijing time (UTC+8), whatever the time zone
// of the browser or the server. The one owner of the day boundary, so that the pane's "还有 3 天",
// the server's 逾期 and the ledger's overdue days are counted one way.

const DAY = 86_400_000;
const BEIJING = 8 * 3_600_000;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

// "Uploads after the end of this day are late": the end of the deadline day in Beijing time
// (UTC+8), where the townships are. A township with nothing in after that moment is late too.
export function deadlineEnd(deadline: string): number {
  return Date.parse(`${deadline}T23:59:59.999+08:00`);
}

export function isLate(deadline: string, receivedAt: string | null, now: number): boolean {
  const end = deadlineEnd(deadline);
  if (receivedAt === null) return now > end;
  return Date.parse(receivedAt) > end;
}

/** The calendar day in Beijing at an instant, "2026-04-25". */
export function beijingDay(now: number): string {
  return new Date(now + BEIJING).toISOString().slice(0, 10);
}

/**
 * Calendar days from today (Beijing) to the deadline day: 0 on the day itself, negative after
 * (-1 the day after). Null when the deadline is not a date ("年底前").
 */
export function daysLeft(deadline: string, now: number): number | null {
  if (!ISO_DAY.test(deadline)) return null;
  const end = Date.parse(`${deadline}T00:00:00Z`);
  if (Number.isNaN(end)) return null;
  return Math.round((end - Date.parse(`${beijingDay(now)}T00:00:00Z`)) / DAY);
}

/** ISO instant → "2026-04-25 17:03" in Beijing time, as the county's sheets and the pane print times. */
export function beijingText(iso: string | null | undefined): string {
  if (!iso) return '';
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return '';
  return new Date(ms + BEIJING).toISOString().replace('T', ' ').slice(0, 16);
}
