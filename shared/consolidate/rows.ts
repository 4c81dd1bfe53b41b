// Rows of the county workbook's forms (forms.ts), one mapper per form, so the writer only streams
// arrays and tests can check cells against the same definitions. Ledger lines are matched to their
// organization with orgKey: "東山村黨支部" in the ledger is "东山村党支部" in the list.
import { gradeTotal, overrideReasonText } from '../grade/grade';
import type { PrintCell } from '../print';
import type { Scheme } from '../scheme/schema';
import type { OrgRow, RectificationRow, Submission } from '../submission/types';
import { needsRectification, orgTypeLabel } from '../template/definition';
import { isCopy, textKey, type Said } from '../ledger/merge';
import { orgKey } from '../text/normalize';
import type { DuplicateOrg } from './duplicates';
import type { CountRow, QuotaRow, StatusRow } from './summary';
import { beijingText } from './deadline';

export type OutCell = PrintCell;


function categoryName(s: Scheme, key: string): string {
  return s.categories.find((c) => c.key === key)?.name ?? key;
}

function gradeLabel(s: Scheme, key: string): string {
  return s.grades.find((g) => g.key === key)?.label ?? key;
}

export function isBottom(s: Scheme, gradeKey: string): boolean {
  return s.grades[s.grades.length - 1]?.key === gradeKey;
}

export function isTop(s: Scheme, gradeKey: string): boolean {
  return s.grades[0]?.key === gradeKey;
}

/**
 * Why an organization's grade is not the one its score gives (三打两建, 新组建, following its
 * 党总支), in the scheme's words; null when the score alone decided.
 */
export function gradeReason(s: Scheme, o: OrgRow): string | null {
  const own = gradeTotal(s, o.total, { forcedBottom: o.flags.forcedBottom, newlyEstablished: o.flags.newlyEstablished });
  if (own.grade.key === o.grade) return own.reasons.length ? own.reasons.map((r) => overrideReasonText(s, r)).join('；') : null;
  if (o.parentName && s.overrides.branchFollowsGeneralBranch.enabled) return overrideReasonText(s, 'followsGeneralBranch');
  return null;
}

const yesNo = (b: boolean) => (b ? '是' : '否');

export function detailRow(s: Scheme, seq: number, township: string, o: OrgRow): OutCell[] {
  const flags: OutCell[] = [];
  if (s.overrides.forcedBottom.enabled) flags.push(yesNo(o.flags.forcedBottom));
  if (s.overrides.newlyEstablishedCap.enabled) flags.push(yesNo(o.flags.newlyEstablished));
  return [
    seq,
    township,
    o.name,
    o.committee,
    categoryName(s, o.category),
    orgTypeLabel(o.orgType) || null,
    o.parentName,
    o.members,
    ...s.indicators.map((_, i) => o.scores[i] ?? null),
    o.total,
    ...flags,
    gradeLabel(s, o.grade),
    gradeReason(s, o),
    o.explanation || null,
    o.remark || null,
  ];
}

/** A ledger line as stored; `deadlineText` (what the clerk wrote, e.g. 年底前) is being added by the reader. */
type LedgerLine = RectificationRow & { deadlineText?: string | null };

/** The deadline as the township wrote it (年底前 stays 年底前), else the ISO date. */
export function deadlineShown(r: LedgerLine): string | null {
  const t = r.deadlineText?.trim();
  return t ? t : r.deadline;
}

export interface LedgerRows {
  /** 较差名单 (序号 left null: the writer numbers rows across townships). */
  poor: OutCell[][];
  /** 较差状况明细表. */
  poorDetail: OutCell[][];
  /** 好等次名单. */
  good: OutCell[][];
  /** 整改台账: one line per rectification item; an organization that needs one and has none gets an empty line. */
  rect: OutCell[][];
}

function joined(lines: readonly LedgerLine[], pick: (r: LedgerLine) => string | null): string | null {
  const xs = lines.map(pick).filter((x): x is string => !!x && x.trim() !== '');
  if (xs.length <= 1) return xs[0] ?? null;
  return xs.map((x, i) => `${i + 1}. ${x}`).join('\n');
}

/**
 * An organization's lines with the repeats left out: a line with the 问题 of an earlier line (and
 * its 措施, or none) is the one item the ledger keeps ("重复的一行未采用", LEDGER_LINE_REPEATED), so
 * the printed 整改台账 and 较差状况明细表 list it once too, as the 销号情况 sheet does.
 */
