// Sheets → Submission and issues. Rows flow into per-sheet readers (sheets.ts), so a streaming
// reader and the in-memory one share every rule; the choice of sheets, the rules that need the
// whole list (cross-rows.ts) and the template's identity (identity.ts) run at the end.
import { capIssues, type SeverityCounts } from '../issues/cap';
import { makeIssue } from '../issues/catalogue';
import type { Issue } from '../issues/types';
import type { QuotaCount } from '../quota/quota';
import type { Scheme } from '../scheme/schema';
import { schemeFingerprint } from '../scheme/lookup';
import type { ReadResult, Submission } from '../submission/types';
import { DETAIL_SHEET, INFO_FIELDS, type InfoKey, type TemplateMeta } from '../template/definition';
import type { MergedRange, SheetState, WorkbookModel } from '../workbook/model';
import { crossRowIssues } from './cross-rows';
import { parseCellDate } from './fields/date';
import { checkIdentity } from './identity';
import { TEXT_LIMITS } from './limits';
import { orderIssues } from './order';
import { MetaReader, SheetProbe, sheetRole, type RowSink } from './sheets';

const IGNORE: RowSink = { push: () => undefined, end: () => undefined };

export class WorkbookValidator {
  private readonly probes: SheetProbe[] = [];
  private readonly names: string[] = [];
  private meta: TemplateMeta | null = null;

  constructor(readonly scheme: Scheme) {}

  /** Where one sheet's rows go, in order; call `end()` after its last row. */
  sheet(name: string, state: SheetState = 'visible', merges?: readonly MergedRange[]): RowSink {
    this.names.push(name);
    const role = sheetRole(name);
    if (role === 'meta') {
      const m = new MetaReader();
      this.meta = m.meta;
      return m;
    }
    if (role === 'ignored') return IGNORE;
    const p = new SheetProbe(this.scheme, name, state, role, merges);
    this.probes.push(p);
    return p;
  }

