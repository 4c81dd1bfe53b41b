// Codes for uploads, review and access on the county's server: 300–399.
import type { IssueDef } from '../types';

export const serverIssues = {} satisfies Record<string, IssueDef>;
