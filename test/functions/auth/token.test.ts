import { mintToken, verifyToken } from '../../../functions/src/auth/token';

const SECRET = 'test-secret-0123456789abcdef';
const NOW = Date.UTC(2026, 3, 1);

describe('access tokens', () => {
  it('round-trips a township token with its scope and expiry', () => {
    const tok = mintToken({ role: 'township', campaignId: 'c2026', townshipId: 'dongshan', days: 30, now: NOW }, SECRET);
    const v = verifyToken(tok, SECRET, NOW + 1000);
    expect(v).toEqual({ ok: true, claims: { role: 'township', campaignId: 'c2026', townshipId: 'dongshan', iat: NOW / 1000, exp: NOW / 1000 + 30 * 86400 } });
  });

  it('gives a county token no township', () => {
    const tok = mintToken({ role: 'county', campaignId: 'c2026', townshipId: 'x', days: 1, now: NOW }, SECRET);
    const v = verifyToken(tok, SECRET, NOW);
    expect(v.ok && v.claims.townshipId).toBeNull();
  });

  it('refuses a township token without a township', () => {
    expect(() => mintToken({ role: 'township', campaignId: 'c', days: 1 }, SECRET)).toThrow();
  });

  const tok = mintToken({ role: 'township', campaignId: 'c2026', townshipId: 'dongshan', days: 1, now: NOW }, SECRET);
  const [body, sig] = tok.split('.') as [string, string];
  const forged = Buffer.from(JSON.stringify({ role: 'county', campaignId: 'c2026', townshipId: null, iat: 0, exp: 9e9 })).toString('base64url');
  it.each([
    ['another secret', tok, 'another-secret-0123456789'],
    ['a changed body', `${forged}.${sig}`, SECRET],
    ['a cut signature', `${body}.${sig.slice(0, 10)}`, SECRET],
    ['no dot', body, SECRET],
    ['garbage', 'abc.def', SECRET],
    ['empty', '', SECRET],
  ])('refuses %s as invalid', (_name, token, secret) => {
    expect(verifyToken(token, secret, NOW)).toEqual({ ok: false, reason: 'invalid' });
  });

  it('refuses an expired token and says when it expired', () => {
    const v = verifyToken(tok, SECRET, NOW + 86400_000 + 1);
    expect(v).toEqual({ ok: false, reason: 'expired', exp: NOW / 1000 + 86400 });
  });
});
