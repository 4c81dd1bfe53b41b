// Credentials, scopes and campaigns over real HTTP through the dev host, against Azurite.
import { tokenFor } from '../../functions/src/auth/token';
import { putCredential, type CredentialRecord } from '../../functions/src/storage/credentials';
import { campaignDetailSchema, errorBodySchema, meSchema } from '../../shared/api/contract';
import { loadWorkbookBytes } from './xlsx';
import { campaignBody, COUNTY, SECRET, startStack, type Stack } from './stack';

let st: Stack;
beforeAll(async () => {
  st = await startStack();
  const r = await st.call('POST', '/campaigns', { token: st.county(), json: campaignBody({ roster: { dongshan: [{ name: '东山村党支部', category: '村' }] } }) });
  expect(r.status).toBe(201);
});
afterAll(() => st.stop());

async function error(r: Response) {
  return errorBodySchema.parse(await r.json()).error;
}

const DAY = 86_400_000;
let n = 0;
/** A credential record written straight to storage, and its token. */
async function stored(patch: Partial<CredentialRecord>): Promise<string> {
  const rec: CredentialRecord = {
    id: `rec-${++n}`,
    kind: 'township',
    countyId: COUNTY.id,
    campaignId: 'c2026',
    townshipId: 'dongshan',
    issuedAt: new Date(Date.now() - 10 * DAY).toISOString(),
    expiresAt: new Date(Date.now() + DAY).toISOString(),
    label: '东山镇',
    revokedAt: null,
    revokedBy: null,
    ...patch,
  };
  await putCredential(st.store(), rec);
  return tokenFor(rec, SECRET);
}

describe('credentials', () => {
  it.each([
    ['no token', async () => undefined, 'AUTH_MISSING', '未提供访问令牌'],
    ['a token signed with another secret', async () => tokenFor({ id: 'county-qingshan', kind: 'county', countyId: COUNTY.id, campaignId: null, townshipId: null, issuedAt: '2026-01-01T00:00:00.000Z', expiresAt: '2099-01-01T00:00:00.000Z' }, 'some-other-secret-abcdefghij'), 'AUTH_INVALID', '令牌无效'],
    ['garbage', async () => 'not-a-token', 'AUTH_INVALID', '令牌无效'],
    ['a well-signed token whose record was never stored', async () => tokenFor({ id: 'never', kind: 'township', countyId: COUNTY.id, campaignId: 'c2026', townshipId: 'dongshan', issuedAt: '2026-01-01T00:00:00.000Z', expiresAt: '2099-01-01T00:00:00.000Z' }, SECRET), 'AUTH_INVALID', '令牌无效'],
  ])('refuses %s with 401 and a Chinese message', async (_n, tok, code, text) => {
    const t = await tok();
    const r = await st.call('GET', '/campaigns/c2026', t ? { token: t } : {});
    expect(r.status).toBe(401);
    const e = await error(r);
    expect(e.code).toBe(code);
    expect(e.message).toContain(text);
  });

  it('refuses a revoked invitation link, saying when and whom to ask', async () => {
    const token = await stored({ revokedAt: '2026-04-20T02:30:00.000Z', revokedBy: 'county-qingshan' });
    const r = await st.call('GET', '/campaigns/c2026/townships/dongshan/template', { token });
    expect(r.status).toBe(401);
    const e = await error(r);
    expect(e.code).toBe('AUTH_REVOKED');
    expect(e.message).toBe('此访问链接已于 2026-04-20 10:30（北京时间）被收回，不能再使用；如需继续上报或查看，请向青山县委组织部索取新的链接');
  });

  it('refuses an expired invitation link with its date and whom to ask', async () => {
    const token = await stored({ expiresAt: '2026-05-25T15:59:59.000Z' });
    const r = await st.call('POST', '/campaigns/c2026/townships/dongshan/submissions', { token, body: new Uint8Array([1, 2, 3]) });
    expect(r.status).toBe(401);
    const e = await error(r);
    expect(e.code).toBe('AUTH_LINK_EXPIRED');
    expect(e.message).toBe('此访问链接已于 2026-05-25 23:59（北京时间）过期；如需继续上报或查看，请向青山县委组织部索取新的链接');
  });

  it('sends a county whose credential was revoked to the administrator', async () => {
    const token = await stored({ kind: 'county', campaignId: null, townshipId: null, revokedAt: new Date().toISOString() });
    const e = await error(await st.call('GET', '/campaigns', { token }));
    expect(e.code).toBe('AUTH_REVOKED');
    expect(e.message).toContain('请向系统管理员索取');
  });

  it('refuses a token that no longer matches its record (same id, other expiry)', async () => {
    const expiresAt = new Date(Date.now() + DAY).toISOString();
    await stored({ id: 'moved', expiresAt });
    const older = tokenFor({ id: 'moved', kind: 'township', countyId: COUNTY.id, campaignId: 'c2026', townshipId: 'dongshan', issuedAt: new Date().toISOString(), expiresAt: new Date(Date.now() + 300 * DAY).toISOString() }, SECRET);
    expect((await error(await st.call('GET', '/me', { token: older }))).code).toBe('AUTH_INVALID');
  });

  it('refuses a signature that differs only in its unused bits', async () => {
    const token = st.township('xihe');
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const last = alphabet.indexOf(token.slice(-1));
    const twin = token.slice(0, -1) + alphabet[last ^ 3];
    expect((await st.call('GET', '/me', { token })).status).toBe(200);
    expect((await error(await st.call('GET', '/me', { token: twin }))).code).toBe('AUTH_INVALID');
  });
});

