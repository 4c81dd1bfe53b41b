// An uploaded 党组织名册 (.xlsx bytes) → entries and cell-level issues, through the same guarded
// reader as township uploads. Never throws for bad bytes: an unreadable file is one issue.
import { makeIssue } from '../../../shared/issues/catalogue';
import { readRosterModel, type RosterOptions, type RosterRead } from '../../../shared/roster/sheet';
import type { Scheme } from '../../../shared/scheme/schema';
import { loadWorkbook } from '../../../shared/template/excel';
import { workbookModel } from '../../../shared/workbook/from-exceljs';
import { shortReason } from '../../../shared/workbook/read';
import { guardXlsx } from '../../../shared/zip/guard';

export async function readRosterBytes(bytes: Uint8Array, scheme: Scheme, opts: RosterOptions & { maxBytes: number }): Promise<RosterRead> {
  const g = guardXlsx(bytes, { maxBytes: opts.maxBytes });
  if (!g.ok) return { entries: [], townships: [], issues: g.issues };
  let model;
  try {
    model = workbookModel(await loadWorkbook(bytes));
  } catch (e) {
    return { entries: [], townships: [], issues: [makeIssue('WORKBOOK_UNREADABLE', { detail: shortReason(e) })] };
  }
  return readRosterModel(model, scheme, opts);
}
