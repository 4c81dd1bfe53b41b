import { claimsOf, decodeCanonical, tokenFor, verifyToken, type CredentialScope } from '../../../functions/src/auth/token';

const SECRET = 'test-secret-0123456789abcdef';
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

const township: CredentialScope = {
  id: '0123456789abcdef',
  kind: 'township',
  countyId: 'qingshan',
  campaignId: 'c2026',
  townshipId: 'dongshan',
  issuedAt: '2026-04-01T00:00:00.000Z',
  expiresAt: '2026-05-25T16:00:00.000Z',
};
const county: CredentialScope = { ...township, id: 'fedcba9876543210', kind: 'county', campaignId: null, townshipId: null };

/** The same text with the last character's unused low bits changed: decodes to the same bytes. */
function sameBytesOtherText(s: string): string {
  const unused = s.length % 4 === 3 ? 2 : s.length % 4 === 2 ? 4 : 0;
  const last = ALPHABET.indexOf(s.slice(-1));
  return s.slice(0, -1) + (ALPHABET[last ^ ((1 << unused) - 1)] ?? '');
}

describe('tokens are the signed form of their record', () => {
  it('gives the same token for the same record, so a link can be shown again', () => {
    expect(tokenFor(township, SECRET)).toBe(tokenFor({ ...township }, SECRET));
    expect(tokenFor(township, SECRET)).not.toBe(tokenFor({ ...township, expiresAt: '2026-05-26T16:00:00.000Z' }, SECRET));
  });

  it.each([
    ['a township', township, { v: 1, id: township.id, k: 't', cty: 'qingshan', cmp: 'c2026', tsp: 'dongshan', iat: 1775001600, exp: 1779724800 }],
    ['a county', county, { v: 1, id: county.id, k: 'c', cty: 'qingshan', iat: 1775001600, exp: 1779724800 }],
  ])('verifies %s token and returns its claims', (_n, rec, claims) => {
    const v = verifyToken(tokenFor(rec, SECRET), SECRET);
    expect(v.ok && v.claims).toEqual(claims);
    expect(claimsOf(rec)).toEqual(claims);
  });
});

describe('refusals', () => {
  const tok = tokenFor(township, SECRET);
  const [body, sig] = tok.split('.') as [string, string];
  const forged = Buffer.from(JSON.stringify({ ...claimsOf(township), k: 'c' })).toString('base64url');
  it.each([
    ['another secret', tok, 'another-secret-0123456789'],
    ['a changed body', `${forged}.${sig}`, SECRET],
    ['a cut signature', `${body}.${sig.slice(0, 10)}`, SECRET],
    ['a padded signature', `${body}.${sig}=`, SECRET],
    ['no dot', body, SECRET],
    ['three parts', `${tok}.x`, SECRET],
    ['garbage', 'abc.def', SECRET],
    ['empty', '', SECRET],
    ['a huge token', `${'a'.repeat(5000)}.${sig}`, SECRET],
    ['an old-style token (role/campaign claims)', `${Buffer.from(JSON.stringify({ role: 'county', campaignId: 'c2026', exp: 9e9 })).toString('base64url')}.${sig}`, SECRET],
  ])('refuses %s', (_name, token, secret) => {
    expect(verifyToken(token, secret)).toEqual({ ok: false });
  });

  it('refuses a signature whose last character differs only in its unused bits (14.5)', () => {
    const alt = sameBytesOtherText(sig);
    expect(alt).not.toBe(sig);
    // Node's decoder reads both as the same 32 bytes: only the canonical check tells them apart.
    expect(Buffer.from(alt, 'base64url').equals(Buffer.from(sig, 'base64url'))).toBe(true);
    expect(verifyToken(tok, SECRET).ok).toBe(true);
    expect(verifyToken(`${body}.${alt}`, SECRET)).toEqual({ ok: false });
  });

  it('refuses a body re-encoded the same way', () => {
    expect(body.length % 4).toBe(2); // this fixture's body ends in a character with 4 unused bits
    const alt = sameBytesOtherText(body);
    expect(Buffer.from(alt, 'base64url').equals(Buffer.from(body, 'base64url'))).toBe(true);
    expect(verifyToken(`${alt}.${sig}`, SECRET)).toEqual({ ok: false });
  });
});

describe('decodeCanonical', () => {
  it.each([
    ['canonical', 'AQID', [1, 2, 3]],
    ['canonical, unpadded', 'AQI', [1, 2]],
    ['unused bits set', 'AQJ', null],
    ['padding', 'AQI=', null],
    ['standard base64 characters', 'a+b/', null],
    ['an impossible length', 'AQIDB', null],
    ['whitespace', 'AQ ID', null],
  ])('%s', (_n, text, bytes) => {
    const got = decodeCanonical(text);
    expect(got ? [...got] : null).toEqual(bytes);
  });
});
