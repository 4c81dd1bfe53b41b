// A township's filled workbook after reading and validation: what the server stores per version
// and merges into the county workbook without re-parsing the raw file.
import type { Issue } from '../issues/types';

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
  /** ISO date (yyyy-mm-dd) or null when blank. */
  deadline: string | null;
  status: string;
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
}

export interface ReadResult {
  /** Every problem found, errors and warnings, each with sheet and cell where there is one. */
  issues: Issue[];
  /** Null when the workbook could not be read at all (not a zip, a bomb, no detail sheet…). */
  submission: Submission | null;
}
