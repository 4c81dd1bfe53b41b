// A county's campaigns over HTTP: created with a generated id, listed across years, edited under a
// revision, and what an edit may not change once townships have reported.
import { accessListSchema, campaignDetailSchema, campaignListSchema, errorBodySchema, type CampaignDetail } from '../../shared/api/contract';
import { filled } from './filled';
import { startStack, type Stack } from './stack';

let st: Stack;
beforeAll(async () => {
  st = await startStack();
});
afterAll(() => st.stop());

const body = (patch: Record<string, unknown> = {}) => ({ year: 2026, county: '青山县', deadline: '2099-04-25', townships: [{ name: '东山镇' }, { name: '西河乡' }], ...patch });

async function create(patch: Record<string, unknown> = {}): Promise<CampaignDetail> {
  const r = await st.call('POST', '/campaigns', { token: st.county(), json: body(patch) });
  expect(r.status).toBe(201);
  return campaignDetailSchema.parse(await r.json());
}

async function put(c: CampaignDetail, patch: Record<string, unknown>): Promise<Response> {
  return st.call('PUT', `/campaigns/${c.id}`, { token: st.county(), json: { ...body(), townships: c.townships, revision: c.revision, ...patch } });
}

async function error(r: Response) {
  return errorBodySchema.parse(await r.json()).error;
}

describe('creating', () => {
  it('gives the campaign an id from the county and year, and the townships ids', async () => {
    const c = await create({ year: 2031 });
    expect(c).toMatchObject({ id: 'qingshan-2031', countyId: 'qingshan', revision: 1, townships: [{ id: 't01', name: '东山镇' }, { id: 't02', name: '西河乡' }] });
    const again = await create({ year: 2031 });
    expect(again.id).toBe('qingshan-2031-2');
  });

  it('warns, and still creates, when the deadline has passed', async () => {
    const c = await create({ year: 2032, deadline: '2020-04-25' });
    expect(c.warnings?.map((w) => [w.code, w.message])).toEqual([['DEADLINE_PAST', '截止日期 2020-04-25 已经过去，此后上报的乡镇（街道）都会标为逾期']]);
  });

  it('takes the Yichun five-way standard by name', async () => {
    const c = await create({ year: 2033, schemeId: 'yichun5' });
    expect(c.schemeId).toBe('yichun5');
  });

  it('refuses an impossible deadline, naming the field', async () => {
    const r = await st.call('POST', '/campaigns', { token: st.county(), json: body({ deadline: '2026-02-30' }) });
    expect(r.status).toBe(400);
    expect(await error(r)).toMatchObject({ code: 'REQUEST_FIELD_INVALID', message: '请求内容不正确：截止日期：“2026-02-30”不是有效的日期，请写成 2026-04-25 的形式' });
  });

  it('refuses a county’s own scheme file with a Chinese message that names the field', async () => {
    const r = await st.call('POST', '/campaigns', { token: st.county(), json: body({ scheme: JSON.stringify({ id: 'own', name: '自定标准', categories: [], indicators: [], grades: [] }) }) });
    expect(r.status).toBe(400);
    const e = await error(r);
    expect(e.code).toBe('CAMPAIGN_SCHEME_INVALID');
    expect(e.message).toContain('categories：至少需要一个类别');
  });

  it('refuses a roster with an unknown category (422, the cell named)', async () => {
    const r = await st.call('POST', '/campaigns', { token: st.county(), json: body({ year: 2034, roster: { 东山镇: [{ name: '东山村党支部', category: '农场' }] } }) });
    expect(r.status).toBe(422);
    const e = await error(r);
    expect(e.code).toBe('CAMPAIGN_ROSTER_REFUSED');
    expect(e.issues?.[0]?.message).toContain('第 1 行“东山村党支部”的类别“农场”');
  });
});

