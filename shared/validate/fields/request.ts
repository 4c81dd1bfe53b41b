// The 申请销号 mark of a ledger line: yes/no as every flag (是, √, 1…), and the words a clerk
// writes for the request itself (申请销号, 申请). Blank is no.
import { makeIssue, type Where } from '../../issues/catalogue';
import { parseFlag } from '../../grade/flags';
import type { Scheme } from '../../scheme/schema';
import { normalizeLabel } from '../../text/normalize';
import { cellText, type SheetCell } from '../../workbook/model';
import { bad, errorIn, ok, type Field } from './field';

const REQUEST_WORDS = new Set(['申请销号', '申请', '销号', '已申请', '申请销账']);

export function requestMarkField(cell: SheetCell | undefined, s: Scheme | undefined, at: Where): Field<boolean> {
  const err = errorIn(cell, at);
  if (err) return bad(err);
  const v = cell?.v ?? null;
  if (typeof v === 'string' && REQUEST_WORDS.has(normalizeLabel(v))) return ok(true);
  const p = parseFlag(v instanceof Date ? cellText(cell) : v, s);
  return p.ok ? ok(p.value) : bad(makeIssue('FLAG_MALFORMED', { value: p.text }, at));
}
