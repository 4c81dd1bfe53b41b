// The HTTP API between the task pane / standalone page and the county's Functions app. One set of
// zod schemas: the server validates requests with them, the page parses responses with them.
// Importing this file configures zod's Chinese messages (./zod-zh) for the server and the page.
import { z } from 'zod';
import { toHalfWidth } from '../text/normalize';
import { parseCellDate } from '../validate/rect';
import './zod-zh';

export const idSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, { message: '编号只能使用小写字母、数字和短横线（不超过 63 个字符）' });

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

/** Names a clerk types: trimmed, at most 60 characters. */
const nameSchema = (max = 60) => z.string().trim().min(1).max(max);

/**
 * A calendar date as clerks write it — 2026-04-25, 2026/4/25, 2026年4月25日, full-width digits —
 * normalized to yyyy-mm-dd. Impossible dates (2026-02-30) are refused with a message that says so.
 */
export const dateSchema = z.string().transform((s, ctx) => {
  const iso = parseCellDate(toHalfWidth(s).trim());
  if (!iso) {
    ctx.addIssue({ code: 'custom', message: `“${s.slice(0, 20)}”不是有效的日期，请写成 2026-04-25 的形式` });
    return z.NEVER;
  }
  return iso;
});

/** The built-in standards a county can pick without writing a scheme file. */
export const builtInSchemeIds = ['default6', 'yichun5'] as const;

/** One organization of a township's roster (党组织名册), as stored with the campaign. */
export const campaignRosterEntrySchema = z.object({
  name: nameSchema(200),
  category: z.string().max(60).optional(),
  orgType: z.string().max(20).optional(),
  /** 所属党总支 of a branch. */
  parent: z.string().max(200).optional(),
  /** Stable organization id across years, when the roster carries one (set by the year-after logic). */
  id: z.string().max(64).optional(),
});
export type CampaignRosterEntry = z.infer<typeof campaignRosterEntrySchema>;

/** One line of a 党组织名册 as read from a sheet or pasted text: the township is by name. */
export const rosterEntrySchema = campaignRosterEntrySchema.extend({
  township: z.string(),
  /** Where it came from, for messages: 1-based row of the sheet or of the pasted text. */
  row: z.number().int(),
});
export type RosterEntry = z.infer<typeof rosterEntrySchema>;

/** POST /api/roster/parse (county; body .xlsx or tab-separated text) → entries + cell-level issues. */
export const rosterParseSchema = z.object({
  entries: z.array(rosterEntrySchema),
  /** Townships in order of first appearance, with their number of organizations. */
  townships: z.array(z.object({ name: z.string(), count: z.number().int() })),
  issues: z.array(issueSchema),
  /** No errors among the issues. */
  ok: z.boolean(),
});
export type RosterParse = z.infer<typeof rosterParseSchema>;

/**
 * POST /api/campaigns (county). Township ids are optional (the server assigns t01, t02… and keeps
 * them). The standard is `schemeId` (built-in) or `scheme` (the county's own scheme, parsed JSON);
 * neither → default6. `roster` is keyed by township id or name.
 */
export const createCampaignSchema = z.object({
  id: idSchema.optional(),
  year: z.number().int().min(2000).max(2100),
  county: nameSchema(40),
  /** Uploads after the end of this day (Beijing time) are late. */
  deadline: dateSchema,
  townships: z.array(z.object({ id: idSchema.optional(), name: nameSchema(60) })).min(1).max(500),
  schemeId: z.enum(builtInSchemeIds).optional(),
  scheme: z.unknown().optional(),
  roster: z.record(z.string(), z.array(campaignRosterEntrySchema).max(5000)).optional(),
});
export type CreateCampaign = z.input<typeof createCampaignSchema>;

/** PUT /api/campaigns/{c} (county): the whole campaign again, with the revision it was read at. */
export const updateCampaignSchema = createCampaignSchema.omit({ id: true }).extend({
  revision: z.number().int().positive(),
});
export type UpdateCampaign = z.input<typeof updateCampaignSchema>;

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

/**
 * GET /api/campaigns/{c}, and the answer of POST and PUT. The county sees every township's roster;
 * a township sees its own. `warnings` (POST/PUT only): e.g. a deadline already past.
 */
export const campaignDetailSchema = campaignSchema.extend({
  countyId: idSchema,
  revision: z.number().int().positive(),
  updatedAt: z.string(),
  scheme: z.unknown(),
  roster: z.record(z.string(), z.array(campaignRosterEntrySchema)),
  warnings: z.array(issueSchema).optional(),
});
export type CampaignDetail = z.infer<typeof campaignDetailSchema>;

/** GET /api/campaigns (county): every campaign of the caller's county, newest year first. */
export const campaignListSchema = z.object({
  countyId: idSchema,
  countyName: z.string(),
  campaigns: z.array(
    z.object({
      id: idSchema,
      year: z.number(),
      county: z.string(),
      deadline: z.string(),
      schemeId: z.string(),
      townships: z.number().int(),
      revision: z.number().int(),
      createdAt: z.string(),
      updatedAt: z.string(),
    }),
  ),
});
export type CampaignList = z.infer<typeof campaignListSchema>;

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
  version: z.number().int().positive().optional(),
});
export type ReviewAction = z.infer<typeof reviewActionSchema>;

/**
 * POST /api/campaigns/{c}/review (county): accept many townships at once. Each item carries the
 * version the county saw; each is answered on its own (a newer version or a changed state is that
 * township's 409 message in `results`, the others still go through).
 */
