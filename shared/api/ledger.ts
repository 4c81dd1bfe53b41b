// The year after grading, over HTTP: organizations that persist across campaigns and the roster
// proposal that reconciles this year's 名册 with them, the rectification ledger (整改台账) as
// records with its 销号/复号 actions, the upgrade targets (晋位升级) and the 回头看 before/after.
// The shapes mirror shared/roster, shared/ledger and shared/lookback; labels are resolved for display.
import { z } from 'zod';
import { idSchema, issueSchema, townshipSchema } from './base';
import { createCampaignSchema, rosterDecisionSchema } from './campaign';

// ── Organizations across years ─────────────────────────────────────────────────────────────────

export const orgEventSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('created'), campaignId: z.string(), on: z.string() }),
  z.object({ kind: z.literal('renamed'), campaignId: z.string(), on: z.string(), from: z.string(), to: z.string() }),
  z.object({ kind: z.literal('moved'), campaignId: z.string(), on: z.string(), fromTownshipId: z.string(), toTownshipId: z.string() }),
  z.object({ kind: z.literal('changed'), campaignId: z.string(), on: z.string(), field: z.enum(['category', 'orgType', 'parent']), from: z.string().nullable(), to: z.string().nullable() }),
  z.object({ kind: z.literal('mergedInto'), campaignId: z.string(), on: z.string(), intoId: z.string() }),
  z.object({ kind: z.literal('absorbed'), campaignId: z.string(), on: z.string(), fromIds: z.array(z.string()) }),
  z.object({ kind: z.literal('dissolved'), campaignId: z.string(), on: z.string() }),
]);

/** An organization with its stable id and history (shared/roster/identity.ts). */
export const orgIdentitySchema = z.object({
  id: z.string(),
  name: z.string(),
  townshipId: z.string(),
  /** Category key of the scheme. */
  category: z.string(),
  orgType: z.enum(['committee', 'generalBranch', 'branch']).nullable(),
  parentName: z.string().nullable(),
  parentId: z.string().nullable(),
  status: z.enum(['active', 'dissolved', 'merged']),
  lastCampaignId: z.string(),
  history: z.array(orgEventSchema),
});
export type OrgIdentityData = z.infer<typeof orgIdentitySchema>;

/** GET /api/campaigns/{c}/orgs (county: every organization ever listed; a township: its active ones). */
export const campaignOrgsSchema = z.object({
  campaignId: idSchema,
  orgs: z.array(orgIdentitySchema),
});
export type CampaignOrgs = z.infer<typeof campaignOrgsSchema>;

/**
 * POST /api/roster/reconcile (county): the campaign about to be created → the proposal against its
 * predecessor's organizations (`previousId`; without one, against none: every entry is new, and
 * names listed by two townships still wait for the county). The body is the one POST
 * /api/campaigns takes, so the county sends the same body again with its `decisions`.
 */
export const rosterReconcileRequestSchema = createCampaignSchema;
export type RosterReconcileRequest = z.input<typeof rosterReconcileRequestSchema>;

const matchChangeSchema = z.enum(['name', 'township', 'category', 'orgType', 'parent']);

