// Access tokens: base64url(JSON claims) + "." + base64url(HMAC-SHA256(claims)). Minted by the
// county with `npm run token`; the secret lives only in the Function App's settings.
import { createHmac, timingSafeEqual } from 'node:crypto';

export type Role = 'county' | 'township';

export interface TokenClaims {
  role: Role;
  campaignId: string;
  townshipId: string | null;
  /** Seconds since the epoch. */
  iat: number;
  exp: number;
}

export interface MintOptions {
  role: Role;
  campaignId: string;
  townshipId?: string;
  days: number;
  /** For tests: the issue time in ms. */
  now?: number;
}

const b64 = (b: Buffer | string) => Buffer.from(b).toString('base64url');
const sign = (body: string, secret: string) => createHmac('sha256', secret).update(body).digest();

export function mintToken(o: MintOptions, secret: string): string {
  if (o.role === 'township' && !o.townshipId) throw new Error('a township token needs a township id');
  const iat = Math.floor((o.now ?? Date.now()) / 1000);
  const claims: TokenClaims = {
    role: o.role,
    campaignId: o.campaignId,
    townshipId: o.role === 'township' ? (o.townshipId ?? null) : null,
    iat,
    exp: iat + Math.round(o.days * 86400),
  };
  const body = b64(JSON.stringify(claims));
  return `${body}.${b64(sign(body, secret))}`;
}

export type Verified = { ok: true; claims: TokenClaims } | { ok: false; reason: 'invalid' } | { ok: false; reason: 'expired'; exp: number };

export function verifyToken(token: string, secret: string, now = Date.now()): Verified {
  const parts = token.split('.');
  if (parts.length !== 2 || !parts[0] || !parts[1]) return { ok: false, reason: 'invalid' };
  const [body, sig] = parts as [string, string];
  const want = sign(body, secret);
  const got = Buffer.from(sig, 'base64url');
  if (got.length !== want.length || !timingSafeEqual(got, want)) return { ok: false, reason: 'invalid' };
  let c: Partial<TokenClaims>;
  try {
    c = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Partial<TokenClaims>;
  } catch {
    return { ok: false, reason: 'invalid' };
  }
  if ((c.role !== 'county' && c.role !== 'township') || typeof c.campaignId !== 'string' || typeof c.exp !== 'number') return { ok: false, reason: 'invalid' };
  if (c.role === 'township' && typeof c.townshipId !== 'string') return { ok: false, reason: 'invalid' };
  if (c.exp * 1000 <= now) return { ok: false, reason: 'expired', exp: c.exp };
  return { ok: true, claims: { role: c.role, campaignId: c.campaignId, townshipId: c.townshipId ?? null, iat: c.iat ?? 0, exp: c.exp } };
}
