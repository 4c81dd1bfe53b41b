export type Severity = 'error' | 'warning' | 'info';

/** Values a message template may use. */
export type IssueParams = Record<string, string | number | undefined>;

export interface IssueDef {
  /** Stable number, never reused: clients and logs may key on it (like ODK's problem.js). */
  num: number;
  severity: Severity;
  /** zh-CN text for a user; the location is added by makeIssue. */
  zh: (p: IssueParams) => string;
}

export interface Issue {
  code: string;
  num: number;
  severity: Severity;
  sheet?: string;
  cell?: string;
  /** zh-CN, names the sheet and cell when there is one. */
  message: string;
  params?: IssueParams;
}
