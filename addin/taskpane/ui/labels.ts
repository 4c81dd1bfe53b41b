// State labels have one owner (shared/review), so the pane says what the county workbook says.
export { REVIEW_STATE_LABEL as STATE_LABEL } from '../../../shared/review/machine';

export const ROLE_LABEL = { county: '县委组织部', township: '乡镇（街道）党(工)委' } as const;

const pad = (n: number) => String(n).padStart(2, '0');

/** ISO time → "2026-04-25 16:03" in the clerk's local time; unparsable text passes through. */
export function formatTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** Hash abbreviated for reading aloud over the phone; the full one is in the title attribute. */
export function shortHash(hash: string): string {
  return hash.length > 12 ? `${hash.slice(0, 12)}…` : hash;
}
