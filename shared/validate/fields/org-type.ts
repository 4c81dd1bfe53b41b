// 组织类型: 党委 / 党总支 / 党支部, or blank.
import { makeIssue, type Where } from '../../issues/catalogue';
import type { Scheme } from '../../scheme/schema';
import { findOrgType } from '../../scheme/lookup';
import type { OrgType } from '../../submission/types';
import { ORG_TYPES } from '../../template/definition';
import { cleanText } from '../../text/normalize';
import { cellText, type SheetCell } from '../../workbook/model';
import { bad, errorIn, ok, type Field } from './field';

export function orgTypeField(cell: SheetCell | undefined, s: Scheme, at: Where): Field<OrgType | null> {
  const err = errorIn(cell, at);
  if (err) return bad(err);
  const text = cleanText(cellText(cell));
  if (!text) return ok(null);
  const t = findOrgType(s, text);
  if (!t) return bad(makeIssue('ORG_TYPE_UNKNOWN', { value: text, allowed: ORG_TYPES.map((o) => o.label).join('、') }, at));
  return ok(t);
}
