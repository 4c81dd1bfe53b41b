// 类别: a category of the scheme by name, alias (民营企业, 农村) or Traditional form.
import { makeIssue, type Where } from '../../issues/catalogue';
import type { Category, Scheme } from '../../scheme/schema';
import { findCategory } from '../../scheme/lookup';
import { cleanText } from '../../text/normalize';
import { cellText, type SheetCell } from '../../workbook/model';
import { bad, errorIn, ok, type Field } from './field';

export function categoryField(cell: SheetCell | undefined, s: Scheme, at: Where): Field<Category> {
  const err = errorIn(cell, at);
  if (err) return bad(err);
  const text = cleanText(cellText(cell));
  if (!text) return bad(makeIssue('CATEGORY_BLANK', {}, at));
  const c = findCategory(s, text);
  if (!c) return bad(makeIssue('CATEGORY_UNKNOWN', { value: text, allowed: s.categories.map((x) => x.name).join('、') }, at));
  return ok(c);
}