/** What the county is asked to confirm; every decision names townships by the new campaign's ids. */
export const rosterProposalSchema = z.object({
  previousId: idSchema.nullable(),
  /** The id the new campaign will have (the body's, or the next free one). */
  campaignId: idSchema,
  /** The new campaign's townships with the ids they will have (the same body gives the same ids). */
  townships: z.array(townshipSchema),
  /**
   * Last year's townships: an organization missing or renamed away may belong to one this year no
   * longer lists (its id, e.g. t09, is no name to show the county).
   */
  previousTownships: z.array(townshipSchema),
  /** This year's entries; `ref` is `${townshipId}|${orgKey(name)}`. Category is the scheme's key. */
  entries: z.array(
    z.object({ ref: z.string(), townshipId: z.string(), name: z.string(), category: z.string(), orgType: z.string().nullable(), parentName: z.string().nullable(), id: z.string().nullable() }),
  ),
  matched: z.array(z.object({ id: z.string(), ref: z.string(), by: z.enum(['id', 'name', 'assigned']), changes: z.array(matchChangeSchema), previousName: z.string(), previousTownshipId: z.string() })),
  /** Refs of entries with no predecessor: new, unless a rename or merge is confirmed. */
  created: z.array(z.string()),
  /** Last year's active organizations with no successor yet: dissolved, unless renamed or merged. */
  missing: z.array(z.object({ id: z.string(), name: z.string(), townshipId: z.string(), category: z.string() })),
  renames: z.array(
    z.object({
      fromId: z.string(),
      fromName: z.string(),
      fromTownshipId: z.string(),
      ref: z.string(),
      toName: z.string(),
      toTownshipId: z.string(),
      score: z.number(),
      nameScore: z.number(),
      sameTownship: z.boolean(),
      sameCategory: z.boolean(),
    }),
  ),
  merges: z.array(z.object({ fromIds: z.array(z.string()), fromNames: z.array(z.string()), ref: z.string(), toName: z.string(), toTownshipId: z.string() })),
  twice: z.array(
    z.object({ name: z.string(), key: z.string(), refs: z.array(z.string()), townshipIds: z.array(z.string()), previousId: z.string().nullable(), suggestedTownshipId: z.string().nullable() }),
  ),
  /** Problems of the roster itself (blank names, duplicates, unknown ids). */
  issues: z.array(issueSchema),
  /** The decisions the console pre-ticks: suggested merges and renames, the rest dissolved. */
  defaults: z.array(rosterDecisionSchema),
  /** What creating the campaign with `defaults` would say: [] when it would go through. */
  defaultsIssues: z.array(issueSchema),
});
export type RosterProposalData = z.infer<typeof rosterProposalSchema>;

// ── The rectification ledger ───────────────────────────────────────────────────────────────────

export const ledgerStatusSchema = z.enum(['open', 'requested', 'closed', 'reopened', 'void']);
export type LedgerStatusData = z.infer<typeof ledgerStatusSchema>;

/** The statuses by the labels the county reads (shared/ledger/types.ts LEDGER_STATUS_LABELS). */
const STATUS_BY_LABEL: Readonly<Record<string, LedgerStatusData>> = { 整改中: 'open', 申请销号: 'requested', 已销号: 'closed', 已复号: 'reopened', 已撤销: 'void' };

const actorSchema = z.discriminatedUnion('role', [
  z.object({ role: z.literal('county'), label: z.string().optional() }),
  z.object({ role: z.literal('township'), townshipId: z.string(), label: z.string().optional() }),
  z.object({ role: z.literal('system') }),
]);

const ledgerFieldSchema = z.enum(['matter', 'measures', 'owner', 'deadlineText', 'deadline', 'progress', 'completedOn', 'leader', 'liaison', 'orgId', 'orgName', 'townshipId']);

/** One change to one item, as kept in its history and in the audit log. */
export const ledgerEventSchema = z.object({
  itemId: z.string(),
  orgId: z.string(),
  townshipId: z.string(),
  at: z.string(),
  by: actorSchema,
  action: z.enum(['create', 'edit', 'request', 'confirm', 'reject', 'reopen', 'autoReopen', 'follow', 'void']),
  from: ledgerStatusSchema.nullable(),
  to: ledgerStatusSchema,
  changes: z.array(z.object({ field: ledgerFieldSchema, from: z.string().nullable(), to: z.string().nullable() })),
  comment: z.string().optional(),
  campaignId: z.string().optional(),
});

