// Header words of the detail list's 等次 and 总分 columns, a leaf module so that the functions
// (functions.js) can tell a header cell taken with a range from a grade or a score without loading
// the template's definition.
import { normalizeLabel } from '../text/normalize';

export const GRADE_HEADER = '等次';
export const GRADE_HEADER_ALIASES: readonly string[] = ['定级等次', '评定等次', '等级', '拟定等次', '定级结果'];
export const TOTAL_HEADER = '总分';
export const TOTAL_HEADER_ALIASES: readonly string[] = ['合计得分', '得分', '综合得分', '总得分'];

/** A header's words without a note in brackets at its end (总分（100分）, 等次（好/较好/一般/较差）), normalized. */
export function headerLabel(text: string): string {
  return normalizeLabel(text.replace(/[（(][^（）()]*[）)]\s*$/, ''));
}

let gradeWords: Set<string> | null = null;
let totalWords: Set<string> | null = null;

/** 等次, 評定等次, “等次（好/较好/一般/较差）”: the column's header, with or without a note in brackets. */
export function isGradeHeader(text: string): boolean {
  gradeWords ??= new Set([GRADE_HEADER, ...GRADE_HEADER_ALIASES].map(normalizeLabel));
  return gradeWords.has(headerLabel(text));
}

/** 总分, 总分（100分）, 綜合得分: the 总分 column's header. */
export function isTotalHeader(text: string): boolean {
  totalWords ??= new Set([TOTAL_HEADER, ...TOTAL_HEADER_ALIASES].map(normalizeLabel));
  return totalWords.has(headerLabel(text));
}
