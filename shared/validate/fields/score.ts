// One indicator score: a number in 0..max, as typed (92, "92分", "９２"). Typed as text it reads
// as the clerk meant it, but where the row's 总分 is the template's SUM formula the file's own
// total leaves it out: then the text itself is the error, at this cell, and nothing downstream
// (total, grade) is reported again.
import { makeIssue, type Where } from '../../issues/catalogue';
import { checkScore } from '../../grade/score';
import type { Indicator } from '../../scheme/schema';
import { cellText, type SheetCell } from '../../workbook/model';
import { bad, errorIn, ok, type Field } from './field';

export interface Score {
  /** Null when blank. */
  value: number | null;
}

/** A bad score carries the value the clerk meant when there is one (a text score). */
export type ScoreField = Field<Score> & { meant?: number };

export function scoreField(cell: SheetCell | undefined, ind: Indicator, at: Where, textIsDropped: boolean): ScoreField {
  const err = errorIn(cell, at);
  if (err) return bad(err);
  const v = cell?.v ?? null;
  const name = `“${ind.name}”`;
  const chk = checkScore(v instanceof Date ? cellText(cell) : v, ind.max);
  if (!chk.ok) {
    if (chk.code === 'SCORE_MALFORMED') return bad(makeIssue('SCORE_MALFORMED', { value: chk.value, max: ind.max }, at));
    return bad(makeIssue('SCORE_OUT_OF_RANGE', { name, value: chk.value, max: ind.max }, at));
  }
  if (chk.blank) return bad(makeIssue('SCORE_BLANK', { name }, at));
  if (typeof v === 'string' && textIsDropped) return { ...bad<Score>(makeIssue('SCORE_AS_TEXT', { value: v.trim() }, at)), meant: chk.value };
  return ok({ value: chk.value });
}
