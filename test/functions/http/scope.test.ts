// The head every request about one township shares (http/scope.ts), through each route
// that uses it: who may ask, in which order the refusals come, and that the township itself and
// its county get through.
import { errorBodySchema } from '../../../shared/api/contract';
import { filled } from '../filled';
import { campaignBody, startStack, TOWNSHIPS, type Stack } from '../stack';

let st: Stack;
const [DS, XH] = TOWNSHIPS as [{ id: string; name: string }, { id: string; name: string }];

beforeAll(async () => {
  st = await startStack();
  expect((await st.call('POST', '/campaigns', { token: st.county(), json: campaignBody() })).status).toBe(201);
  const v1 = await filled(DS, { seed: 7 });
  expect((await st.call('POST', `/campaigns/c2026/townships/${DS.id}/submissions`, { token: st.township(DS.id), body: v1.bytes })).status).toBe(201);
});
afterAll(() => st.stop());

// Each route under …/campaigns/{c}/townships/{t}/, and what it answers once past the head (targets
// belong to the year after: a grading campaign has none, which is the route's own refusal).
const ROUTES: Array<[string, number]> = [['submissions', 200], ['versions/1', 200], ['versions/1/file', 200], ['ledger', 200], ['targets', 409], ['template', 200]];

type Who = 'nobody' | 'itself' | 'county' | 'other township' | 'other campaign' | 'other county';
const token = (who: Who): string | undefined =>
  who === 'nobody' ? undefined
  : who === 'itself' ? st.township(DS.id)
  : who === 'county' ? st.county()
  : who === 'other township' ? st.township(XH.id)
  : who === 'other campaign' ? st.township(DS.id, 'c2025')
  : st.countyOf('baishui', '白水县');

const cases: Array<[Who, string, string, number, string | null]> = [
  ['nobody', 'c2026', DS.id, 401, 'AUTH_MISSING'],
  ['other township', 'c2026', DS.id, 403, 'AUTH_OTHER_TOWNSHIP'],
  ['other campaign', 'c2026', DS.id, 403, 'AUTH_OTHER_CAMPAIGN'],
  // Another county's campaign answers like one that does not exist.
  ['other county', 'c2026', DS.id, 404, 'CAMPAIGN_NOT_FOUND'],
  ['county', 'c1999', DS.id, 404, 'CAMPAIGN_NOT_FOUND'],
  ['county', 'c2026', 'nowhere', 404, 'TOWNSHIP_NOT_FOUND'],
  // The township is checked before storage: another township's id is refused, not looked up.
  ['other township', 'c2026', 'nowhere', 403, 'AUTH_OTHER_TOWNSHIP'],
  // Past the head: the route's own answer.
  ['itself', 'c2026', DS.id, 0, null],
  ['county', 'c2026', DS.id, 0, null],
];

describe.each(ROUTES)('…/townships/{t}/%s', (route, passed) => {
  it.each(cases)('%s asking for %s/%s', async (who, c, t, status, code) => {
    const r = await st.call('GET', `/campaigns/${c}/townships/${t}/${route}`, { token: token(who) });
    expect(r.status).toBe(code === null ? passed : status);
    if (code === null) return;
    const body = errorBodySchema.parse(await r.json());
    expect(body.error.code).toBe(code);
    expect(body.error.message).toMatch(/[\u4e00-\u9fff]/);
  });
});

describe.each(['versions/{v}', 'versions/{v}/file'])('…/townships/{t}/%s', (route) => {
  it.each([
    ['9', '“东山镇”没有第 9 版'],
    ['0', '“东山镇”没有第 0 版'],
    ['x', '“东山镇”没有第 x 版'],
  ])('version %s is not found, by the township’s name', async (v, message) => {
    const r = await st.call('GET', `/campaigns/c2026/townships/${DS.id}/${route.replace('{v}', v)}`, { token: st.county() });
    expect(r.status).toBe(404);
    expect(errorBodySchema.parse(await r.json()).error).toMatchObject({ code: 'VERSION_NOT_FOUND', message });
  });
});

// The county's routes under …/campaigns/{c}/: the county only, within its own county.
const COUNTY_GETS: Array<[string, number]> = [['access', 200], ['access/sheet', 200], ['completeness', 200], ['consolidated', 200], ['ledger', 200], ['targets', 409], ['lookback', 409]];

describe.each(COUNTY_GETS)('GET …/campaigns/{c}/%s', (route, passed) => {
  it.each<[Who, string, number, string | null]>([
    ['nobody', 'c2026', 401, 'AUTH_MISSING'],
    ['itself', 'c2026', 403, 'AUTH_COUNTY_ONLY'],
    ['other county', 'c2026', 404, 'CAMPAIGN_NOT_FOUND'],
    ['county', 'c1999', 404, 'CAMPAIGN_NOT_FOUND'],
    ['county', 'c2026', 0, null],
  ])('%s asking for %s', async (who, c, status, code) => {
    const r = await st.call('GET', `/campaigns/${c}/${route}`, { token: token(who) });
    expect(r.status).toBe(code === null ? passed : status);
    if (code !== null) expect(errorBodySchema.parse(await r.json()).error.code).toBe(code);
  });
});

// With a body: it is checked after the caller's right and before storage, so a bad body is a 400
// even for a campaign that does not exist, and a township never learns what the body should be.
const COUNTY_POSTS: Array<[string, string]> = [['POST', 'access'], ['POST', 'access/revoke'], ['POST', 'review'], ['PUT', '']];

describe.each(COUNTY_POSTS)('%s …/campaigns/{c}/%s', (method, route) => {
  it.each<[Who, string, number, string]>([
    ['nobody', 'c2026', 401, 'AUTH_MISSING'],
    ['itself', 'c2026', 403, 'AUTH_COUNTY_ONLY'],
    ['county', 'c2026', 400, 'REQUEST_FIELD_INVALID'],
    ['county', 'c1999', 400, 'REQUEST_FIELD_INVALID'],
  ])('%s sending a malformed body to %s', async (who, c, status, code) => {
    const r = await st.call(method, `/campaigns/${c}${route ? `/${route}` : ''}`, { token: token(who), json: { townships: 'all', items: 7, revision: 'x' } });
    expect(r.status).toBe(status);
    expect(errorBodySchema.parse(await r.json()).error.code).toBe(code);
  });
});
