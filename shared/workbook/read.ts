// The one door every workbook comes in through (task pane, standalone page, server): the reader
// of untrusted .xlsx (shared/xlsx: guards by local headers, bounded streaming parse) gives the
// sheet model, and validation gives the submission. Bad bytes never throw: they are issues.
import type { Scheme } from '../scheme/schema';
import type { ReadResult } from '../submission/types';
import { withOrganizations } from '../validate/cell-orgs';
import { sheetRole } from '../validate/sheets';
import { validateSubmission } from '../validate/validate';
import type { ReadLimits } from '../xlsx/limits';
import { readWorkbook } from '../xlsx/read';

export interface ReadOptions {
  /** Any bound to change from DEFAULT_READ_LIMITS (the server passes its settings here). */
  limits?: Partial<ReadLimits>;
}

export async function readSubmission(bytes: Uint8Array, scheme: Scheme, opts: ReadOptions = {}): Promise<ReadResult> {
  // The sheets validation ignores by name (the template's 汇总表, counted by formula) are verified,
  // not parsed: a sixth of a filled template's XML that nobody reads.
  const r = await readWorkbook(bytes, opts.limits, { skipSheet: (name) => sheetRole(name) === 'ignored' });
  if (r.cleaned) return { issues: withOrganizations(r.issues, validateSubmission(r.cleaned, scheme)), submission: null, quota: null };
  if (!r.model) return { issues: r.issues, submission: null, quota: null };
  return validateSubmission(r.model, scheme);
}
