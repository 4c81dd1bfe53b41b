// Sheet model + scheme → Submission and issues. Row-level rules live in DetailReader/RectReader
// (shared with the streaming reader); the rules that need the whole sheet live here.
import { ISSUES, makeIssue, locationText } from '../issues/catalogue';
import type { Issue } from '../issues/types';
import type { Scheme } from '../scheme/schema';
import { schemeFingerprint } from '../scheme/lookup';
import { gradeTotal, overrideReasonText } from '../grade/grade';
import { checkQuota } from '../quota/quota';
import { normalizeLabel } from '../text/normalize';
import { cellAddress } from '../workbook/a1';
import { DETAIL_SHEET, META_KEYS, META_SHEET, TEMPLATE_ID, TEMPLATE_VERSION, needsRectification, type TemplateMeta } from '../template/definition';
import { cellText, type SheetRow, type WorkbookModel } from '../workbook/model';
import type { ReadResult, Submission } from '../submission/types';
import { DetailReader, type ParsedOrg } from './detail';
import { RectReader } from './rect';

export type SheetRole = 'detail' | 'rect' | 'meta' | 'other';

export function sheetRole(name: string): SheetRole {
  const n = normalizeLabel(name);
  if (n === normalizeLabel(META_SHEET)) return 'meta';
  if (n.includes('整改')) return 'rect';
  if (n === normalizeLabel(DETAIL_SHEET) || n.includes('一览表') || n.includes('明细表')) return 'detail';
  return 'other';
}

/** `_meta`: key in column A, value in column B. */
export class MetaReader {
  readonly meta: TemplateMeta = {};
  push(row: SheetRow): void {
    const k = cellText(row.cells[1]).trim();
    if ((META_KEYS as readonly string[]).includes(k)) this.meta[k as keyof TemplateMeta] = cellText(row.cells[2]).trim();
  }
}

export interface ReadParts {
  scheme: Scheme;
  sheetNames: string[];
  meta: TemplateMeta | null;
  detail: DetailReader | null;
  rect: RectReader | null;
  /** Issues found before validation (guards, formula problems the reader saw). */
  issues?: Issue[];
}

export function validateSubmission(model: WorkbookModel, scheme: Scheme): ReadResult {
  let meta: TemplateMeta | null = null;
  let detail: DetailReader | null = null;
  let rect: RectReader | null = null;
  const others: string[] = [];
  for (const sh of model.sheets) {
    const role = sheetRole(sh.name);
    if (role === 'meta') {
      const m = new MetaReader();
      sh.rows.forEach((r) => m.push(r));
      meta = m.meta;
    } else if (role === 'detail' && !detail) {
      detail = readRows(new DetailReader(scheme, sh.name), sh.rows);
    } else if (role === 'rect' && !rect) {
      rect = readRows(new RectReader(sh.name), sh.rows);
      rect.finish();
    } else if (role === 'other' && sh.state === 'visible') others.push(sh.name);
  }
  if (!detail) {
    // A renamed sheet: take the first visible one whose header is recognizable.
    for (const name of others) {
      const sh = model.sheets.find((x) => x.name === name);
      if (!sh) continue;
      const d = readRows(new DetailReader(scheme, sh.name), sh.rows);
      d.finish();
      if (d.header) {
        detail = d;
        break;
      }
    }
  }
  detail?.finish();
  return assembleSubmission({ scheme, sheetNames: model.sheets.map((s) => s.name), meta, detail, rect });
}

function readRows<T extends { push(r: SheetRow): void }>(reader: T, rows: SheetRow[]): T {
  for (const r of rows) reader.push(r);
  return reader;
}

