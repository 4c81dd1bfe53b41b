// Dates as clerks write them, in one place for every date field (填报日期, 完成时限).
import { makeIssue, type Where } from '../../issues/catalogue';
import { cleanText, normalizeLabel } from '../../text/normalize';
import { cellIsBlank, cellText, isoDate, type SheetCell } from '../../workbook/model';
import { serialToDate } from '../../xlsx/cell-value';
import { TEXT_LIMITS } from '../limits';
import type { Issue } from '../../issues/types';

// A full date: 2026-03-05, 2026/3/5, 2026.3.5, 2026年3月5日. Matched after normalizeLabel, so
// full-width digits and spaces (２０２６ 年 3 月 5 日) are read the same. One pattern, anchored for
// a cell and searched for in free text.
const FULL_DATE = String.raw`(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?`;
const DATE_CELL = new RegExp(`^${FULL_DATE}$`);
const DATE_IN_TEXT = new RegExp(FULL_DATE);

/**
 * A date cell, an Excel serial typed as a number, 2026-12-31, 2026/12/31, 2026.12.31,
 * 2026年12月31日, a month (2026年6月, 2026年6月底, 2026.6 → its last day) or a year's end
 * (2026年底, 2026年底前 → 12-31). With `year`, also a month or a year's end that names no year
 * (12月底前, 12月末, 12月份, 年底前 → that year's last day of the month): for a caller that knows
 * which year the clerk meant. Null when it is none of these.
 */
export function parseCellDate(v: unknown, year?: number): string | null {
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : isoDate(v);
  if (typeof v === 'number' && v > 20000 && v < 80000) {
    // An Excel serial date typed into a text-formatted cell.
    return isoDate(serialToDate(Math.round(v), false));
  }
  if (typeof v !== 'string') return null;
  const s = normalizeLabel(v).replace(/(以前|之前|前)$/, '');
  let m = DATE_CELL.exec(s);
  if (m) return ymd(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{4})[-/.年](\d{1,2})(?:月(?:底|末|份)?)?$/.exec(s);
  if (m) return monthEnd(Number(m[1]), Number(m[2]));
  m = /^(\d{4})年(?:底|末|内)$/.exec(s);
  if (m) return ymd(Number(m[1]), 12, 31);
  if (year === undefined) return null;
  // Arabic digits only (after normalizeLabel, full-width ones too): nothing here reads Chinese
  // numerals, so 十二月底 stays unread rather than half-read.
  m = /^(\d{1,2})月(?:底|末|份)?$/.exec(s);
  if (m) return monthEnd(year, Number(m[1]));
  return /^年(?:底|末|内)$/.test(s) ? ymd(year, 12, 31) : null;
}

function monthEnd(y: number, mo: number): string | null {
  if (mo < 1 || mo > 12) return null;
  return ymd(y, mo, new Date(Date.UTC(y, mo, 0)).getUTCDate());
}

/** The first full date written in free text (“已于2026年6月28日完成，申请销号”), or null. */
export function findDateInText(text: string): string | null {
  const m = DATE_IN_TEXT.exec(normalizeLabel(text));
  return m ? ymd(Number(m[1]), Number(m[2]), Number(m[3])) : null;
}

function ymd(y: number, m: number, d: number): string | null {
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== d) return null;
  return isoDate(dt);
}

// A time frame without a day is a real deadline in a ledger: 年底前, 6月底, 长期坚持, 立行立改.
const PERIOD = /(年底|年末|年内|月底|月末|月份|季度|上半年|下半年|长期|持续|立行立改|立即|常态|即时|已完成|前$)/;

export interface Deadline {
  /** yyyy-mm-dd when the text names a day (or a month's / year's end), else null. */
  iso: string | null;
  /** What the clerk wrote, kept for the county's ledger. */
  text: string;
}

/**
 * 完成时限 as written, plus its date when it has one. A time frame without a date (年底前) is kept
 * as is; text that names no time at all (尽快) is kept too, with a warning.
 */
export function deadlineField(cell: SheetCell | undefined, at: Where): { value: Deadline; issue?: Issue } {
  if (cell?.error) return { value: { iso: null, text: '' }, issue: makeIssue('CELL_ERROR', { value: cell.error }, at) };
  if (cellIsBlank(cell)) return { value: { iso: null, text: '' } };
  const text = cleanText(cellText(cell));
  if (Array.from(text).length > TEXT_LIMITS.deadline) {
    return { value: { iso: null, text: '' }, issue: makeIssue('TEXT_TOO_LONG', { field: '完成时限', length: Array.from(text).length, max: TEXT_LIMITS.deadline, value: text }, at) };
  }
  const iso = parseCellDate(cell?.v ?? null);
  if (iso || PERIOD.test(normalizeLabel(text))) return { value: { iso, text } };
  return { value: { iso: null, text }, issue: makeIssue('DEADLINE_UNCLEAR', { value: text }, at) };
}
