// 总分 as the file states it: typed, or the template's formula with its cached result.
import { makeIssue, type Where } from '../../issues/catalogue';
import { checkScore } from '../../grade/score';
import { cellText, type SheetCell } from '../../workbook/model';
import { bad, errorIn, ok, type Field } from './field';

/** `formula` without a value: never calculated (the engine computes it); null: blank. */
export type Total = { kind: 'value'; value: number } | { kind: 'uncalculated'; formula: string } | { kind: 'blank' };

export function totalField(cell: SheetCell | undefined, max: number, at: Where): Field<Total> {
  if (cell?.noResult) return ok({ kind: 'uncalculated', formula: cell.formula ?? '' });
  const err = errorIn(cell, at);
  if (err) return bad(err);
  const v = cell?.v ?? null;
  const chk = checkScore(v instanceof Date ? cellText(cell) : v, max);
  if (!chk.ok) {
    if (chk.code === 'SCORE_MALFORMED') return bad(makeIssue('SCORE_MALFORMED', { value: chk.value, max }, at));
    return bad(makeIssue('SCORE_OUT_OF_RANGE', { name: '总分', value: chk.value, max }, at));
  }
  return ok(chk.blank ? { kind: 'blank' } : { kind: 'value', value: chk.value });
}

/** The template's SUM formula ignores text in the score cells. */
export function totalIsFormula(cell: SheetCell | undefined): boolean {
  return !!cell?.formula;
}
