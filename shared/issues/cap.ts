// How many issues a read shows. A file of 60,000 rows with only a name gave half a million issues:
// a 29 MB answer, a stack overflow on the server, a list no clerk reads. A read shows the first
// MAX_ISSUES (errors, then warnings, then notes, each in sheet and row order) and one issue with
// the count of the rest; the clerk fixes those and checks again. Applied once, where a read ends
// (validate.ts), so the pane and the server show the same list; the counts of what was left out
// travel in that issue's params, so a total (UPLOAD_REFUSED's `errors`) stays the true one.
import { makeIssue } from './catalogue';
import type { Issue, Severity } from './types';

export const MAX_ISSUES = 200;

export type SeverityCounts = Record<Severity, number>;

const zero = (): SeverityCounts => ({ error: 0, warning: 0, info: 0 });

const MORE_CODES: ReadonlySet<string> = new Set(['ISSUES_MORE', 'ISSUES_MORE_WARNINGS']);

/** The issue that stands for those left out of a list (its counts are in params, which an HTTP answer drops). */
export function isMoreIssue(i: Issue): boolean {
  return MORE_CODES.has(i.code);
}

/** The counts a summary issue carries of what it stands for. */
function leftOut(i: Issue): SeverityCounts | null {
  if (!isMoreIssue(i)) return null;
  const n = (k: string) => Number(i.params?.[k] ?? 0) || 0;
  return { error: n('errors'), warning: n('warnings'), info: n('notes') };
}

/**
 * A table's row issues as they come, row by row: each severity's first `max` are kept, and the
 * rest of the row that reached it (so the kept ones are every issue of their rows, and the first
 * `max` in row order are among them whatever order a row's own issues came in); later ones are
 * only counted. What a read holds stays bounded whatever the file's size.
 */
export class IssueKeeper {
  readonly kept: Issue[] = [];
  readonly omitted = zero();
  private readonly count = zero();
  private readonly fullAt = zero();

  constructor(private readonly max = MAX_ISSUES) {}

  add(issue: Issue, row: number): void {
    const s = issue.severity;
    if (this.count[s] >= this.max && row !== this.fullAt[s]) {
      this.omitted[s]++;
      return;
    }
    this.kept.push(issue);
    if (++this.count[s] === this.max) this.fullAt[s] = row;
  }
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Errors, then warnings, then notes, each in the order it came (a copy; the sort is stable). */
export function bySeverity(issues: readonly Issue[]): Issue[] {
  return [...issues].sort((a, b) => RANK[a.severity] - RANK[b.severity]);
}

/** Errors, warnings and notes, those a summary issue stands for included. */
export function issueTotals(issues: readonly Issue[]): SeverityCounts {
  const out = zero();
  for (const i of issues) {
    const more = leftOut(i);
    if (!more) out[i.severity]++;
    else for (const s of ['error', 'warning', 'info'] as const) out[s] += more[s];
  }
  return out;
}

/**
 * The list as shown: the first `max` of `ordered`, then one issue with the count of the rest
 * (those `omitted` before the list was made, and any summary already in it, included). A list
 * within the bound comes back as it is.
 */
export function capIssues(ordered: readonly Issue[], omitted: Readonly<SeverityCounts> = zero(), max = MAX_ISSUES): Issue[] {
  const out: Issue[] = [];
  const more = { ...omitted };
  for (const i of ordered) {
    const before = leftOut(i);
    if (before) for (const s of ['error', 'warning', 'info'] as const) more[s] += before[s];
    else if (out.length < max) out.push(i);
    else more[i.severity]++;
  }
  const total = more.error + more.warning + more.info;
  if (total === 0) return out;
  const counts = { shown: out.length, more: total, errors: more.error, warnings: more.warning, notes: more.info };
  out.push(more.error > 0 ? makeIssue('ISSUES_MORE', counts) : makeIssue('ISSUES_MORE_WARNINGS', counts));
  return out;
}
