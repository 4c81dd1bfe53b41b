// User-facing refusals: a catalogue code (which carries its HTTP status) plus its params, and for
// 422 the workbook's issues. Anything else thrown in a handler is an infrastructure fault.
import { makeIssue, statusOf, type HttpStatus, type Issue, type IssueArgs, type ParamsOf, type RefusalCode } from '../../../shared';

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

export function errorBody(e: { issue: Issue; issues?: Issue[] | undefined }) {
  const error: { code: string; message: string; issues?: Array<Omit<Issue, 'params'>> } = { code: e.issue.code, message: e.issue.message };
  if (e.issues) error.issues = e.issues.map(({ params: _p, ...rest }) => rest);
  return { error };
}
