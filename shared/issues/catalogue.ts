// The one catalogue of issue codes. Every message a user reads about their data or a refused
// request comes from here; a code carries its params type, its severity and (for refusals of a
// request) its HTTP status, so callers never choose a status themselves.
import { gradingIssues } from './codes/grading';
import { ledgerIssues } from './codes/ledger';
import { serverIssues } from './codes/server';
import { workbookIssues } from './codes/workbook';
import type { HttpStatus, Issue, IssueDef, IssueParams, Param } from './types';

export const ISSUES = { ...gradingIssues, ...workbookIssues, ...serverIssues, ...ledgerIssues };

export type IssueCode = keyof typeof ISSUES;

/** The params a code's message takes. */
export type ParamsOf<C extends IssueCode> = (typeof ISSUES)[C] extends IssueDef<infer P, infer _S> ? P : never;

/** Codes that answer a request by themselves (they carry an HTTP status). */
export type RefusalCode = { [C in IssueCode]: (typeof ISSUES)[C] extends IssueDef<object, HttpStatus> ? C : never }[IssueCode];

/** Params may be left out only when the code has none that are required. */
export type IssueArgs<C extends IssueCode> = Record<never, never> extends ParamsOf<C> ? [params?: ParamsOf<C>, where?: Where] : [params: ParamsOf<C>, where?: Where];

/** All definitions with their codes, for the uniqueness test and for documentation. */
export const ALL_ISSUE_DEFS: ReadonlyArray<{ code: string; def: IssueDef<never>; area: string }> = [
  ...Object.entries(gradingIssues).map(([code, def]) => ({ code, def: def as IssueDef<never>, area: 'grading' })),
  ...Object.entries(workbookIssues).map(([code, def]) => ({ code, def: def as IssueDef<never>, area: 'workbook' })),
  ...Object.entries(serverIssues).map(([code, def]) => ({ code, def: def as IssueDef<never>, area: 'server' })),
  ...Object.entries(ledgerIssues).map(([code, def]) => ({ code, def: def as IssueDef<never>, area: 'ledger' })),
];

export interface Where {
  sheet?: string;
  cell?: string;
  /** The organization the row is about (its name as written), for every row-level message. */
  org?: string;
}

/**
 * The location first, so a clerk can go straight to the cell, and for a row the organization, so
 * she knows which one without counting rows:
 * `工作表“一览表”第 8 行“东山村党支部”，H8 单元格：…`, `工作表“一览表”H3 单元格：…`.
 */
export function locationText(w: Where): string {
  const sheet = w.sheet ? `工作表“${w.sheet}”` : '';
  if (w.org) {
    const row = w.cell ? /\d+$/.exec(w.cell)?.[0] : undefined;
    const org = `${row ? `第 ${row} 行` : ''}“${quoted(w.org)}”`;
    return w.cell ? `${sheet}${org}，${w.cell} 单元格：` : `${sheet}${org}：`;
  }
  if (w.sheet && w.cell) return `${sheet}${w.cell} 单元格：`;
  if (w.sheet) return `${sheet}：`;
  if (w.cell) return `${w.cell} 单元格：`;
  return '';
}

/** Longest text a message quotes from a file; a longer value is cut with its length noted. */
export const MAX_QUOTED = 40;

/** "一二三…（共 1000000 字）": a hostile cell value never makes a message (or an answer) big. */
export function quoted(s: string, max = MAX_QUOTED): string {
  const chars = Array.from(s.length > max * 4 ? s.slice(0, max * 4) : s);
  return chars.length <= max && s.length <= max * 4 ? s : `${chars.slice(0, max).join('')}…（共 ${s.length} 字）`;
}

function boundParams(p: object): IssueParams {
  const out: IssueParams = {};
  for (const [k, x] of Object.entries(p) as Array<[string, Param | undefined]>) out[k] = typeof x === 'string' ? quoted(x) : x;
  return out;
}

function defOf(code: IssueCode): IssueDef<IssueParams> {
  return ISSUES[code] as IssueDef<IssueParams>;
}

export function makeIssue<C extends IssueCode>(code: C, ...[params, where = {}]: IssueArgs<C>): Issue {
  const def = defOf(code);
  const p = boundParams(params ?? {});
  const issue: Issue = { code, num: def.num, severity: def.severity, message: locationText(where) + def.zh(p), params: p };
  if (where.sheet !== undefined) issue.sheet = where.sheet;
  if (where.cell !== undefined) issue.cell = where.cell;
  if (where.org) issue.org = quoted(where.org);
  return issue;
}

/** The bare zh-CN text of a code, without a location (custom functions show this). */
export function issueText<C extends IssueCode>(code: C, ...[params]: IssueArgs<C>): string {
  return defOf(code).zh(boundParams(params ?? {}));
}

/** The HTTP status a refusal answers with. */
export function statusOf(code: RefusalCode): HttpStatus {
  return (ISSUES[code] as IssueDef<object, HttpStatus>).status;
}

export function hasErrors(issues: readonly Issue[]): boolean {
  return issues.some((i) => i.severity === 'error');
}
