// The logic behind =DJ.QUOTA_CHECK and =DJ.QUOTA_TABLE, free of the CustomFunctions global (see
// grade-core.ts for the error policy). The counting and the verdict are shared/quota's.
import { issueText } from '../../shared/issues/catalogue';
import { percent, percentBeside, percentCap } from '../../shared/quota/format';
import { checkQuota, type QuotaEntry, type QuotaResult } from '../../shared/quota/quota';
import type { Scheme } from '../../shared/scheme/schema';
import { resolveScheme } from './scheme-arg';
import { FnInputError, asMatrix, cellValue, isBlankCell, sizeText, width } from './values';

export interface QuotaArgs {
  grades: unknown;
  categories?: unknown;
  scheme?: unknown;
}

/** Grades (any shape, read row by row, up to the last filled row) with their categories: a parallel range or one cell for all. */
export function quotaEntries(a: QuotaArgs): QuotaEntry[] {
  const g = asMatrix(a.grades) ?? [];
  const gw = width(g);
  let cats = asMatrix(a.categories);
  let broadcast: unknown = null;
  if (cats !== null && cats.length > 0) {
    const cw = width(cats);
    if (cats.length === 1 && cw === 1) {
      broadcast = cats[0]?.[0] ?? null;
      cats = null;
    } else if (cats.length !== g.length || cw !== gw) {
      throw new FnInputError(
        issueText('FN_PARALLEL_SIZE', { name: '类别', actual: sizeText(cats.length, cw), against: '等次区域', expected: sizeText(g.length, gw) }),
      );
    }
  }
  // Rows after the last grade are the sheet's empty rest (R:R hands over 1,048,576): they are not
  // blanks of the list (QUOTA_TABLE listed 空白（未计入） 1,048,564), and not worth an entry each.
  let end = g.length;
  while (end > 0 && (g[end - 1] ?? []).every(isBlankCell)) end--;
  const entries: QuotaEntry[] = [];
  for (let i = 0; i < end; i++) {
    const row = g[i] ?? [];
    const catRow = cats?.[i];
    for (let j = 0; j < gw; j++) entries.push({ grade: cellValue(row[j] ?? null), category: cellValue(catRow ? (catRow[j] ?? null) : broadcast) });
  }
  return entries;
}

export function quotaResult(a: QuotaArgs): { scheme: Scheme; result: QuotaResult } {
  const scheme = resolveScheme(a.scheme);
  return { scheme, result: checkQuota(scheme, quotaEntries(a)) };
}

export function quotaCheckCore(a: QuotaArgs): string {
  return quotaResult(a).result.summary;
}

export const QUOTA_TABLE_HEADER = ['等次', '个数', '占比', '要求', '结论'] as const;

/**
 * The counts and shares behind the one-line verdict, as a table to spill: one row per grade,
 * a row per quota class over its cap, the total, then blanks and unrecognized labels if any.
 */
export function quotaTableCore(a: QuotaArgs): Array<Array<string | number>> {
  const { scheme: s, result: r } = quotaResult(a);
  const topExceeded = r.breaches.some((b) => b.code === 'QUOTA_TOP_EXCEEDED');
  const bottomOff = r.breaches.some((b) => b.code === 'QUOTA_BOTTOM_OFF');
  const table: Array<Array<string | number>> = [[...QUOTA_TABLE_HEADER]];
  for (const g of s.grades) {
    let need = '';
    let verdict = '';
    if (g.key === s.quota.top.grade) {
      need = `不超过 ${percentCap(s.quota.top.maxShare)}${classCapsText(s)}`;
      verdict = r.graded ? (topExceeded ? '超出' : '符合') : '';
    } else if (g.key === s.quota.bottom.grade) {
      need = `${percentCap(s.quota.bottom.targetShare)} 左右`;
      verdict = r.graded ? (bottomOff ? '偏离' : '符合') : '';
    }
    // The top grade's share sits beside its cap: it must read on the cap's right side.
    const share = r.shares[g.key] ?? 0;
    table.push([g.label, r.counts[g.key] ?? 0, g.key === s.quota.top.grade ? percentBeside(share, s.quota.top.maxShare) : percent(share), need, verdict]);
  }
  for (const b of r.breaches) {
    if (b.code !== 'QUOTA_TOP_EXCEEDED' || b.quotaClass === null) continue;
    table.push([`${b.grade}（${className(s, b.quotaClass)}）`, b.count, percentBeside(b.share, b.limit), `不超过 ${percentCap(b.limit)}`, '超出']);
  }
  // An unrecognized grade is not counted (a category is, under the common cap), and both are listed
  // below: what was counted keeps its own verdict.
  const breached = r.breaches.some((b) => b.severity === 'error');
  const met = r.breaches.length ? '符合比例要求，但请注意提醒' : '符合比例要求';
  const notes = [r.unknownGrades.length ? '另有无法识别的等次未计入' : '', r.unknownCategories.length ? '有无法识别的类别' : ''].filter(Boolean);
  const overall = breached ? '不符合比例要求' : notes.length ? `已计入的${met}；${notes.join('，')}` : met;
  table.push(['合计', r.graded, percent(r.graded ? 1 : 0), '', r.graded ? overall : issueText('QUOTA_NOTHING_GRADED')]);
  if (r.blanks) table.push(['空白（未计入）', r.blanks, '', '', '']);
  if (r.unknownGrades.length) table.push(['无法识别的等次', r.unknownGrades.length, '', '', examples(r.unknownGrades)]);
  if (r.unknownCategories.length) table.push(['无法识别的类别', r.unknownCategories.length, '', '', examples(r.unknownCategories)]);
  return table;
}

function classCapsText(s: Scheme): string {
  const parts = Object.entries(s.quota.top.classCaps).map(([cls, cap]) => `${className(s, cls)} ${percentCap(cap)}`);
  return parts.length ? `（${parts.join('；')}）` : '';
}

function className(s: Scheme, cls: string): string {
  const names = s.categories.filter((c) => c.quotaClass === cls).map((c) => c.name);
  return names.length ? names.join('、') : cls;
}

function examples(xs: ReadonlyArray<{ value: string }>): string {
  const shown = xs.slice(0, 3).map((u) => `“${u.value}”`).join('、');
  return xs.length > 3 ? `${shown}等` : shown;
}
