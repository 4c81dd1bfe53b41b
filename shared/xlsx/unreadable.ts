// A workbook that is well bounded but not well formed (a broken part, a dangling reference):
// one WORKBOOK_UNREADABLE with a short Chinese reason, never a parser's English.
import { makeIssue } from '../issues/catalogue';
import { refuse } from '../zip/refusal';

export function unreadable(detail: string): never {
  refuse(makeIssue('WORKBOOK_UNREADABLE', { detail }));
}
