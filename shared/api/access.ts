// Invitation links: each township's link and its state, issuing, reissuing and revoking them.
import { z } from 'zod';
import { idSchema } from './base';

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
