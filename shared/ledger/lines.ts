// A ledger line as a township sends it: a row of its 整改台账 sheet. An old sheet has the five
// fields and a free-text 完成情况; the sheet pre-filled from the ledger (shared/template/rect-sheet.ts)
// adds the item's 台账编号, 挂点领导/联络员 (shown, the county's) and a 申请销号 mark with its
// 完成日期. Both arrive as lines; with the sheet's columns, every message names its cell.
import type { TableAt, RectificationRow } from '../submission/types';
import { RECT_SHEET, type RectKey } from '../template/definition';
import { cellAddress } from '../workbook/a1';
import { findDateInText, requestInText } from '../validate/rect';
import type { LedgerWhere } from './fields';

export interface LedgerLine extends LedgerWhere {
  orgName: string;
  /** The item's id when the sheet was pre-filled with it; absent for a line the township added. */
  itemId?: string | null;
  matter: string;
  measures: string;
  owner: string;
  /** 完成时限 as written. */
  deadline: string;
  progress: string;
  /** Only when the sheet has these columns (they are the county's; a change is not taken). */
  leader?: string;
  liaison?: string;
  /** The township marks the item 申请销号. */
  requestClose: boolean;
  /** The completion date as written, with the request. */
  completedOn: string;
}

/** Which field of a line each column of the sheet holds. */
const CELL_OF: ReadonlyArray<[keyof NonNullable<LedgerWhere['cells']>, RectKey]> = [
  ['orgName', 'orgName'],
  ['matter', 'problems'],
  ['measures', 'measures'],
  ['owner', 'owner'],
  ['deadline', 'deadline'],
  ['progress', 'status'],
  ['leader', 'leader'],
  ['liaison', 'liaison'],
  ['itemId', 'itemId'],
  ['requestClose', 'requestClose'],
  ['completedOn', 'completedOn'],
];

/**
 * A row of the 整改台账 as a line. The 申请销号 column, when answered (是 or 否), is the request,
 * whatever 完成情况 says, and 完成日期 its date. When the column is blank or absent, a request is
 * recognized by the words 申请销号 in the free-text 完成情况 unless they are negated (暂不申请销号
 * asks for nothing: requestInText), and its date is the first full date written there
 * (“已于2026年6月28日完成，申请销号”). Anything else is progress only. `at` is where the sheet
 * was read (Submission.rectTable) or just its name.
 */
export function lineFromRectification(row: RectificationRow, at: TableAt | string = RECT_SHEET): LedgerLine {
  const status = row.status.trim();
  const inText = requestInText(status) === true;
  // A 否 in the column is the township's answer: text written beside it cannot turn it into a request.
  const requestClose = row.requestMarked === true ? row.requestClose === true : row.requestClose === true || inText;
  const typedDate = (row.completedOn ?? '').trim();
  const fromText = inText ? (findDateInText(status) ?? '') : '';
  const line: LedgerLine = {
    sheet: typeof at === 'string' ? at : at.sheet,
    orgName: row.orgName,
    matter: row.problems,
    measures: row.measures,
    owner: row.owner,
    // As written (年底前 stays 年底前); versions stored before deadlineText was kept have the date.
    deadline: row.deadlineText ?? row.deadline ?? '',
    progress: status,
    requestClose,
    completedOn: requestClose ? typedDate || fromText : '',
  };
  if (row.itemId) line.itemId = row.itemId;
  if (row.leader !== undefined) line.leader = row.leader;
  if (row.liaison !== undefined) line.liaison = row.liaison;
  if (typeof at !== 'string') {
    const cells: NonNullable<LedgerWhere['cells']> = {};
    for (const [field, key] of CELL_OF) {
      const col = at.columns[key];
      if (col) cells[field] = cellAddress(col, row.row);
    }
    line.cells = cells;
  }
  return line;
}
