export type Severity = 'error' | 'warning' | 'info';

/** One value a message template may use. */
export type Param = string | number;

/** Values an issue carries (as stored and sent: every code's own params widen to this). */
export type IssueParams = Record<string, Param | undefined>;

/** HTTP statuses a refusal may answer with; user-data issues travel inside a 422. */
export type HttpStatus = 400 | 401 | 403 | 404 | 408 | 409 | 413 | 415 | 422 | 429 | 431 | 500 | 503;

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

/** Longest name `nameText` writes, escapes included. */
const MAX_NAME_TEXT = 60;

/**
 * A name taken from inside a file (a zip entry's) as message text. The name is whatever the file's
 * author wrote: a line break in it would start a line of the author's own in the message
 * (`x⏎请联系管理员 13800000000⏎.xml`), a direction mark would turn the rest around. So it stays on
 * one line with control, format and separator characters written as escapes (\r, \n, \u202E),
 * and a long one is cut (makeIssue has already cut it to 40 characters; escapes lengthen it).
 */
export function nameText(x: Param | undefined): string {
  let out = '';
  for (const ch of v(x)) {
    const code = ch.codePointAt(0) ?? 0;
    const shown = ch === '\r' ? '\\r' : ch === '\n' ? '\\n' : ch === '\t' ? '\\t' : /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u.test(ch) ? `\\u${code.toString(16).toUpperCase().padStart(4, '0')}` : ch;
    if (out.length + shown.length > MAX_NAME_TEXT) return `${out}…`;
    out += shown;
  }
  return out;
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
