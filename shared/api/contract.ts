// The HTTP API between the task pane / standalone page and the county's Functions app. One set of
// zod schemas: the server validates requests with them, the page parses responses with them.
// Importing this file configures zod's Chinese messages (./zod-zh) for the server and the page.
// The schemas live by concern in ./base, ./campaign, ./review, ./access and ./ledger (the year after); this file is the one
// import for both sides, with the caller's identity and the routes.
import { z } from 'zod';
import { idSchema } from './base';

export * from './base';
export * from './campaign';
export * from './review';
export * from './access';
export * from './ledger';

/** GET /api/me: who the credential says the caller is. */
export const meSchema = z.object({
  role: z.enum(['county', 'township']),
  credentialId: z.string(),
  countyId: idSchema,
  countyName: z.string(),
  /**
   * A township's campaign. A county credential reaches every campaign of its county; for the old
   * pane this is its newest campaign, or null when it has none yet (→ 新建工作批次).
   */
  campaignId: idSchema.nullable(),
  townshipId: idSchema.nullable(),
  townshipName: z.string().nullable(),
  expiresAt: z.string(),
});
export type Me = z.infer<typeof meSchema>;

/**
 * The routes, relative to the API base (e.g. http://localhost:7071/api). Bodies of uploads are the
 * raw .xlsx bytes; downloads answer with the .xlsx bytes. `campaign` is also PUT (edit).
 */
export const routes = {
  me: () => `/me`,
  campaigns: () => `/campaigns`,
  campaign: (c: string) => `/campaigns/${c}`,
  template: (c: string, t: string) => `/campaigns/${c}/townships/${t}/template`,
  submissions: (c: string, t: string) => `/campaigns/${c}/townships/${t}/submissions`,
  version: (c: string, t: string, v: number) => `/campaigns/${c}/townships/${t}/versions/${v}`,
  versionFile: (c: string, t: string, v: number) => `/campaigns/${c}/townships/${t}/versions/${v}/file`,
  review: (c: string, t: string) => `/campaigns/${c}/townships/${t}/review`,
  bulkReview: (c: string) => `/campaigns/${c}/review`,
  completeness: (c: string) => `/campaigns/${c}/completeness`,
  consolidated: (c: string) => `/campaigns/${c}/consolidated`,
  access: (c: string) => `/campaigns/${c}/access`,
  accessRevoke: (c: string) => `/campaigns/${c}/access/revoke`,
  accessSheet: (c: string) => `/campaigns/${c}/access/sheet`,
  rosterParse: () => `/roster/parse`,
  rosterTemplate: () => `/roster/template`,
  // The year after: organizations, roster proposal, ledger, targets, 回头看 (./ledger).
  rosterReconcile: () => `/roster/reconcile`,
  orgs: (c: string) => `/campaigns/${c}/orgs`,
  ledger: (c: string) => `/campaigns/${c}/ledger`,
  townshipLedger: (c: string, t: string) => `/campaigns/${c}/townships/${t}/ledger`,
  ledgerItem: (c: string, itemId: string) => `/campaigns/${c}/ledger/${itemId}`,
  targets: (c: string) => `/campaigns/${c}/targets`,
  townshipTargets: (c: string, t: string) => `/campaigns/${c}/townships/${t}/targets`,
  lookback: (c: string) => `/campaigns/${c}/lookback`,
} as const;

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
