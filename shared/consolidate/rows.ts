// Row layouts of the consolidated county workbook: one header list and one row mapper per sheet,
// so the writer only streams arrays and tests can check cells against the same definitions.
import type { Scheme } from '../scheme/schema';
import type { OrgRow, RectificationRow, Submission } from '../submission/types';

export type OutCell = string | number | null;

export const SHEETS = {
  summary: '汇总表',
  detail: '明细表',
  poor: '较差名单',
  rectification: '整改台账',
  quota: '比例检查',
  status: '报送情况',
} as const;

const ORG_TYPE_TEXT: Record<string, string> = { committee: '党委', generalBranch: '党总支', branch: '党支部' };

function categoryName(s: Scheme, key: string): string {
  return s.categories.find((c) => c.key === key)?.name ?? key;
}

function gradeLabel(s: Scheme, key: string): string {
  return s.grades.find((g) => g.key === key)?.label ?? key;
}

export function detailHeaders(s: Scheme): string[] {
  return ['序号', '乡镇（街道）', '党组织名称', '所属党(工)委', '类别', '组织类型', '所属党总支', '党员数', ...s.indicators.map((i) => i.name), '总分', '等次', '情况说明', '备注'];
}

export function detailRow(s: Scheme, seq: number, township: string, o: OrgRow): OutCell[] {
  return [
    seq,
    township,
    o.name,
    o.committee,
    categoryName(s, o.category),
    o.orgType ? (ORG_TYPE_TEXT[o.orgType] ?? o.orgType) : null,
    o.parentName,
    o.members,
    ...s.indicators.map((_, i) => o.scores[i] ?? null),
    o.total,
    gradeLabel(s, o.grade),
    o.explanation || null,
    o.remark || null,
  ];
}

export const POOR_HEADERS = ['序号', '乡镇（街道）', '党组织名称', '类别', '总分', '主要问题', '整改措施', '责任人', '完成时限', '情况说明'];
export const RECT_HEADERS = ['序号', '乡镇（街道）', '党组织名称', '类别', '等次', '主要问题', '整改措施', '责任人', '完成时限', '完成情况'];

/** Lower half of the bands (一般, 较差 with four) get a rectification entry. */
export function needsLedger(s: Scheme, gradeKey: string): boolean {
  const rank = s.grades.findIndex((g) => g.key === gradeKey);
  return rank >= Math.ceil(s.grades.length / 2);
}

export function isBottom(s: Scheme, gradeKey: string): boolean {
  return s.grades[s.grades.length - 1]?.key === gradeKey;
}

/**
 * The rows one submission adds to 较差名单 and 整改台账. A rectification row is matched to its
 * organization by name; an organization graded 一般/较差 without one still gets a ledger line
 * (with empty measures) so the county sees the gap.
 */
export function ledgerRows(s: Scheme, township: string, sub: Pick<Submission, 'orgs' | 'rectifications'>): { poor: OutCell[][]; rect: OutCell[][] } {
  const rectByName = new Map<string, RectificationRow[]>();
  for (const r of sub.rectifications) {
    const list = rectByName.get(r.orgName) ?? [];
    list.push(r);
    rectByName.set(r.orgName, list);
  }
  const poor: OutCell[][] = [];
  const rect: OutCell[][] = [];
  for (const o of sub.orgs) {
    if (!needsLedger(s, o.grade)) continue;
    const rs = rectByName.get(o.name) ?? [];
    const first = rs[0];
    if (isBottom(s, o.grade)) {
      poor.push([null, township, o.name, categoryName(s, o.category), o.total, first?.problems ?? null, first?.measures ?? null, first?.owner ?? null, first?.deadline ?? null, o.explanation || null]);
    }
    const lines = rs.length ? rs : [null];
    for (const r of lines) {
      rect.push([null, township, o.name, categoryName(s, o.category), gradeLabel(s, o.grade), r?.problems ?? null, r?.measures ?? null, r?.owner ?? null, r?.deadline ?? null, r?.status ?? null]);
    }
  }
  return { poor, rect };
}

export function summaryHeaders(s: Scheme, first: string): string[] {
  return [first, '党组织总数', ...s.grades.flatMap((g) => [`${g.label}（个）`, `${g.label}占比`])];
}

export function quotaHeaders(s: Scheme): string[] {
  const top = gradeLabel(s, s.quota.top.grade);
  const bottom = gradeLabel(s, s.quota.bottom.grade);
  return ['范围', '党组织数', `“${top}”的个数`, `“${top}”占比`, `“${bottom}”的个数`, `“${bottom}”占比`, '结论', '说明'];
}
export const STATUS_HEADERS = ['序号', '乡镇（街道）', '状态', '当前版本', '上报时间（北京时间）', '是否逾期', '计入汇总', '比例检查', '退回意见'];