function distinct(lines: readonly LedgerLine[]): LedgerLine[] {
  const kept: Array<{ line: LedgerLine; said: Said }> = [];
  for (const line of lines) {
    const problems = textKey(line.problems ?? '');
    const measures = textKey(line.measures ?? '');
    if (problems !== '' && kept.some((k) => isCopy(k.said, problems, measures))) continue;
    kept.push({ line, said: { matters: new Set([problems]), measures: new Set([measures]) } });
  }
  return kept.map((k) => k.line);
}

/** The rows one submission adds to the lists and the ledger. */
export function ledgerRows(s: Scheme, township: string, sub: Pick<Submission, 'orgs' | 'rectifications'>): LedgerRows {
  const byOrg = new Map<string, LedgerLine[]>();
  for (const r of sub.rectifications as LedgerLine[]) {
    const k = orgKey(r.orgName);
    const list = byOrg.get(k);
    if (list) list.push(r);
    else byOrg.set(k, [r]);
  }
  const out: LedgerRows = { poor: [], poorDetail: [], good: [], rect: [] };
  const seen = new Set<string>();
  const bottomMin = s.grades[s.grades.length - 2]?.min ?? 0;
  // Names are normalized only when there are lines to match (a 100,000-row county has many
  // submissions without 一般/较差 lines).
  const match = byOrg.size > 0;
  for (const o of sub.orgs) {
    const cat = categoryName(s, o.category);
    let rs: LedgerLine[] = [];
    if (match) {
      const k = orgKey(o.name);
      seen.add(k);
      rs = distinct(byOrg.get(k) ?? []);
    }
    if (isTop(s, o.grade)) out.good.push([null, township, o.name, cat, o.members, o.total, o.explanation || null]);
    if (isBottom(s, o.grade)) {
      const why = gradeReason(s, o) ?? `总分 ${o.total} 分，低于 ${bottomMin} 分`;
      out.poor.push([null, township, o.name, cat, o.members, o.total, why, o.remark || null]);
      out.poorDetail.push([null, township, o.name, cat, o.total, joined(rs, (r) => r.problems), joined(rs, (r) => r.measures), joined(rs, (r) => r.owner), joined(rs, deadlineShown), o.explanation || null]);
    }
    // An organization that needs rectification and has no line still gets one, so the gap shows.
    const lines: Array<LedgerLine | null> = rs.length ? rs : needsRectification(s, o.grade) ? [null] : [];
    for (const r of lines) {
      out.rect.push([null, township, o.name, cat, gradeLabel(s, o.grade), r?.problems || null, r?.measures || null, r?.owner || null, r ? deadlineShown(r) : null, r?.status || null]);
    }
  }
  // Lines whose organization is not in the list are kept (marked), never dropped on the way.
  for (const [k, rs] of byOrg) {
    if (seen.has(k)) continue;
    for (const r of rs) out.rect.push([null, township, r.orgName, null, '（一览表中无此党组织）', r.problems || null, r.measures || null, r.owner || null, deadlineShown(r), r.status || null]);
  }
  return out;
}

/** 汇总表 row: a township not counted shows only its name and 备注. */
export function summaryRow(r: CountRow): OutCell[] {
  if (!r.included) return [r.label, null, null, ...r.counts.flatMap(() => [null, null]), r.remark];
  return [r.label, r.total, r.members, ...r.counts.flatMap((n, i) => [n, r.shares[i] ?? 0]), r.remark];
}

export function quotaRow(q: QuotaRow): OutCell[] {
  return [q.scope, q.graded, q.top.count, q.top.share, q.bottom.count, q.bottom.share, q.ok ? '符合' : '不符合', q.summary];
}

export function statusRow(seq: number, r: StatusRow): OutCell[] {
  return [seq, r.name, r.stateText, r.version, beijingText(r.receivedAt) || null, r.late ? '是' : '否', r.included ? '是' : '否', r.quotaOk === null ? null : r.quotaOk ? '符合' : '不符合', r.comment];
}

export function duplicateRow(seq: number, d: DuplicateOrg): OutCell[] {
  const names = [...new Set(d.reports.map((r) => r.name))];
  const where = d.reports.map((r) => `${r.township}（第 ${r.row} 行）`).join('、');
  return [seq, names.join(' / '), where, '核实归属，只保留一个单位的记录'];
}
