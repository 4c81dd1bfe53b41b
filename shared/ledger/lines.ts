// A ledger line as a township sends it: a row of its 整改台账 sheet. Today's template has the five
// fields and a free-text 完成情况; the pre-filled ledger sheet of the next package adds the item's
// id, 挂点领导/联络员 (shown, the county's) and a 申请销号 mark with its date. Both arrive as lines.
import type { RectificationRow } from '../submission/types';
import { RECT_SHEET } from '../template/definition';
import { normalizeLabel } from '../text/normalize';
import { parseCellDate } from '../validate/rect';
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

const REQUEST_WORDS = ['申请销号', '销号申请', '申请销账'];
const DATE_IN_TEXT = /(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?/;

/**
 * A row of today's 整改台账 as a line. 完成情况 is free text, so a request is recognized by the
 * words 申请销号 in it, and its date is the first full date written there
 * (“已于2026年6月28日完成，申请销号”). Anything else is progress only.
 */
export function lineFromRectification(row: RectificationRow, sheet: string = RECT_SHEET): LedgerLine {
  const status = row.status.trim();
  const norm = normalizeLabel(status);
  const requestClose = REQUEST_WORDS.some((w) => norm.includes(w));
  const m = DATE_IN_TEXT.exec(norm);
  const completedOn = requestClose && m ? (parseCellDate(`${m[1]}-${m[2]}-${m[3]}`) ?? '') : '';
  return {
    sheet,
    orgName: row.orgName,
    matter: row.problems,
    measures: row.measures,
    owner: row.owner,
    deadline: row.deadline ?? '',
    progress: status,
    requestClose,
    completedOn,
  };
}
