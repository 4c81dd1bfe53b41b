// 申请销号 as a township says it, read one way for the 申请销号 column and for the free text of
// 完成情况 (shared/ledger/lines.ts): in the column, yes/no as every flag (是, √, 1 / 否, ×, 0,
// the county's own words), the words a clerk writes for the request itself (申请销号, 申请) and
// the ones that decline it (不, 暂不申请, 未申请…). Blank is no answer. In free text, the words
// 申请销号 ask for it unless the clause negates them: “未完成，暂不申请销号” asks for nothing.
import { makeIssue, type Where } from '../../issues/catalogue';
import { parseFlag } from '../../grade/flags';
import type { Scheme } from '../../scheme/schema';
import { normalizeLabel } from '../../text/normalize';
import { cellIsBlank, cellText, type SheetCell } from '../../workbook/model';
import { bad, errorIn, ok, type Field } from './field';

/** A whole cell that asks for 销号. */
const MARK_WORDS = new Set(['申请销号', '申请', '销号', '已申请', '申请销账', '销号申请']);

// What negates a request (不 also covers 暂不/不予/不能/还不能, 未 covers 尚未/暂未): one list for
// the column and the text, so that a wording refused in one is refused in the other.
const NEGATION = '不|未|无需|无须|毋需|毋须|没|勿|暂缓';

/** A whole cell that declines: 不, 暂不, 不申请, 暂不申请销号, 尚未申请, 还不能申请, 无需申请… */
const DECLINE_MARK = new RegExp(`^(?:暂|尚|还|仍|目前)?(?:${NEGATION})(?:能|需要?|用|予|必)?(?:申请|提出)?(?:销号|销账)?(?:申请)?$`);

/** The words that ask for 销号 in free text, after normalizeLabel. */
const REQUEST_IN_TEXT = /申请销号|销号申请|申请销账|销账申请/g;
/** Marks that end a clause (after normalizeLabel full-width ，；：！？ are half-width). */
const CLAUSE_END = /[,.;:!?、。]/;
// A negation at most three characters before the request, in its clause: 暂不申请销号,
// 尚未申请销号, 还不能申请销号, 不具备申请销号条件, 暂不提出销号申请. Further away it belongs to
// something else (“整改不到位的问题已解决申请销号”).
const NEGATED_BEFORE = new RegExp(`(?:${NEGATION}).{0,3}$`);
/** …or the answer right after it: 申请销号：否, 申请销号（暂不）, 申请销号暂缓. */
const NEGATED_AFTER = new RegExp(`^[:(]?(?:否|×|暂不|${NEGATION})`);
/** “是否申请销号” is the column's question, asking nothing unless answered 是. */
const ANSWERED_YES = /^[:(]?(?:是|√)/;

/**
 * The 申请销号 column of a ledger line: true or false when the clerk answered, null when the cell
 * is blank (then 完成情况 may still say it). A cell that is none of these is FLAG_MALFORMED.
 */
export function requestMarkField(cell: SheetCell | undefined, s: Scheme | undefined, at: Where): Field<boolean | null> {
  const err = errorIn(cell, at);
  if (err) return bad(err);
  if (cellIsBlank(cell)) return ok(null);
  const v = cell?.v ?? null;
  const t = typeof v === 'string' ? normalizeLabel(v) : '';
  if (MARK_WORDS.has(t)) return ok(true);
  // The county's own words (and 是/否…) come before the phrases: they are its vocabulary.
  const p = parseFlag(v instanceof Date ? cellText(cell) : v, s);
  if (p.ok) return ok(p.value);
  if (DECLINE_MARK.test(t)) return ok(false);
  const said = typeof v === 'string' ? requestInText(v) : null;
  return said !== null ? ok(said) : bad(makeIssue('FLAG_MALFORMED', { value: p.text }, at));
}

/**
 * What free text (完成情况) says about 申请销号: true when it asks for it, false when it mentions
 * it only to decline (暂不申请销号, 申请销号：否), null when it says nothing of it. A text that
 * both asks and declines (“暂不申请销号，待验收后再申请销号”) declines: a request is the
 * township's act, never guessed.
 */
export function requestInText(text: string): boolean | null {
  const norm = normalizeLabel(text);
  let asked = false;
  for (const m of norm.matchAll(REQUEST_IN_TEXT)) {
    const clause = norm.slice(0, m.index).split(CLAUSE_END).pop() ?? '';
    const after = norm.slice(m.index + m[0].length);
    if (NEGATED_BEFORE.test(clause) || NEGATED_AFTER.test(after)) return false;
    if (clause.endsWith('是否') && !ANSWERED_YES.test(after)) continue;
    asked = true;
  }
  return asked ? true : null;
}
