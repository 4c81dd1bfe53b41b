// Codes for templates, workbook reading and sheet validation: 200–299.
import type { IssueDef } from '../types';

export const workbookIssues = {} satisfies Record<string, IssueDef>;
