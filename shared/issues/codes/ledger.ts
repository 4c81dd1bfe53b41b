// Codes for the year after grading: rosters across years, the rectification ledger (销号/复号),
// upgrade targets and 回头看: 400–499.
import type { IssueDef } from '../types';

export const ledgerIssues = {} satisfies Record<string, IssueDef<never>>;
