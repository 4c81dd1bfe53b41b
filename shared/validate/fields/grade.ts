// 等次 as the file states it: a band of the scheme by label, alias or Traditional form.
import { makeIssue, type Where } from '../../issues/catalogue';
import type { GradeBand, Scheme } from '../../scheme/schema';
import { findGrade } from '../../scheme/lookup';
import { cleanText } from '../../text/normalize';
import { cellText, type SheetCell } from '../../workbook/model';
import { bad, errorIn, ok, type Field } from './field';

export type StatedGrade = { kind: 'grade'; band: GradeBand } | { kind: 'uncalculated'; formula: string };

export function gradeField(cell: SheetCell | undefined, s: Scheme, at: Where): Field<StatedGrade> {
  if (cell?.noResult) return ok({ kind: 'uncalculated', formula: cell.formula ?? '' });
  const err = errorIn(cell, at);
  if (err) return bad(err);
  const text = cleanText(cellText(cell));
  if (!text) return bad(makeIssue('GRADE_BLANK', {}, at));
  const band = findGrade(s, text);
  if (!band) return bad(makeIssue('GRADE_UNKNOWN', { value: text, allowed: s.grades.map((g) => g.label).join('、') }, at));
  return ok({ kind: 'grade', band });
}