export const bulkReviewSchema = z.object({
  action: z.literal('accept'),
  items: z.array(z.object({ townshipId: idSchema, version: z.number().int().positive() })).min(1).max(2000),
});
export type BulkReview = z.infer<typeof bulkReviewSchema>;

export const bulkReviewResultSchema = z.object({
  results: z.array(
    z.object({
      townshipId: z.string(),
      townshipName: z.string(),
      version: z.number().int(),
      ok: z.boolean(),
      /** The state after the action (ok) or as found (refused). */
      state: reviewStateSchema.nullable(),
      error: z.object({ code: z.string(), message: z.string() }).optional(),
    }),
  ),
  accepted: z.number().int(),
  refused: z.number().int(),
});
export type BulkReviewResult = z.infer<typeof bulkReviewResultSchema>;

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
      /** 填报人 / 联系电话 of the current version (null when nothing is in). */
      filledBy: z.string().nullable().optional(),
      phone: z.string().nullable().optional(),
      /** Organizations per grade label of the current version. */
      counts: z.record(z.string(), z.number().int()).nullable().optional(),
    }),
  ),
  totals: z.object({ missing: z.number(), submitted: z.number(), returned: z.number(), accepted: z.number(), late: z.number() }),
});
export type Completeness = z.infer<typeof completenessSchema>;

/** One organization row of a stored version, with the scheme's labels resolved for display. */
export const submissionRowSchema = z.object({
  row: z.number().int(),
  name: z.string(),
  category: z.string(),
  categoryName: z.string(),
  orgType: z.string().nullable(),
  parentName: z.string().nullable(),
  members: z.number().nullable(),
  scores: z.array(z.number()),
  total: z.number(),
  grade: z.string(),
  gradeLabel: z.string(),
  forcedBottom: z.boolean(),
  newlyEstablished: z.boolean(),
  explanation: z.string(),
  remark: z.string(),
});
export type SubmissionRow = z.infer<typeof submissionRowSchema>;

const diffRowSchema = z.object({ name: z.string(), row: z.number().int(), gradeLabel: z.string(), total: z.number() });

/** What changed from the previous version to this one, organizations matched by orgKey. */
export const versionDiffSchema = z.object({
  previousVersion: z.number().int(),
  added: z.array(diffRowSchema),
  removed: z.array(diffRowSchema),
  changed: z.array(
    z.object({
      name: z.string(),
      row: z.number().int(),
      previousRow: z.number().int(),
      changes: z.array(z.object({ field: z.string(), label: z.string(), before: z.string(), after: z.string() })),
    }),
  ),
  unchanged: z.number().int(),
  rectifications: z.object({ added: z.array(z.string()), removed: z.array(z.string()), changed: z.array(z.string()) }),
});
export type VersionDiff = z.infer<typeof versionDiffSchema>;

/** GET …/townships/{t}/versions/{v} (county, or the township itself): a version with eyes open. */
export const versionDetailSchema = z.object({
  campaignId: idSchema,
  townshipId: idSchema,
  townshipName: z.string(),
  version: z.number().int().positive(),
  /** This is the township's current version. */
  current: z.boolean(),
  state: reviewStateSchema,
  comment: z.string().nullable(),
  receivedAt: z.string(),
  contentHash: z.string(),
  uploadedBy: z.string(),
  info: z.object({ township: z.string(), filledBy: z.string(), phone: z.string(), filledOn: z.string().nullable() }),
  quota: quotaVerdictSchema,
  counts: z.record(z.string(), z.number().int()),
  indicators: z.array(z.object({ key: z.string(), name: z.string(), max: z.number() })),
  orgs: z.array(submissionRowSchema),
  rectifications: z.array(
    z.object({ row: z.number().int(), orgName: z.string(), problems: z.string(), measures: z.string(), owner: z.string(), deadline: z.string().nullable(), status: z.string() }),
  ),
  warnings: z.array(issueSchema),
  /** Null for a first version. */
  diff: versionDiffSchema.nullable(),
});
export type VersionDetail = z.infer<typeof versionDetailSchema>;

export const accessStatusSchema = z.enum(['none', 'active', 'expired', 'revoked']);
export type AccessStatus = z.infer<typeof accessStatusSchema>;

/** GET /api/campaigns/{c}/access?page=… (county): each township's invitation link and its state. */
export const accessListSchema = z.object({
  campaignId: idSchema,
  /** The page the links open. */
  page: z.string(),
  townships: z.array(
    z.object({
      townshipId: idSchema,
      townshipName: z.string(),
      status: accessStatusSchema,
      credentialId: z.string().nullable(),
      issuedAt: z.string().nullable(),
      expiresAt: z.string().nullable(),
      revokedAt: z.string().nullable(),
      /** The invitation link while it is active (re-derived by the server; never stored). */
      link: z.string().nullable(),
    }),
  ),
});
export type AccessList = z.infer<typeof accessListSchema>;

/**
 * POST /api/campaigns/{c}/access (county): issue links. `townships` omitted → every township
 * without an active link. `reissue` revokes a township's active link and issues a new one.
 * `days` omitted → until 30 days after the deadline (at least 7 days from now).
 */
export const issueAccessSchema = z.object({
  page: z.string().max(500).optional(),
  townships: z.array(idSchema).max(2000).optional(),
  days: z.number().int().min(1).max(366).optional(),
  reissue: z.boolean().optional(),
});
export type IssueAccess = z.infer<typeof issueAccessSchema>;

/** POST /api/campaigns/{c}/access/revoke (county). */
export const revokeAccessSchema = z.object({
  townships: z.array(idSchema).min(1).max(2000),
  page: z.string().max(500).optional(),
});
export type RevokeAccess = z.infer<typeof revokeAccessSchema>;

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
} as const;

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
