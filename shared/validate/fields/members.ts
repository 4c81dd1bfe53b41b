// 党员数: a whole number, as typed ("23", "２３", "23人", "23名"), or blank.
import { makeIssue, type Where } from '../../issues/catalogue';
import { parseScore } from '../../grade/score';
import { toHalfWidth } from '../../text/normalize';
import { cellIsBlank, cellText, type SheetCell } from '../../workbook/model';
import { bad, errorIn, ok, type Field } from './field';

export function membersField(cell: SheetCell | undefined, at: Where): Field<number | null> {
  const err = errorIn(cell, at);
  if (err) return bad(err);
  if (cellIsBlank(cell)) return ok(null);
  const v = cell?.v ?? null;
  const p = parseScore(typeof v === 'string' ? toHalfWidth(v).trim().replace(/[人名个]$/, '') : v instanceof Date ? cellText(cell) : v);
  if (p.kind === 'number' && Number.isInteger(p.value) && p.value >= 0) return ok(p.value);
  return bad(makeIssue('MEMBERS_MALFORMED', { value: cellText(cell) }, at));
}