describe('listing', () => {
  it('lists every campaign of the county, newest year first', async () => {
    await create({ year: 2024 });
    await create({ year: 2025 });
    const list = campaignListSchema.parse(await (await st.call('GET', '/campaigns', { token: st.county() })).json());
    expect(list.countyName).toBe('青山县');
    const years = list.campaigns.map((c) => c.year);
    expect(years).toEqual([...years].sort((a, b) => b - a));
    expect(list.campaigns.find((c) => c.id === 'qingshan-2024')).toMatchObject({ townships: 2, schemeId: 'default6', revision: 1 });
  });
});

describe('editing', () => {
  it('saves the next revision; the old revision is refused afterwards', async () => {
    const c = await create({ year: 2040 });
    const r = await put(c, { deadline: '2099-05-10', county: '青山县', townships: [...c.townships, { name: '南岭乡' }] });
    expect(r.status).toBe(200);
    expect(r.headers.get('etag')).toBe('"2"');
    const next = campaignDetailSchema.parse(await r.json());
    expect(next).toMatchObject({ revision: 2, deadline: '2099-05-10', townships: [{ id: 't01' }, { id: 't02' }, { id: 't03', name: '南岭乡' }] });
    const got = campaignDetailSchema.parse(await (await st.call('GET', `/campaigns/${c.id}`, { token: st.county() })).json());
    expect(got.revision).toBe(2);
    const stale = await put(c, { deadline: '2099-06-01' });
    expect(stale.status).toBe(409);
    expect(await error(stale)).toMatchObject({ code: 'CAMPAIGN_REVISION_STALE', message: '您修改的是第 1 版批次设置，但它已被改为第 2 版；请刷新后重新修改' });
  });

  it('lets exactly one of two edits of the same revision win', async () => {
    const c = await create({ year: 2041 });
    const [a, b] = await Promise.all([put(c, { deadline: '2099-05-01' }), put(c, { deadline: '2099-05-02' })]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
  });

  it('changes the standard before anyone reported, not after', async () => {
    const c = await create({ year: 2042, townships: [{ id: 'dongshan', name: '东山镇' }, { id: 'xihe', name: '西河乡' }] });
    const r1 = await put(c, { schemeId: 'yichun5' });
    expect(r1.status).toBe(200);
    const c2 = campaignDetailSchema.parse(await r1.json());
    const r2 = await put(c2, { schemeId: 'default6' });
    expect(r2.status).toBe(200);
    const c3 = campaignDetailSchema.parse(await r2.json());
    const up = await st.call('POST', `/campaigns/${c.id}/townships/dongshan/submissions`, { token: st.township('dongshan', c.id), body: (await filled({ id: 'dongshan', name: '东山镇' }, { campaignId: c.id })).bytes });
    expect(up.status).toBe(201);
    const locked = await put(c3, { schemeId: 'yichun5' });
    expect(locked.status).toBe(409);
    expect(await error(locked)).toMatchObject({ code: 'CAMPAIGN_SCHEME_LOCKED', message: '已有 1 个乡镇（街道）上报，不能再更换评定标准；如确需更换，请新建工作批次' });
    const dropped = await put(c3, { townships: [{ id: 'xihe', name: '西河乡' }] });
    expect(dropped.status).toBe(409);
    expect((await error(dropped)).message).toBe('“东山镇”已经上报，不能从乡镇（街道）名单中删除');
  });

  it('drops a township that has not reported and revokes its link', async () => {
    const c = await create({ year: 2043 });
    const issued = accessListSchema.parse(await (await st.call('POST', `/campaigns/${c.id}/access`, { token: st.county(), json: {} })).json());
    const link = issued.townships.find((t) => t.townshipId === 't02')?.link ?? '';
    const token = decodeURIComponent(/token=([^&]+)/.exec(link)?.[1] ?? '');
    expect((await st.call('GET', '/me', { token })).status).toBe(200);
    const r = await put(c, { townships: [{ id: 't01', name: '东山镇' }] });
    expect(r.status).toBe(200);
    const me = await st.call('GET', '/me', { token });
    expect(me.status).toBe(401);
    expect((await error(me)).code).toBe('AUTH_REVOKED');
  });
});
