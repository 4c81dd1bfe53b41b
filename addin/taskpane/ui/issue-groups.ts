// The issue list as the clerk reads it: by sheet, then errors before warnings, then in cell order.
import { isMoreIssue, issueTotals } from '../../../shared/issues/cap';
import { locationText } from '../../../shared/issues/catalogue';
import type { Issue, Severity } from '../../../shared/issues/types';
import { META_SHEET } from '../../../shared/template/definition';
import { parseCell } from '../../../shared/workbook/a1';

export const SEVERITY_LABEL: Record<Severity, string> = { error: '错误', warning: '提醒', info: '提示' };
const ORDER: Severity[] = ['error', 'warning', 'info'];

export interface IssueLevel<T extends Issue = Issue> {
  severity: Severity;
  label: string;
  issues: T[];
}

export interface IssueGroup<T extends Issue = Issue> {
  /** Null for problems of the whole file (not a zip, too large…). */
  sheet: string | null;
  title: string;
  levels: Array<IssueLevel<T>>;
}

/** "H12" → [12, 8]; anything else sorts first. */
function cellKey(cell: string | undefined): [number, number] {
  const c = parseCell(cell ?? '');
  return c ? [c.row, c.col] : [0, 0];
}

export function groupIssues<T extends Issue>(issues: readonly T[]): Array<IssueGroup<T>> {
  const bySheet = new Map<string | null, T[]>();
  for (const i of issues) {
    const key = i.sheet ?? null;
    const list = bySheet.get(key) ?? [];
    list.push(i);
    bySheet.set(key, list);
  }
  const keys = [...bySheet.keys()].sort((a, b) => (a === null ? -1 : b === null ? 1 : 0));
  return keys.map((sheet) => {
    const list = bySheet.get(sheet) ?? [];
    const levels = ORDER.map((severity) => ({
      severity,
      label: SEVERITY_LABEL[severity],
      issues: list
        .filter((i) => i.severity === severity)
        .map((i, n) => ({ i, n, k: cellKey(i.cell) }))
        .sort((a, b) => a.k[0] - b.k[0] || a.k[1] - b.k[1] || a.n - b.n)
        .map((x) => x.i),
    })).filter((l) => l.issues.length > 0);
    return { sheet, title: groupTitle(sheet), levels };
  });
}

/** The hidden metadata sheet means nothing to a clerk; what it holds does. */
function groupTitle(sheet: string | null): string {
  if (sheet === null) return '整个文件';
  if (sheet === META_SHEET) return '模板标识（县里发放模板时写入的隐藏信息）';
  return `工作表“${sheet}”`;
}

/** The message without its location prefix, shown under a heading that already names the sheet. */
export function shortMessage(i: Issue): string {
  const prefix = locationText({ sheet: i.sheet, cell: i.cell });
  return prefix && i.message.startsWith(prefix) ? i.message.slice(prefix.length) : i.message;
}

export function issueSummary(issues: readonly Issue[]): string {
  // The list may end with the count of the issues not listed (shared/issues/cap.ts): the totals
  // include them. A list from an HTTP answer has lost that count: "超过 200 个".
  const more = issues.find(isMoreIssue);
  const t = issueTotals(issues);
  const over = (s: Severity) => (more && more.params === undefined && s === more.severity ? '超过 ' : '');
  // Not "可以上报": the list stays up after an upload, or for a county that only checks.
  if (issues.length === 0) return '未发现问题。';
  const parts = [t.error ? `${over('error')}${t.error} 个错误` : '', t.warning ? `${over('warning')}${t.warning} 个提醒` : '', t.info ? `${t.info} 个提示` : ''].filter(Boolean);
  const shown = more ? `（只列出前 ${issues.length - 1} 个）` : '';
  return `发现 ${parts.join('、')}${shown}。${t.error ? '请先改正错误再上报。' : '提醒不影响上报，请核实。'}`;
}
