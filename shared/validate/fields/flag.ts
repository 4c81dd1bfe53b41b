// 三打两建 / 新组建: yes or no as clerks mark them; blank is no.
import { makeIssue, type Where } from '../../issues/catalogue';
import { parseFlag } from '../../grade/flags';
import type { Scheme } from '../../scheme/schema';
import { cellText, type SheetCell } from '../../workbook/model';
import { bad, errorIn, ok, type Field } from './field';

export function flagField(cell: SheetCell | undefined, s: Scheme, at: Where): Field<boolean> {
  const err = errorIn(cell, at);
  if (err) return bad(err);
  const v = cell?.v ?? null;
  const p = parseFlag(v instanceof Date ? cellText(cell) : v, s);
  return p.ok ? ok(p.value) : bad(makeIssue('FLAG_MALFORMED', { value: p.text }, at));
}
