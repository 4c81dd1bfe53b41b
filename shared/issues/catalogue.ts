// The one catalogue of issue codes. Every message a user reads about their data comes from here.
import { gradingIssues } from './codes/grading';
import { serverIssues } from './codes/server';
import { workbookIssues } from './codes/workbook';
import type { Issue, IssueDef, IssueParams } from './types';

export const ISSUES = { ...gradingIssues, ...workbookIssues, ...serverIssues } satisfies Record<string, IssueDef>;

export type IssueCode = keyof typeof ISSUES;

/** All definitions with their codes, for the uniqueness test and for documentation. */
export const ALL_ISSUE_DEFS: ReadonlyArray<{ code: string; def: IssueDef; area: string }> = [
  ...Object.entries(gradingIssues).map(([code, def]) => ({ code, def: def as IssueDef, area: 'grading' })),
  ...Object.entries(workbookIssues).map(([code, def]) => ({ code, def: def as IssueDef, area: 'workbook' })),
  ...Object.entries(serverIssues).map(([code, def]) => ({ code, def: def as IssueDef, area: 'server' })),
];

export interface Where {
  sheet?: string;
  cell?: string;
}

/** 工作表“一览表”H5：… — the location first, so a clerk can go straight to the cell. */
export function locationText(w: Where): string {
  if (w.sheet && w.cell) return `工作表“${w.sheet}”${w.cell} 单元格：`;
  if (w.sheet) return `工作表“${w.sheet}”：`;
  if (w.cell) return `${w.cell} 单元格：`;
  return '';
}

export function makeIssue(code: IssueCode, params: IssueParams = {}, where: Where = {}): Issue {
  const def: IssueDef = ISSUES[code];
  const issue: Issue = {
    code,
    num: def.num,
    severity: def.severity,
    message: locationText(where) + def.zh(params),
    params,
  };
  if (where.sheet !== undefined) issue.sheet = where.sheet;
  if (where.cell !== undefined) issue.cell = where.cell;
  return issue;
}

/** The bare zh-CN text of a code, without a location (custom functions show this). */
export function issueText(code: IssueCode, params: IssueParams = {}): string {
  return ISSUES[code].zh(params);
}

export function hasErrors(issues: readonly Issue[]): boolean {
  return issues.some((i) => i.severity === 'error');
}