describe('scopes within a county', () => {
  it.each([
    ['a township reading another township’s versions', () => st.township('xihe'), 'GET', '/campaigns/c2026/townships/dongshan/submissions', 'AUTH_OTHER_TOWNSHIP'],
    ['a township downloading another township’s template', () => st.township('xihe'), 'GET', '/campaigns/c2026/townships/dongshan/template', 'AUTH_OTHER_TOWNSHIP'],
    ['a township uploading for another township', () => st.township('xihe'), 'POST', '/campaigns/c2026/townships/dongshan/submissions', 'AUTH_OTHER_TOWNSHIP'],
    ['a township reading another township’s version', () => st.township('xihe'), 'GET', '/campaigns/c2026/townships/dongshan/versions/1', 'AUTH_OTHER_TOWNSHIP'],
    ['a township reviewing', () => st.township('dongshan'), 'POST', '/campaigns/c2026/townships/dongshan/review', 'AUTH_COUNTY_ONLY'],
    ['a township accepting in bulk', () => st.township('dongshan'), 'POST', '/campaigns/c2026/review', 'AUTH_COUNTY_ONLY'],
    ['a township reading completeness', () => st.township('dongshan'), 'GET', '/campaigns/c2026/completeness', 'AUTH_COUNTY_ONLY'],
    ['a township downloading the county workbook', () => st.township('dongshan'), 'GET', '/campaigns/c2026/consolidated', 'AUTH_COUNTY_ONLY'],
    ['a township listing invitation links', () => st.township('dongshan'), 'GET', '/campaigns/c2026/access', 'AUTH_COUNTY_ONLY'],
    ['a township issuing links', () => st.township('dongshan'), 'POST', '/campaigns/c2026/access', 'AUTH_COUNTY_ONLY'],
    ['a township editing the campaign', () => st.township('dongshan'), 'PUT', '/campaigns/c2026', 'AUTH_COUNTY_ONLY'],
    ['a township listing campaigns', () => st.township('dongshan'), 'GET', '/campaigns', 'AUTH_COUNTY_ONLY'],
    ['a township creating a campaign', () => st.township('dongshan'), 'POST', '/campaigns', 'AUTH_COUNTY_ONLY'],
    ['a township of another campaign', () => st.township('dongshan', 'c2025'), 'GET', '/campaigns/c2026', 'AUTH_OTHER_CAMPAIGN'],
    ['the county uploading on a township’s behalf', () => st.county(), 'POST', '/campaigns/c2026/townships/dongshan/submissions', 'AUTH_TOWNSHIP_ONLY'],
  ])('refuses %s with 403', async (_n, tok, method, path, code) => {
    const r = await st.call(method, path, method === 'GET' ? { token: tok() } : { token: tok(), json: {} });
    expect(r.status).toBe(403);
    expect((await error(r)).code).toBe(code);
  });

  it('lets a township read its own status and the county read any', async () => {
    expect((await st.call('GET', '/campaigns/c2026/townships/dongshan/submissions', { token: st.township('dongshan') })).status).toBe(200);
    const r = await st.call('GET', '/campaigns/c2026/townships/xihe/submissions', { token: st.county() });
    expect(r.status).toBe(200);
    expect(await r.json()).toMatchObject({ townshipId: 'xihe', townshipName: '西河乡', state: 'missing', currentVersion: null, versions: [] });
  });
});

