export type Severity = 'error' | 'warning' | 'info';

/** One value a message template may use. */
export type Param = string | number;

/** Values an issue carries (as stored and sent: every code's own params widen to this). */
export type IssueParams = Record<string, Param | undefined>;

/** HTTP statuses a refusal may answer with; user-data issues travel inside a 422. */
export type HttpStatus = 400 | 401 | 403 | 404 | 408 | 409 | 413 | 415 | 422 | 429 | 500 | 503;

export interface IssueDef<P extends object = object, S extends HttpStatus | undefined = HttpStatus | undefined> {
  /** Stable number, never reused: clients and logs may key on it (like ODK's problem.js). */
  num: number;
  severity: Severity;
  /** The answer's status when this code is a request's refusal (server codes). */
  status: S;
  /** zh-CN text for a user; the location is added by makeIssue. (Method syntax: the catalogue holds defs of every params type.) */
  zh(p: P): string;
}

/**
 * One catalogue entry about a user's data. The params type is written once here, so
 * makeIssue('X', …) is checked against what the message uses:
 * `def<{ size: Param; limit: Param }>(201, 'error', (p) => …)`.
 */
export function def<P extends object = Record<never, never>>(num: number, severity: Severity, zh: (p: P) => string): IssueDef<P, undefined> {
  return { num, severity, zh, status: undefined };
}

/** A refusal of a request: always an error, and the code carries its HTTP status. */
export function refusal<P extends object = Record<never, never>>(num: number, status: HttpStatus, zh: (p: P) => string): IssueDef<P, HttpStatus> {
  return { num, severity: 'error', zh, status };
}

/** A param as message text: absent is empty. */
export function v(x: Param | undefined): string {
  return x === undefined ? '' : String(x);
}

export interface Issue {
  code: string;
  num: number;
  severity: Severity;
  sheet?: string;
  cell?: string;
  /** The organization a row-level issue is about (its name, cut to 40 characters). */
  org?: string;
  /** zh-CN, names the sheet and cell when there is one. */
  message: string;
  params?: IssueParams;
}
