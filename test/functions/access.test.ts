// Campaigns, tokens and scopes over real HTTP through the dev host, against Azurite.
import { mintToken } from '../../functions/src/auth/token';
import { campaignSchema, errorBodySchema, meSchema } from '../../shared/api/contract';
import { loadWorkbookBytes } from './xlsx';
import { campaignBody, SECRET, startStack, type Stack } from './stack';

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

describe('tokens', () => {
  const expired = () => mintToken({ role: 'county', campaignId: 'c2026', days: 1, now: Date.now() - 2 * 86400_000 }, SECRET);
  const foreign = () => mintToken({ role: 'county', campaignId: 'c2026', days: 1 }, 'some-other-secret-abcdefghij');
  it.each([
    ['no token', undefined, 'AUTH_MISSING', '未提供访问令牌'],
    ['a token signed with another secret', foreign, 'AUTH_INVALID', '令牌无效'],
    ['garbage', () => 'not-a-token', 'AUTH_INVALID', '令牌无效'],
    ['an expired token', expired, 'AUTH_EXPIRED', '已于'],
  ])('refuses %s with 401 and a Chinese message', async (_n, tok, code, text) => {
    const r = await st.call('GET', '/campaigns/c2026', tok ? { token: tok() } : {});
    expect(r.status).toBe(401);
    const e = await error(r);
    expect(e.code).toBe(code);
    expect(e.message).toContain(text);
  });
});

describe('scopes', () => {
  it.each([
    ['a township reading another township’s versions', () => st.township('xihe'), 'GET', '/campaigns/c2026/townships/dongshan/submissions', 'AUTH_OTHER_TOWNSHIP'],
    ['a township downloading another township’s template', () => st.township('xihe'), 'GET', '/campaigns/c2026/townships/dongshan/template', 'AUTH_OTHER_TOWNSHIP'],
    ['a township uploading for another township', () => st.township('xihe'), 'POST', '/campaigns/c2026/townships/dongshan/submissions', 'AUTH_OTHER_TOWNSHIP'],
    ['a township reviewing', () => st.township('dongshan'), 'POST', '/campaigns/c2026/townships/dongshan/review', 'AUTH_COUNTY_ONLY'],
    ['a township reading completeness', () => st.township('dongshan'), 'GET', '/campaigns/c2026/completeness', 'AUTH_COUNTY_ONLY'],
    ['a township downloading the county workbook', () => st.township('dongshan'), 'GET', '/campaigns/c2026/consolidated', 'AUTH_COUNTY_ONLY'],
    ['the county uploading on a township’s behalf', () => st.county(), 'POST', '/campaigns/c2026/townships/dongshan/submissions', 'AUTH_TOWNSHIP_ONLY'],
    ['a county token of another campaign', () => st.county('c2025'), 'GET', '/campaigns/c2026/completeness', 'AUTH_OTHER_CAMPAIGN'],
    ['a township creating a campaign', () => st.township('dongshan'), 'POST', '/campaigns', 'AUTH_COUNTY_ONLY'],
  ])('refuses %s with 403', async (_n, tok, method, path, code) => {
    const r = await st.call(method, path, method === 'POST' ? { token: tok(), ...(path.endsWith('/campaigns') ? { json: campaignBody({ id: undefined }) } : { json: { action: 'accept' } }) } : { token: tok() });
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
  it('answers GET with the campaign and its scheme fingerprint', async () => {
    const r = await st.call('GET', '/campaigns/c2026', { token: st.township('xihe') });
    const c = campaignSchema.parse(await r.json());
    expect(c).toMatchObject({ id: 'c2026', year: 2026, county: '青山县', schemeId: 'default6' });
    expect(c.schemeFingerprint).toMatch(/^[0-9a-f]{16}$/);
  });

  it('refuses a second campaign with the same id (409)', async () => {
    const r = await st.call('POST', '/campaigns', { token: st.county(), json: campaignBody() });
    expect(r.status).toBe(409);
    expect((await error(r)).code).toBe('CAMPAIGN_EXISTS');
  });

  it.each([
    ['a bad scheme', { id: 'c2027', scheme: { id: 'x' } }, 'CAMPAIGN_SCHEME_INVALID', '评定标准'],
    ['duplicate townships', { id: 'c2027', townships: [{ id: 'a', name: '甲' }, { id: 'a', name: '乙' }] }, 'CAMPAIGN_TOWNSHIP_DUPLICATE', '重复'],
    ['a roster for an unknown township', { id: 'c2027', roster: { nowhere: [] } }, 'CAMPAIGN_ROSTER_UNKNOWN', 'nowhere'],
    ['a malformed deadline', { id: 'c2027', deadline: '4月25日' }, 'REQUEST_BODY_INVALID', 'deadline'],
  ])('refuses %s with 400', async (_n, patch, code, text) => {
    const r = await st.call('POST', '/campaigns', { token: st.county('c2027'), json: campaignBody(patch) });
    expect(r.status).toBe(400);
    const e = await error(r);
    expect(e.code).toBe(code);
    expect(e.message).toContain(text);
  });

  it('404s an unknown campaign in Chinese', async () => {
    const r = await st.call('GET', '/campaigns/c2030', { token: st.county('c2030') });
    expect(r.status).toBe(404);
    expect((await error(r)).message).toContain('c2030');
  });
});

describe('me', () => {
  it('names the township of a township token', async () => {
    const r = await st.call('GET', '/me', { token: st.township('nanling') });
    expect(meSchema.parse(await r.json())).toMatchObject({ role: 'township', campaignId: 'c2026', townshipId: 'nanling', townshipName: '南岭街道' });
  });
  it('works for a county token before its campaign exists', async () => {
    const r = await st.call('GET', '/me', { token: st.county('c2031') });
    expect(meSchema.parse(await r.json())).toMatchObject({ role: 'county', townshipId: null, townshipName: null });
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
  it('answers CORS preflights for the add-in origin only', async () => {
    const ok = await fetch(`${st.api}/me`, { method: 'OPTIONS', headers: { Origin: 'https://localhost:3000', 'Access-Control-Request-Method': 'GET' } });
    expect(ok.status).toBe(204);
    expect(ok.headers.get('access-control-allow-origin')).toBe('https://localhost:3000');
    expect(ok.headers.get('access-control-allow-headers')).toContain('Authorization');
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