/** A rectification item as stored (shared/ledger/types.ts LedgerItem). */
export const ledgerItemSchema = z.object({
  id: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  townshipId: z.string(),
  /** The campaign that opened it. */
  campaignId: z.string(),
  /** Grade key that caused it. */
  grade: z.string(),
  seq: z.number().int(),
  status: ledgerStatusSchema,
  /** 整改事项 / 主要措施 / 责任人 / 完成时限 (as written, and its date) / 完成情况. */
  matter: z.string(),
  measures: z.string(),
  owner: z.string(),
  deadlineText: z.string(),
  deadline: z.string().nullable(),
  progress: z.string(),
  /** The completion date given with 申请销号. */
  completedOn: z.string().nullable(),
  /** 挂点领导 and 联络员: the county's. */
  leader: z.string(),
  liaison: z.string(),
  history: z.array(ledgerEventSchema),
});
export type LedgerItemData = z.infer<typeof ledgerItemSchema>;

/** An item as the API shows it: the record plus labels and whether it is overdue today. */
export const ledgerItemViewSchema = ledgerItemSchema.extend({
  statusLabel: z.string(),
  gradeLabel: z.string(),
  townshipName: z.string(),
  /** Whole Beijing days past 完成时限 while still being rectified; 0 when not overdue. */
  overdueDays: z.number().int(),
});
export type LedgerItemView = z.infer<typeof ledgerItemViewSchema>;

/**
 * GET /api/campaigns/{c}/ledger (county: every item of the county, filtered by the query) and
 * GET /api/campaigns/{c}/townships/{t}/ledger (that township or the county: the township's items).
 */
export const ledgerListSchema = z.object({
  campaignId: idSchema,
  /** Null for the county's list. */
  townshipId: idSchema.nullable(),
  items: z.array(ledgerItemViewSchema),
  /** Items per status of the list, and how many are overdue. */
  counts: z.object({ open: z.number().int(), requested: z.number().int(), closed: z.number().int(), reopened: z.number().int(), void: z.number().int(), overdue: z.number().int() }),
  /** One warning per overdue item, longest overdue first. */
  issues: z.array(issueSchema),
});
export type LedgerList = z.infer<typeof ledgerListSchema>;

/**
 * Filters of the lists (query string): `?township=t01&status=open,reopened&overdue=1&opened=c2026`;
 * a status may be written as its label (`status=申请销号`).
 */
export const ledgerQuerySchema = z.object({
  township: idSchema.optional(),
  status: z
    .string()
    .optional()
    .transform((s, ctx) => {
      if (s === undefined || s.trim() === '') return undefined;
      const out: LedgerStatusData[] = [];
      for (const part of s.split(/[,，、]/).map((x) => x.trim())) {
        // The key (requested) or the label a clerk reads (申请销号).
        const status = ledgerStatusSchema.safeParse(part).success ? (part as LedgerStatusData) : STATUS_BY_LABEL[part];
        if (status === undefined) {
          ctx.addIssue({ code: 'custom', message: `“${part.slice(0, 12)}”不是整改事项的状态` });
          return z.NEVER;
        }
        out.push(status);
      }
      return out;
    }),
  overdue: z.enum(['1', 'true', '0', 'false']).optional(),
  /** Items the given campaign opened. */
  opened: idSchema.optional(),
});
export type LedgerQuery = z.infer<typeof ledgerQuerySchema>;

const text = (max: number) => z.string().max(max);

/**
 * POST /api/campaigns/{c}/ledger/{itemId}: one step of an item's life.
 *   request  (township): 申请销号 with 完成情况 and the completion date (as typed: 2026-06-28, 2026年6月28日);
 *   confirm  (county):   销号;  reject (county): 退回 the request, with a comment;
 *   reopen   (county):   复号 a closed item, with a comment;  void (county): 撤销;
 *   edit     (township: its own fields while rectifying; county: any field, 挂点领导 and 联络员 only it).
 */
