// Names and free text: trimmed, whitespace folded, bounded in length.
import { makeIssue, type Where } from '../../issues/catalogue';
import { cleanName } from '../../text/name';
import { cellText, freeText, type SheetCell } from '../../workbook/model';
import { TEXT_LIMITS, type LimitedField } from '../limits';
import { bad, errorIn, ok, type Field } from './field';

/**
 * A text cell as the clerk meant it. `label` is the column as the clerk knows it (党组织名称).
 * Names fold every run of whitespace to one space, and drop one between Chinese characters (a line
 * break in a wrapped name: cleanName); free text (explanations, measures) keeps its punctuation as typed.
 */
export function textField(cell: SheetCell | undefined, field: LimitedField, label: string, at: Where, kind: 'name' | 'free' = 'name'): Field<string> {
  const err = errorIn(cell, at);
  if (err) return bad(err);
  const raw = cellText(cell);
  const value = kind === 'name' ? cleanName(raw) : freeText(raw);
  const max = TEXT_LIMITS[field];
  // Length counts code points, never more than code units: a short text needs no counting.
  if (value.length <= max) return ok(value);
  const length = Array.from(value).length;
  if (length > max) return bad(makeIssue('TEXT_TOO_LONG', { field: label, length, max, value }, at));
  return ok(value);
}
