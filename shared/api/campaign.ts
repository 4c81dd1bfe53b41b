// Campaigns and their 党组织名册: what the county sends to create or edit one, and what it reads.
import { z } from 'zod';
import { parseCellDate } from '../validate/rect';
import { idSchema, issueSchema, townshipSchema } from './base';

/** Names a clerk types: trimmed, at most 60 characters. */
const nameSchema = (max = 60) => z.string().trim().min(1).max(max);

/**
 * A calendar date as clerks write it — 2026-04-25, 2026/4/25, 2026年4月25日, full-width digits —
 * normalized to yyyy-mm-dd. Impossible dates (2026-02-30) are refused with a message that says so.
 */
export const dateSchema = z.string().transform((s, ctx) => {
  const iso = parseCellDate(s);
  if (!iso) {
    ctx.addIssue({ code: 'custom', message: `“${s.slice(0, 20)}”不是有效的日期，请写成 2026-04-25 的形式` });
    return z.NEVER;
  }
  return iso;
});

/** The built-in standards a county can pick without writing a scheme file. */
export const builtInSchemeIds = ['default6', 'yichun5'] as const;
export type BuiltInSchemeId = (typeof builtInSchemeIds)[number];

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

/**
 * What a campaign is for: a yearly grading (分类定级), or a 回头看 that regrades the organizations
 * of one grading campaign (it takes that campaign's townships, standard and organizations).
 */
export const campaignKindSchema = z.enum(['grading', 'lookback']);
export type CampaignKind = z.infer<typeof campaignKindSchema>;

/** Where one of this year's 名册 entries is: its township (id in the new campaign) and name as written. */
export const entryRefSchema = z.object({ townshipId: idSchema, name: nameSchema(200) });

/**
 * The county's decision on one point of a roster proposal (POST /api/roster/reconcile), sent back
 * with the campaign: a missing organization renamed (possibly moved), several merged into one,
 * one dissolved, a name listed by two townships given to one of them, or declared two organizations.
 */
export const rosterDecisionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('rename'), fromId: z.string().min(1).max(64), to: entryRefSchema }),
  z.object({ kind: z.literal('merge'), fromIds: z.array(z.string().min(1).max(64)).min(1).max(50), to: entryRefSchema }),
  z.object({ kind: z.literal('dissolve'), id: z.string().min(1).max(64) }),
  z.object({ kind: z.literal('assign'), name: nameSchema(200), townshipId: idSchema }),
  z.object({ kind: z.literal('distinct'), name: nameSchema(200) }),
]);
export type RosterDecisionInput = z.infer<typeof rosterDecisionSchema>;

/** The query of POST /api/roster/parse: the campaign to check against, or a built-in standard (neither → default6). */
export const rosterParseQuerySchema = z.object({
  campaign: idSchema.optional(),
  schemeId: z.enum(builtInSchemeIds).optional(),
});

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
  /** grading (default) or lookback (回头看 of `reviewsId`). Fixed once created. */
  kind: campaignKindSchema.optional(),
  /**
   * A grading's predecessor (last year's campaign of the county): its organizations carry over —
   * the roster, when left out, is theirs — and its results are what the upgrade targets compare.
   */
  previousId: idSchema.optional(),
  /** A 回头看's campaign under review (a grading of the same county). */
  reviewsId: idSchema.optional(),
  /** The county's decisions on the roster proposal against the predecessor's organizations. */
  decisions: z.array(rosterDecisionSchema).max(20000).optional(),
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
  /** Set on every campaign the server answers with; absent only in records made before them. */
  kind: campaignKindSchema.optional(),
  previousId: idSchema.nullable().optional(),
  reviewsId: idSchema.nullable().optional(),
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
      kind: campaignKindSchema.optional(),
      previousId: idSchema.nullable().optional(),
      reviewsId: idSchema.nullable().optional(),
    }),
  ),
});
export type CampaignList = z.infer<typeof campaignListSchema>;