export const ledgerActionSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('request'), progress: text(500).optional(), completedOn: text(50) }),
  z.object({ action: z.literal('confirm'), comment: text(2000).optional() }),
  z.object({ action: z.literal('reject'), comment: text(2000).optional() }),
  z.object({ action: z.literal('reopen'), comment: text(2000).optional() }),
  z.object({ action: z.literal('void'), comment: text(2000).optional() }),
  z.object({
    action: z.literal('edit'),
    fields: z
      .object({ matter: text(1000), measures: text(1000), owner: text(50), deadline: text(50), progress: text(500), leader: text(50), liaison: text(50) })
      .partial()
      .strict(),
  }),
]);
export type LedgerActionRequest = z.infer<typeof ledgerActionSchema>;

/** The answer to an action: the item after it (unchanged when there was nothing to change) and warnings. */
export const ledgerActionResultSchema = z.object({
  item: ledgerItemViewSchema,
  changed: z.boolean(),
  warnings: z.array(issueSchema),
});
export type LedgerActionResult = z.infer<typeof ledgerActionResultSchema>;

// ── Upgrade targets (晋位升级) ─────────────────────────────────────────────────────────────────

const targetOrgSchema = z.object({
  /** Last year's id and name. */
  orgId: z.string(),
  name: z.string(),
  townshipId: z.string(),
  before: z.string(),
  after: z.string().nullable(),
  nowId: z.string().nullable(),
  nowName: z.string().nullable(),
});

const targetLineSchema = z.object({
  grade: z.string(),
  gradeLabel: z.string(),
  target: z.number(),
  base: z.number().int(),
  movedUp: z.number().int(),
  share: z.number().nullable(),
  needed: z.number().int(),
  met: z.boolean(),
  moved: z.array(targetOrgSchema),
  notMoved: z.array(targetOrgSchema),
  notGraded: z.array(targetOrgSchema),
  dissolved: z.array(targetOrgSchema),
});

const targetScopeSchema = z.object({ townshipId: z.string().nullable(), label: z.string(), lines: z.array(targetLineSchema) });

/**
 * GET /api/campaigns/{c}/targets (county: the county and every township) and
 * GET /api/campaigns/{c}/townships/{t}/targets (that township or the county: `townships` holds it alone).
 * For a grading campaign with a predecessor; this year's grades are the submitted and accepted versions.
 */
export const targetsSchema = z.object({
  campaignId: idSchema,
  previousId: idSchema,
  /** The 回头看 whose regrades replaced the predecessor's grades, when there was one. */
  previousLookbackId: idSchema.nullable(),
  county: targetScopeSchema,
  townships: z.array(targetScopeSchema),
  /** False while some of last year's organizations have no grade this year. */
  complete: z.boolean(),
  issues: z.array(issueSchema),
});
export type Targets = z.infer<typeof targetsSchema>;

// ── 回头看 ────────────────────────────────────────────────────────────────────────────────────

/** GET /api/campaigns/{c}/lookback (county; c is a 回头看): each regraded organization before and after. */
export const lookbackSchema = z.object({
  campaignId: idSchema,
  reviewsId: idSchema,
  rows: z.array(
    z.object({
      orgId: z.string(),
      townshipId: z.string(),
      townshipName: z.string(),
      name: z.string(),
      before: z.string().nullable(),
      beforeLabel: z.string(),
      stated: z.string(),
      after: z.string(),
      afterLabel: z.string(),
      move: z.enum(['up', 'down', 'same', 'new']),
      reasons: z.array(z.string()),
      unclosed: z.number().int(),
      pending: z.number().int(),
      /** Moved up while its rectification items are not all 销号 (成效不显著不得晋位升级). */
      flagged: z.boolean(),
    }),
  ),
  /** The reviewed campaign's organizations the regrades left out (townships that reported). */
  notRegraded: z.array(z.object({ orgId: z.string(), townshipId: z.string(), townshipName: z.string(), name: z.string(), grade: z.string(), gradeLabel: z.string() })),
  /** Townships of the 回头看 that have not reported their regrade yet. */
  pendingTownships: z.array(z.string()),
  issues: z.array(issueSchema),
});
export type Lookback = z.infer<typeof lookbackSchema>;
