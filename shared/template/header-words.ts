// Header words of the detail list's 等次 column, a leaf module so that the quota count (which runs
// in functions.js) can tell a header cell from a grade without loading the template's definition.
import { normalizeLabel } from '../text/normalize';

export const GRADE_HEADER = '等次';
export const GRADE_HEADER_ALIASES: readonly string[] = ['定级等次', '评定等次', '等级', '拟定等次', '定级结果'];

let words: Set<string> | null = null;

/** 等次, 評定等次, “等次（好/较好/一般/较差）”: the column's header, with or without a note in brackets. */
export function isGradeHeader(text: string): boolean {
  words ??= new Set([GRADE_HEADER, ...GRADE_HEADER_ALIASES].map(normalizeLabel));
  return words.has(normalizeLabel(text.replace(/[（(][^（）()]*[）)]\s*$/, '')));
}
