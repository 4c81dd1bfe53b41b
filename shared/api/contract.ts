// The HTTP API between the task pane / standalone page and the county's Functions app. One set of
// zod schemas: the server validates requests with them, the page parses responses with them.
import { z } from 'zod';

export const idSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, { message: '编号只能使用小写字母、数字和短横线' });

export const issueSchema = z.object({
  code: z.string(),
  num: z.number(),
  severity: z.enum(['error', 'warning', 'info']),
  sheet: z.string().optional(),
  cell: z.string().optional(),
  message: z.string(),
});

/** Every non-2xx JSON body. `issues` is set for 422 (the workbook's problems). */
export const errorBodySchema = z.object({
  error: z.object({ code: z.string(), message: z.string(), issues: z.array(issueSchema).optional() }),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;

export const townshipSchema = z.object({ id: idSchema, name: z.string().min(1) });

/** POST /api/campaigns (county). `scheme` is a SchemeInput; omitted → the default scheme. */
export const createCampaignSchema = z.object({
  id: idSchema.optional(),
  year: z.number().int().min(2000).max(2100),
  county: z.string().min(1),
  /** ISO date: uploads after the end of this day are late. */
  deadline: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  townships: z.array(townshipSchema).min(1),
  scheme: z.unknown().optional(),
  /** Optional roster: organization names per township, pre-filled in its template. */
  roster: z.record(z.string(), z.array(z.object({ name: z.string(), category: z.string().optional(), orgType: z.string().optional() }))).optional(),
});
export type CreateCampaign = z.infer<typeof createCampaignSchema>;

export const campaignSchema = z.object({
  id: idSchema,
  year: z.number(),
  county: z.string(),
  deadline: z.string(),
  townships: z.array(townshipSchema),
  schemeId: z.string(),
  schemeFingerprint: z.string(),
  createdAt: z.string(),
});
export type Campaign = z.infer<typeof campaignSchema>;

export const reviewStateSchema = z.enum(['missing', 'submitted', 'returned', 'accepted']);
export type ReviewState = z.infer<typeof reviewStateSchema>;

export const quotaVerdictSchema = z.object({ ok: z.boolean(), summary: z.string() });

/** 201 on a new version, 200 when the same bytes were already stored (same receipt, duplicate: true). */
export const receiptSchema = z.object({
  submissionId: z.string(),
  campaignId: idSchema,
  townshipId: idSchema,
  version: z.number().int().positive(),
  contentHash: z.string().regex(/^[0-9a-f]{64}$/),
  receivedAt: z.string(),
  rows: z.object({ orgs: z.number().int(), rectifications: z.number().int() }),
  counts: z.record(z.string(), z.number().int()),
  quota: quotaVerdictSchema,
  warnings: z.array(issueSchema),
  duplicate: z.boolean(),
});
export type Receipt = z.infer<typeof receiptSchema>;

export const versionSchema = z.object({
  version: z.number().int().positive(),
  submissionId: z.string(),
  contentHash: z.string(),
  receivedAt: z.string(),
  rows: z.object({ orgs: z.number().int(), rectifications: z.number().int() }),
  quota: quotaVerdictSchema,
});

/** GET …/townships/{t}/submissions (that township or the county). */
export const townshipStatusSchema = z.object({
  campaignId: idSchema,
  townshipId: idSchema,
  townshipName: z.string(),
  state: reviewStateSchema,
  currentVersion: z.number().int().nullable(),
  late: z.boolean(),
  /** The county's comment when returned. */
  comment: z.string().nullable(),
  versions: z.array(versionSchema),
});
export type TownshipStatus = z.infer<typeof townshipStatusSchema>;

/** POST …/townships/{t}/review (county). */
export const reviewActionSchema = z.object({
  action: z.enum(['accept', 'return', 'reopen']),
  comment: z.string().max(2000).optional(),
  /** The version the county looked at; refused with 409 when a newer one has arrived since. */
  version: z.number().int().positive(),
});
export type ReviewAction = z.infer<typeof reviewActionSchema>;

/** GET /api/campaigns/{c}/completeness (county). */
export const completenessSchema = z.object({
  campaign: campaignSchema,
  townships: z.array(
    z.object({
      id: idSchema,
      name: z.string(),
      state: reviewStateSchema,
      late: z.boolean(),
      currentVersion: z.number().int().nullable(),
      receivedAt: z.string().nullable(),
      quota: quotaVerdictSchema.nullable(),
      comment: z.string().nullable(),
    }),
  ),
  totals: z.object({ missing: z.number(), submitted: z.number(), returned: z.number(), accepted: z.number(), late: z.number() }),
});
export type Completeness = z.infer<typeof completenessSchema>;

/** GET /api/me: who the token says the caller is. */
export const meSchema = z.object({
  role: z.enum(['county', 'township']),
  campaignId: idSchema,
  townshipId: idSchema.nullable(),
  townshipName: z.string().nullable(),
  expiresAt: z.string(),
});
export type Me = z.infer<typeof meSchema>;

/**
 * The routes, relative to the API base (e.g. http://localhost:7071/api). Bodies of uploads are the
 * raw .xlsx bytes; downloads answer with the .xlsx bytes.
 */
export const routes = {
  me: () => `/me`,
  campaigns: () => `/campaigns`,
  campaign: (c: string) => `/campaigns/${c}`,
  template: (c: string, t: string) => `/campaigns/${c}/townships/${t}/template`,
  submissions: (c: string, t: string) => `/campaigns/${c}/townships/${t}/submissions`,
  review: (c: string, t: string) => `/campaigns/${c}/townships/${t}/review`,
  completeness: (c: string) => `/campaigns/${c}/completeness`,
  consolidated: (c: string) => `/campaigns/${c}/consolidated`,
} as const;

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
