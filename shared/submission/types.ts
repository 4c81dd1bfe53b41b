// A township's filled workbook after reading and validation: what the server stores per version
// and merges into the county workbook without re-parsing the raw file.
import type { Issue } from '../issues/types';
import type { QuotaCount } from '../quota/quota';

export type OrgType = 'committee' | 'generalBranch' | 'branch';

export interface OrgRow {
  /** 1-based row in the detail sheet, for messages and for pointing back at the cell. */
  row: number;
  seq: number | null;
  name: string;
  /** 所属党(工)委, when the sheet has that column. */
  committee: string | null;
  /** Category key of the scheme. */
  category: string;
  orgType: OrgType | null;
  /** 所属党总支, for a branch that follows its general branch's grade. */
  parentName: string | null;
  members: number | null;
  /** One score per scheme indicator, in scheme order. */
  scores: number[];
  total: number;
  /** Grade key of the scheme, as the sheet states it (validated against score and overrides). */
  grade: string;
  flags: { forcedBottom: boolean; newlyEstablished: boolean };
  explanation: string;
  remark: string;
}

export interface RectificationRow {
  row: number;
  orgName: string;
  problems: string;
  measures: string;
  owner: string;
  /** ISO date (yyyy-mm-dd) when the deadline names a day (or a month's or year's end), else null. */
  deadline: string | null;
  /**
   * 完成时限 as the clerk wrote it ("年底前", "2026年6月底", "2026-12-31"; a date cell as
   * yyyy-mm-dd), '' when blank. Always set by the reader; absent in versions stored before it.
   */
  deadlineText?: string;
  status: string;
  /**
   * The ledger's columns (shared/template/definition.ts RECT_COLUMNS), set only when the sheet has
   * them: the item's 台账编号 from a pre-filled sheet, the 申请销号 mark, the 完成日期 as written
   * (yyyy-mm-dd for a date cell), and 挂点领导/联络员 as the sheet shows them.
   */
  itemId?: string;
  requestClose?: boolean;
  /**
   * Set when the 申请销号 cell was answered (是 or 否, not blank): the answer then outranks the
   * free text of 完成情况. Absent in versions stored before it was kept (they read as before).
   */
  requestMarked?: boolean;
  completedOn?: string;
  leader?: string;
  liaison?: string;
}

/** Where a table was read: its sheet and the 1-based column of each of its columns (by key). */
export interface TableAt {
  sheet: string;
  columns: Record<string, number>;
}

/** What a workbook says about whom it belongs to; the identity check (validate/identity.ts) reads it. */
export interface SubmissionOrigin {
  /** The township named in the template's metadata, when the file is a county template. */
  templateTownship: string | null;
  /** The scheme version named in the template's metadata. */
  schemeVersion: string | null;
  /** 填报单位 as written in the sheet (null when blank), and where it is or would be. */
  filledTownship: { text: string | null; sheet: string; cell: string | null };
}

export interface Submission {
  templateId: string;
  templateVersion: string;
  schemeId: string;
  schemeFingerprint: string;
  /** From the template's metadata; null for a sheet not made from a county template. */
  campaignId?: string | null;
  townshipId?: string | null;
  /** 填报单位 block of the sheet. */
  township: string;
  filledBy: string;
  phone: string;
  /** ISO date or null. */
  filledOn: string | null;
  orgs: OrgRow[];
  rectifications: RectificationRow[];
  /**
   * Where the list and the ledger lines are, so a message made after the upload (a row not on the
   * roster, a ledger line the ledger refuses) can name its cell. Absent in versions stored before.
   */
  detailTable?: TableAt;
  rectTable?: TableAt;
  /** Absent in versions stored before the identity rule. */
  origin?: SubmissionOrigin;
}

export interface ReadResult {
  /** Every problem found, errors and warnings, each with sheet and cell where there is one. */
  issues: Issue[];
  /** Null when the workbook could not be read at all (not a zip, a bomb, no detail sheet…). */
  submission: Submission | null;
  /**
   * The quota count the quota warnings were judged by (organizations whose grade is trusted),
   * with the submission: the server words the receipt's verdict from it instead of counting again.
   */
  quota: QuotaCount | null;
}
