// The one door every workbook comes in through (task pane, standalone page, server): guards on
// the raw bytes, then exceljs, then the sheet model, then validation. Never throws for bad bytes.
import { makeIssue } from '../issues/catalogue';
import type { Scheme } from '../scheme/schema';
import type { ReadResult } from '../submission/types';
import { loadWorkbook } from '../template/excel';
import { guardXlsx, type GuardLimits } from '../zip/guard';
import { validateSubmission } from '../validate/validate';
import { workbookModel } from './from-exceljs';

export interface ReadOptions {
  maxBytes?: number;
  maxRows?: number;
  /** Further guard limits (entries, uncompressed size, ratios). */
  limits?: Partial<GuardLimits>;
}

export function guardLimits(opts: ReadOptions = {}): Partial<GuardLimits> {
  const l: Partial<GuardLimits> = { ...opts.limits };
  if (opts.maxBytes !== undefined) l.maxBytes = opts.maxBytes;
  if (opts.maxRows !== undefined) l.maxRows = opts.maxRows;
  return l;
}

export async function readSubmission(bytes: Uint8Array, scheme: Scheme, opts: ReadOptions = {}): Promise<ReadResult> {
  const g = guardXlsx(bytes, guardLimits(opts));
  if (!g.ok) return { issues: g.issues, submission: null };
  let wb;
  try {
    wb = await loadWorkbook(bytes);
  } catch (e) {
    return { issues: [makeIssue('WORKBOOK_UNREADABLE', { detail: shortReason(e) })], submission: null };
  }
  return validateSubmission(workbookModel(wb), scheme);
}

/** A parser's message, cut short: enough for support, no stack trace for a user. */
export function shortReason(e: unknown): string {
  const m = e instanceof Error ? e.message : String(e);
  return m.split('\n')[0]?.slice(0, 120) ?? '';
}
