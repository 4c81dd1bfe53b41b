// User-facing refusals: an HTTP status plus an Issue from the catalogue. Anything else thrown in a
// handler is an infrastructure fault and is logged and rethrown.
import { makeIssue, type Issue, type IssueCode, type IssueParams } from '../../../shared';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: IssueCode,
    readonly params: IssueParams = {},
    readonly issues?: Issue[],
  ) {
    super(makeIssue(code, params).message);
    this.name = 'ApiError';
  }
}

export function errorBody(code: IssueCode, params: IssueParams = {}, issues?: Issue[]) {
  const issue = makeIssue(code, params);
  const error: { code: string; message: string; issues?: Array<Omit<Issue, 'params'>> } = { code: issue.code, message: issue.message };
  if (issues) error.issues = issues.map(({ params: _p, ...rest }) => rest);
  return { error };
}