describe('campaigns', () => {
  it('answers GET with the campaign, its scheme fingerprint and revision; a township sees only its own roster', async () => {
    const county = campaignDetailSchema.parse(await (await st.call('GET', '/campaigns/c2026', { token: st.county() })).json());
    expect(county).toMatchObject({ id: 'c2026', countyId: COUNTY.id, year: 2026, county: '青山县', schemeId: 'default6', revision: 1 });
    expect(county.schemeFingerprint).toMatch(/^[0-9a-f]{16}$/);
    expect(county.roster).toEqual({ dongshan: [{ name: '东山村党支部', category: '村' }] });
    const xihe = campaignDetailSchema.parse(await (await st.call('GET', '/campaigns/c2026', { token: st.township('xihe') })).json());
    expect(xihe.roster).toEqual({});
  });

  it('refuses a second campaign with the same id (409)', async () => {
    const r = await st.call('POST', '/campaigns', { token: st.county(), json: campaignBody() });
    expect(r.status).toBe(409);
    expect((await error(r)).code).toBe('CAMPAIGN_EXISTS');
  });

  it.each([
    ['a bad scheme', { id: 'c2027', scheme: { id: 'x' } }, 'CAMPAIGN_SCHEME_INVALID', '评定标准'],
    ['duplicate township ids', { id: 'c2027', townships: [{ id: 'a', name: '甲' }, { id: 'a', name: '乙' }] }, 'CAMPAIGN_TOWNSHIP_DUPLICATE', '重复'],
    ['one township twice by name', { id: 'c2027', townships: [{ name: '東山鎮' }, { name: '东山镇' }] }, 'CAMPAIGN_TOWNSHIP_NAME_DUPLICATE', '两次'],
    ['a roster for an unknown township', { id: 'c2027', roster: { nowhere: [] } }, 'CAMPAIGN_ROSTER_UNKNOWN', 'nowhere'],
    ['a malformed deadline', { id: 'c2027', deadline: '4月25日' }, 'REQUEST_FIELD_INVALID', '截止日期'],
  ])('refuses %s with 400', async (_n, patch, code, text) => {
    const r = await st.call('POST', '/campaigns', { token: st.county(), json: campaignBody(patch) });
    expect(r.status).toBe(400);
    const e = await error(r);
    expect(e.code).toBe(code);
    expect(e.message).toContain(text);
  });

  it('404s an unknown campaign in Chinese', async () => {
    const r = await st.call('GET', '/campaigns/c2030', { token: st.county() });
    expect(r.status).toBe(404);
    expect((await error(r)).message).toContain('c2030');
  });
});

describe('me', () => {
  it('names the township and county of an invitation', async () => {
    const r = await st.call('GET', '/me', { token: st.township('nanling') });
    expect(meSchema.parse(await r.json())).toMatchObject({ role: 'township', countyId: COUNTY.id, countyName: '青山县', campaignId: 'c2026', townshipId: 'nanling', townshipName: '南岭街道' });
  });

  it('names the county of a county credential and its newest campaign', async () => {
    const r = await st.call('GET', '/me', { token: st.county() });
    expect(meSchema.parse(await r.json())).toMatchObject({ role: 'county', countyId: COUNTY.id, countyName: '青山县', campaignId: 'c2026', townshipId: null, townshipName: null, credentialId: 'county-qingshan' });
  });

  it('works for a county with no campaign yet (the page then starts at 新建工作批次)', async () => {
    const r = await st.call('GET', '/me', { token: st.countyOf('newcounty', '新县') });
    expect(meSchema.parse(await r.json())).toMatchObject({ role: 'county', countyId: 'newcounty', countyName: '新县', campaignId: null });
  });
});

describe('template download', () => {
  it('answers an xlsx with a Chinese filename and the roster pre-filled', async () => {
    const r = await st.call('GET', '/campaigns/c2026/townships/dongshan/template', { token: st.township('dongshan') });
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toContain('spreadsheetml');
    const cd = r.headers.get('content-disposition') ?? '';
    expect(cd).toMatch(/^attachment; filename="[^"]+"; filename\*=UTF-8''/);
    expect(decodeURIComponent(cd.split("UTF-8''")[1] ?? '')).toBe('2026年度东山镇分类定级情况一览表.xlsx');
    const wb = await loadWorkbookBytes(new Uint8Array(await r.arrayBuffer()));
    const texts: string[] = [];
    wb.getWorksheet('分类定级情况一览表')?.eachRow((row) => row.eachCell((c) => texts.push(String(c.value))));
    expect(texts).toContain('东山村党支部');
  });
});

describe('host', () => {
  it('answers CORS preflights for the add-in origin only, PUT included', async () => {
    const ok = await fetch(`${st.api}/me`, { method: 'OPTIONS', headers: { Origin: 'https://localhost:3000', 'Access-Control-Request-Method': 'PUT' } });
    expect(ok.status).toBe(204);
    expect(ok.headers.get('access-control-allow-origin')).toBe('https://localhost:3000');
    expect(ok.headers.get('access-control-allow-headers')).toContain('Authorization');
    expect(ok.headers.get('access-control-allow-methods')).toContain('PUT');
    const other = await fetch(`${st.api}/me`, { method: 'OPTIONS', headers: { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'GET' } });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('404s an unknown route with a Chinese JSON body', async () => {
    const r = await st.call('GET', '/nothing-here', { token: st.county() });
    expect(r.status).toBe(404);
    expect((await error(r)).code).toBe('REQUEST_NOT_FOUND');
  });

  it('says how to build the add-in when there is no dist/', async () => {
    const r = await fetch(`${st.url}/taskpane.html`);
    expect(r.status).toBe(404);
    expect(await r.text()).toContain('npm run build:addin');
  });
});