/** Cross-row rules: duplicates (already counted), branch follows its general branch, grade vs score and overrides, rectification rows, quotas. */
export function assembleSubmission(p: ReadParts): ReadResult {
  const { scheme: s } = p;
  const issues: Issue[] = [...(p.issues ?? [])];
  const meta = p.meta;
  if (!meta || meta.templateId !== TEMPLATE_ID) issues.push(makeIssue('TEMPLATE_META_MISSING'));
  else {
    if (meta.templateVersion !== TEMPLATE_VERSION) issues.push(makeIssue('TEMPLATE_VERSION_UNSUPPORTED', { version: meta.templateVersion ?? '', expected: TEMPLATE_VERSION }));
    if (meta.schemeFingerprint !== schemeFingerprint(s)) {
      issues.push(makeIssue('SCHEME_MISMATCH', { found: `${meta.schemeId ?? '?'} ${meta.schemeVersion ?? ''}`.trim(), expected: `${s.id} ${s.version}` }));
    }
  }
  const d = p.detail;
  if (!d) {
    issues.push(makeIssue('SHEET_MISSING', { sheet: DETAIL_SHEET, found: p.sheetNames.filter((n) => sheetRole(n) !== 'meta').join('、') || '无' }));
    return { issues, submission: null };
  }
  issues.push(...d.issues);
  if (!d.header) return { issues, submission: null };
  const sheet = d.sheet;
  const orgs = d.parsed;
  if (orgs.length === 0) issues.push(makeIssue('SHEET_EMPTY', {}, { sheet }));

  checkGrades(s, d, orgs, issues);

  const rectRows = p.rect?.rows ?? [];
  if (p.rect) issues.push(...p.rect.issues);
  const byName = new Map(orgs.map((o) => [normalizeLabel(o.org.name), o] as const));
  const rectNames = new Set(rectRows.map((r) => normalizeLabel(r.orgName)));
  for (const o of orgs) {
    if (o.stated && o.org.name && needsRectification(s, o.stated.key) && !rectNames.has(normalizeLabel(o.org.name))) {
      issues.push(makeIssue('RECT_MISSING', { name: o.org.name, grade: o.stated.label }, { sheet, cell: d.addr('name', o.org.row) ?? '' }));
    }
  }
  if (p.rect?.header) {
    const col = p.rect.header.columns.get('orgName') ?? 1;
    for (const r of rectRows) {
      if (!byName.has(normalizeLabel(r.orgName))) issues.push(makeIssue('RECT_ORG_UNKNOWN', { name: r.orgName }, { sheet: p.rect.sheet, cell: cellAddress(col, r.row) }));
    }
  }

  // Quotas are about the whole sheet: pointed at the 等次 header. They are the committee's
  // decision, "in principle" and audited by the county at review (审核备案), not a fault in the
  // data: a breach warns the township and shows as 不符合 in the receipt and the county's
  // completeness view, but never blocks the upload (a 4-organization township could otherwise
  // never report a 好).
  const graded = orgs.filter((o) => o.stated);
  if (graded.length) {
    const q = checkQuota(s, graded.map((o) => ({ grade: o.stated?.label, category: o.categoryOk ? s.categories.find((c) => c.key === o.org.category)?.name : null })));
    const gradeHeader = d.col('grade') && d.header ? cellAddress(d.col('grade'), d.header.firstRow) : undefined;
    for (const b of q.breaches) {
      const where = gradeHeader ? { sheet, cell: gradeHeader } : { sheet };
      issues.push({ code: b.code, num: ISSUES[b.code].num, severity: 'warning', ...where, message: locationText(where) + b.message, params: { count: b.count, of: b.of, share: b.share, limit: b.limit } });
    }
  }

  const info = (k: 'township' | 'filledBy' | 'phone' | 'filledOn') => d.info.get(k)?.value ?? null;
  const submission: Submission = {
    templateId: meta?.templateId ?? '',
    templateVersion: meta?.templateVersion ?? '',
    schemeId: meta?.schemeId ?? s.id,
    schemeFingerprint: meta?.schemeFingerprint ?? schemeFingerprint(s),
    campaignId: meta?.campaignId || null,
    townshipId: meta?.townshipId || null,
    township: info('township') ?? meta?.township ?? '',
    filledBy: info('filledBy') ?? '',
    phone: info('phone') ?? '',
    filledOn: normalizeDate(info('filledOn')),
    orgs: orgs.map((o) => o.org),
    rectifications: rectRows,
  };
  if (info('filledOn') && !submission.filledOn) {
    issues.push(makeIssue('DATE_MALFORMED', { value: info('filledOn') ?? '' }, { sheet, cell: d.info.get('filledOn')?.cell ?? '' }));
  }
  return { issues, submission };
}

function normalizeDate(v: string | null): string | null {
  if (!v) return null;
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(v.replace(/\s+/g, ''));
  if (!m) return null;
  const dt = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  if (dt.getUTCMonth() !== Number(m[2]) - 1) return null;
  return dt.toISOString().slice(0, 10);
}

/**
 * The stated grade against the score and overrides. A branch whose grade differs from its
 * general branch's is a warning (the texts say "normally"); a grade that matches neither the
 * score rule nor following the general branch is an error.
 */
function checkGrades(s: Scheme, d: DetailReader, orgs: ParsedOrg[], issues: Issue[]): void {
  const sheet = d.sheet;
  const byName = new Map<string, ParsedOrg>();
  for (const o of orgs) if (o.org.name && !byName.has(normalizeLabel(o.org.name))) byName.set(normalizeLabel(o.org.name), o);
  for (const o of orgs) {
    const parentName = o.org.parentName;
    let parent: ParsedOrg | undefined;
    if (parentName && o.org.orgType !== 'generalBranch' && o.org.orgType !== 'committee') {
      parent = byName.get(normalizeLabel(parentName));
      if (!parent && s.overrides.branchFollowsGeneralBranch.enabled) {
        issues.push(makeIssue('PARENT_NOT_FOUND', { name: parentName }, { sheet, cell: d.addr('parent', o.org.row) ?? '' }));
      }
      if (parent === o) parent = undefined;
    }
    if (!o.stated || o.judgedTotal === null) continue;
    const flags = { forcedBottom: o.org.flags.forcedBottom, newlyEstablished: o.org.flags.newlyEstablished };
    const own = gradeTotal(s, o.judgedTotal, flags);
    const cell = d.addr('grade', o.org.row) ?? '';
    const parentGrade = parent?.stated ?? undefined;
    const follows = parentGrade && s.overrides.branchFollowsGeneralBranch.enabled ? gradeTotal(s, o.judgedTotal, { ...flags, generalBranchGrade: parentGrade }) : null;
    if (o.stated.key === own.grade.key) {
      if (follows && follows.grade.key !== own.grade.key && parentGrade) {
        issues.push(makeIssue('GRADE_FOLLOW_BRANCH', { actual: o.stated.label, expected: parentGrade.label }, { sheet, cell }));
      }
      continue;
    }
    if (follows && o.stated.key === follows.grade.key) continue;
    const reason = own.reasons.length
      ? own.reasons.map((r) => overrideReasonText(s, r)).join('；')
      : `总分 ${o.judgedTotal} 分对应“${own.scoreGrade.label}”`;
    issues.push(makeIssue('GRADE_INCONSISTENT', { actual: o.stated.label, expected: own.grade.label, reason }, { sheet, cell }));
  }
}

