// Uploads, versions and review: receipts, a township's status, a version with its diff, review
// actions (one township or many), and the county's completeness view.
import { z } from 'zod';
import { campaignSchema } from './campaign';
import { idSchema, issueSchema } from './base';

export const reviewStateSchema = z.enum(['missing', 'submitted', 'returned', 'accepted']);
export type ReviewState = z.infer<typeof reviewStateSchema>;

export const quotaVerdictSchema = z.object({ ok: z.boolean(), summary: z.string() });

/**
 * 201 on a new version; 200 when the bytes are the current version's (same receipt, duplicate:
 * true); 201 with restored: true when they are an older version's, which is current again.
 */
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
  /** The bytes were an older version's: that version (this receipt's) is current again. Absent from servers before it was sent. */
  restored: z.boolean().optional(),
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
  /** The version the county looked at (required): refused with 409 when it is no longer the current one. */
  version: z.number().int().positive(),
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
