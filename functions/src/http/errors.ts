// User-facing refusals: a catalogue code (which carries its HTTP status) plus its params, and for
// 422 the workbook's issues. Anything else thrown in a handler is an infrastructure fault.
import { makeIssue, statusOf, type HttpStatus, type Issue, type IssueArgs, type ParamsOf, type RefusalCode } from '../../../shared';
import { bySeverity, capIssues, MAX_ISSUES } from '../../../shared/issues/cap';

/** Params may be left out only when the code has none that are required; issues go with a 422. */
export type ApiErrorArgs<C extends RefusalCode> = Record<never, never> extends ParamsOf<C> ? [params?: ParamsOf<C>, issues?: Issue[]] : [params: ParamsOf<C>, issues?: Issue[]];

export class ApiError<C extends RefusalCode = RefusalCode> extends Error {
  readonly status: HttpStatus;
  readonly issue: Issue;
  readonly issues: Issue[] | undefined;

  constructor(
    readonly code: C,
    ...[params, issues]: ApiErrorArgs<C>
  ) {
    const issue = makeIssue(code, ...([params] as IssueArgs<C>));
    super(issue.message);
    this.name = 'ApiError';
    this.status = statusOf(code);
    this.issue = issue;
    this.issues = issues;
  }
}

/**
 * Issues as an answer shows them, without their params: the first MAX_ISSUES and one with the
 * count of the rest (shared/issues/cap.ts), as an upload's. A 名册 of 50,000 bad lines sent as
 * JSON gave a 26 MB answer of 95,000 issues; every refusal and every list of warnings goes
 * through here, so no endpoint's list is unbounded whatever rule produced it.
 */
export function shownIssues(issues: readonly Issue[]): Array<Omit<Issue, 'params'>> {
  // A list that is cut shows its errors first (each severity in its own order), as an upload's
  // does: what is left out is what the clerk can fix later. A short list stays as it came.
  const ordered = issues.length > MAX_ISSUES ? bySeverity(issues) : issues;
  return capIssues(ordered).map(({ params: _p, ...rest }) => rest);
}

export function errorBody(e: { issue: Issue; issues?: Issue[] | undefined }) {
  const error: { code: string; message: string; issues?: Array<Omit<Issue, 'params'>> } = { code: e.issue.code, message: e.issue.message };
  if (e.issues) error.issues = shownIssues(e.issues);
  return { error };
}