  /** The verdict; `issues` are found before validation (guards, the reader). */
  finish(issues: readonly Issue[] = []): ReadResult {
    const out: Issue[] = [...issues];
    // What the tables' row issues left out (IssueKeeper): counted in the list's last issue.
    const omitted: SeverityCounts = { error: 0, warning: 0, info: 0 };
    const done = (submission: Submission | null, quota: QuotaCount | null = null): ReadResult => ({ issues: capIssues(orderIssues(out, this.names), omitted), submission, quota });
    // One by one: spreading an unbounded list into push() overflows the stack.
    const add = (list: readonly Issue[]) => {
      for (const i of list) out.push(i);
    };
    const s = this.scheme;
    const visible = this.probes.filter((p) => !p.hidden);
    for (const p of this.probes) if (p.hidden && p.hasTable) out.push(makeIssue('SHEET_HIDDEN_SKIPPED', {}, { sheet: p.name }));

    const details = visible.filter((p) => p.isDetail);
    const any = details.filter((p) => p.detail.parsed.length > 0);
    // A filled sheet without the list's columns (a 打分表 of names and one score feeding the list by
    // formulas) is a working sheet: the list is the one that has them all, when only one does.
    const complete = any.filter((p) => p.detail.complete);
    const filled = complete.length === 1 && any.length > 1 ? complete : any;
    const [first, second] = filled;
    if (first && second) {
      // Two filled lists: which one the township means is a question only the clerk can answer.
      out.push(makeIssue('DETAIL_SHEETS_CONFLICT', { first: first.name, firstCount: first.detail.parsed.length, second: second.name, secondCount: second.detail.parsed.length }));
      return done(null);
    }
    const chosen = first ?? details.find((p) => p.role === 'detail') ?? details[0];
    if (!chosen) {
      const named = visible.find((p) => p.role === 'detail');
      if (named) out.push(makeIssue('HEADER_NOT_FOUND', {}, { sheet: named.name }));
      else out.push(makeIssue('SHEET_MISSING', { sheet: DETAIL_SHEET, found: this.names.filter((n) => sheetRole(n) !== 'meta').join('、') || '无' }));
      return done(null);
    }
    if (first) {
      for (const p of details) {
        if (p === chosen) continue;
        out.push(p.detail.parsed.length ? makeIssue('DETAIL_SHEET_WORKING', { read: chosen.name, other: p.name }) : makeIssue('DETAIL_SHEET_CHOSEN', { read: chosen.name, other: p.name }));
      }
    }

    const rects = visible.filter((p) => p.isRect);
    const rectProbe = rects.find((p) => p.role === 'rect' && p.rect.rows.length) ?? rects.find((p) => p.rect.rows.length) ?? rects.find((p) => p.role === 'rect') ?? rects[0];
    for (const p of rects) if (p !== rectProbe && p.rect.rows.length && rectProbe) out.push(makeIssue('RECT_SHEET_EXTRA', { read: rectProbe.name, other: p.name }));
    for (const p of visible) {
      if (p === chosen || p.isDetail || p.isRect || p.rows === 0) continue;
      out.push(makeIssue('SHEET_SKIPPED', {}, { sheet: p.name }));
    }

    const d = chosen.detail;
    const rect = rectProbe?.rect ?? null;
    add(d.issues());
    for (const t of rect ? [d, rect] : [d]) for (const k of ['error', 'warning', 'info'] as const) omitted[k] += t.rowIssues.omitted[k];
    if (rect) add(rect.issues());
    if (d.parsed.length === 0) out.push(makeIssue('SHEET_EMPTY', {}, { sheet: d.sheet }));
    const cross = crossRowIssues(s, d, rect);
    add(cross.issues);

    const info = (k: InfoKey) => d.table.info.get(k);
    for (const f of INFO_FIELDS) {
      const v = info(f.key);
      const where = v ? { sheet: d.sheet, cell: v.cell } : { sheet: d.sheet };
      if (!v?.value) out.push(makeIssue('INFO_BLANK', { field: f.label }, where));
      else if (Array.from(v.value).length > TEXT_LIMITS[f.key]) out.push(makeIssue('TEXT_TOO_LONG', { field: f.label, length: Array.from(v.value).length, max: TEXT_LIMITS[f.key], value: v.value }, where));
    }
    const value = (k: InfoKey) => {
      const v = info(k)?.value ?? null;
      return v && Array.from(v).length <= TEXT_LIMITS[k] ? v : null;
    };
    const filledOn = value('filledOn');
    const filledOnIso = filledOn ? parseCellDate(filledOn) : null;
    if (filledOn && !filledOnIso) out.push(makeIssue('DATE_MALFORMED', { value: filledOn }, { sheet: d.sheet, cell: info('filledOn')?.cell ?? '' }));

    const meta = this.meta;
    const townshipAt = info('township');
    const rectAt = rect?.at();
    const submission: Submission = {
      templateId: meta?.templateId ?? '',
      templateVersion: meta?.templateVersion ?? '',
      schemeId: meta?.schemeId ?? s.id,
      schemeFingerprint: meta?.schemeFingerprint ?? schemeFingerprint(s),
      campaignId: meta?.campaignId || null,
      townshipId: meta?.townshipId || null,
      township: value('township') ?? meta?.township ?? '',
      filledBy: value('filledBy') ?? '',
      phone: value('phone') ?? '',
      filledOn: filledOnIso,
      orgs: d.parsed.map((o) => o.org),
      rectifications: rect?.rows ?? [],
      ...(d.table.header ? { detailTable: { sheet: d.sheet, columns: Object.fromEntries(d.table.header.columns) } } : {}),
      ...(rectAt ? { rectTable: rectAt } : {}),
      origin: {
        templateTownship: meta?.township || null,
        schemeVersion: meta?.schemeVersion || null,
        filledTownship: { text: value('township'), sheet: d.sheet, cell: townshipAt?.cell ?? null },
      },
    };
    add(checkIdentity(submission, { scheme: s }).issues);
    return done(submission, cross.quota);
  }
}

/** An in-memory workbook model (from either reader) against a scheme. */
export function validateSubmission(model: WorkbookModel, scheme: Scheme, issues: readonly Issue[] = []): ReadResult {
  const v = new WorkbookValidator(scheme);
  for (const sh of model.sheets) {
    const sink = v.sheet(sh.name, sh.state, sh.merges);
    for (const r of sh.rows) sink.push(r);
    sink.end();
  }
  return v.finish(issues);
}
