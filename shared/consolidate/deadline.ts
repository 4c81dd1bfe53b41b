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

/** ISO instant → "2026-04-25 17:03" in Beijing time, as the county's sheets print times. */
export function beijingText(iso: string | null): string {
  if (!iso) return '';
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return '';
  return new Date(ms + 8 * 3600_000).toISOString().replace('T', ' ').slice(0, 16);
}
