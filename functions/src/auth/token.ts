// A token is the signed form of a credential record kept on the server:
//   base64url(JSON claims) "." base64url(HMAC-SHA256(claims text, TOKEN_SECRET))
// The claims are derived from the record alone (id, kind, county, campaign, township, issue and
// expiry times) in a fixed key order, so the same record always gives the same token: the server
// can show an invitation link again without storing it, and a token whose claims differ in any
// way from its record is refused. The record, not the token, decides revocation and expiry.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

export type Role = 'county' | 'township';

/** What a token carries: enough to find its record with one point read. */
export interface TokenClaims {
  v: 1;
  /** Credential id. */
  id: string;
  k: 'c' | 't';
  /** County id. */
  cty: string;
  /** Campaign and township ids of a township credential. */
  cmp?: string;
  tsp?: string;
  /** Seconds since the epoch. */
  iat: number;
  exp: number;
}

export interface CredentialScope {
  id: string;
  kind: Role;
  countyId: string;
  campaignId: string | null;
  townshipId: string | null;
  issuedAt: string;
  expiresAt: string;
}

const seconds = (iso: string) => Math.floor(Date.parse(iso) / 1000);

/** The claims of a record, always in this key order: the token is reproducible from the record. */
export function claimsOf(r: CredentialScope): TokenClaims {
  const base = { v: 1 as const, id: r.id, k: r.kind === 'county' ? ('c' as const) : ('t' as const), cty: r.countyId };
  const scope = r.kind === 'township' ? { cmp: r.campaignId ?? '', tsp: r.townshipId ?? '' } : {};
  return { ...base, ...scope, iat: seconds(r.issuedAt), exp: seconds(r.expiresAt) };
}

const b64 = (b: Buffer | string) => Buffer.from(b).toString('base64url');
const sign = (body: string, secret: string) => createHmac('sha256', secret).update(body).digest();

export function claimsText(r: CredentialScope): string {
  return b64(JSON.stringify(claimsOf(r)));
}

/** The token of a record (the same record always gives the same token). */
export function tokenFor(r: CredentialScope, secret: string): string {
  const body = claimsText(r);
  return `${body}.${b64(sign(body, secret))}`;
}

const B64URL = /^[A-Za-z0-9_-]+$/;

/**
 * base64url text → bytes, only when the text is the canonical encoding of those bytes. Node's
 * decoder ignores the unused low bits of the last character (and stray characters), so two
 * different texts could decode to one signature; comparing the re-encoding refuses all but one.
 */
export function decodeCanonical(text: string): Buffer | null {
  if (!B64URL.test(text) || text.length % 4 === 1) return null;
  const bytes = Buffer.from(text, 'base64url');
  return bytes.toString('base64url') === text ? bytes : null;
}

const claimsSchema = z.object({
  v: z.literal(1),
  id: z.string().min(1).max(64),
  k: z.enum(['c', 't']),
  cty: z.string().min(1).max(63),
  cmp: z.string().min(1).max(63).optional(),
  tsp: z.string().min(1).max(63).optional(),
  iat: z.number(),
  exp: z.number(),
});

export type Verified = { ok: true; claims: TokenClaims; body: string } | { ok: false };

/** Signature and form only; the caller then checks the record (exists, same claims, not revoked, not expired). */
export function verifyToken(token: string, secret: string): Verified {
  if (token.length > 2048) return { ok: false };
  const parts = token.split('.');
  if (parts.length !== 2) return { ok: false };
  const [body, sig] = parts as [string, string];
  const got = decodeCanonical(sig);
  const bodyBytes = decodeCanonical(body);
  if (!got || !bodyBytes) return { ok: false };
  const want = sign(body, secret);
  if (got.length !== want.length || !timingSafeEqual(got, want)) return { ok: false };
  let parsed: unknown;
  try {
    parsed = JSON.parse(bodyBytes.toString('utf8'));
  } catch {
    return { ok: false };
  }
  const c = claimsSchema.safeParse(parsed);
  if (!c.success) return { ok: false };
  if (c.data.k === 't' && (!c.data.cmp || !c.data.tsp)) return { ok: false };
  return { ok: true, claims: c.data as TokenClaims, body };
}
