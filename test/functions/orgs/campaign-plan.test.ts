// Campaigns linked across years over HTTP: a grading names its predecessor, a 回头看 the grading it
// reviews; what may not be linked is refused in Chinese naming the campaign or township; the
// roster of a successor is its predecessor's when left out; a name listed by two townships in a
// first year waits for the county; an edit keeps the links and applies the decisions again.
import { campaignDetailSchema, campaignListSchema, campaignOrgsSchema, errorBodySchema } from '../../../shared/api/contract';
import { startStack, type Stack } from '../stack';

let st: Stack;
beforeAll(async () => {
  st = await startStack();
}, 60_000);
afterAll(() => st?.stop());

const DS = { id: 'dongshan', name: '东山镇' };
const XS = { id: 'xishan', name: '西山镇' };
const ROSTER = { dongshan: [{ name: '东山村党支部', category: '村' }], xishan: [{ name: '南湖村党支部', category: '村' }] };
let n = 0;
const fresh = () => `p${++n}-${process.pid}`;
const body = (id: string, extra: Record<string, unknown> = {}) => ({ id, year: 2026, county: '青山县', deadline: '2099-04-25', townships: [DS, XS], ...extra });
const create = (json: unknown) => st.call('POST', '/campaigns', { token: st.county(), json });
const refusal = async (r: Response) => {
  const e = errorBodySchema.parse(await r.json()).error;
  return [r.status, e.code, e.message];
};

/** A grading with a roster, and a 回头看 of it. */
async function linked(): Promise<{ grading: string; lookback: string }> {
  const grading = fresh();
  expect((await create(body(grading, { roster: ROSTER }))).status).toBe(201);
  const lookback = fresh();
  expect((await create({ ...body(lookback), kind: 'lookback', reviewsId: grading, townships: [{ name: '西山镇' }] })).status).toBe(201);
  return { grading, lookback };
}

describe('links that are refused', () => {
  test.each<[string, (l: { grading: string; lookback: string }) => Record<string, unknown>, number, string, string]>([
    ['a 回头看 without the campaign it reviews', () => ({ kind: 'lookback' }), 400, 'CAMPAIGN_REVIEWS_MISSING', '回头看批次须指定被复查的分类定级批次'],
    ['a 回头看 of a 回头看', (l) => ({ kind: 'lookback', reviewsId: l.lookback }), 400, 'CAMPAIGN_REVIEWS_INVALID', '回头看只能复查分类定级批次，“<lb>”本身是回头看批次'],
    ['a 回头看 as last year’s grading', (l) => ({ previousId: l.lookback }), 400, 'CAMPAIGN_PREVIOUS_INVALID', '“<lb>”是回头看批次，不能作为上一年度的分类定级批次'],
    ['last year’s grading of the same year (the form left at this year)', (l) => ({ previousId: l.grading }), 400, 'CAMPAIGN_PREVIOUS_YEAR', '上一年度批次是 2026 年度，本批次的年度应晚于它（如 2027），现填的是 2026 年度'],
    ['a predecessor that does not exist', () => ({ previousId: 'nowhere-2025' }), 404, 'CAMPAIGN_NOT_FOUND', '工作批次“nowhere-2025”不存在，请先由县委组织部创建'],
    ['a grading that reviews', (l) => ({ reviewsId: l.grading }), 400, 'CAMPAIGN_LINKS_MIXED', '分类定级批次可以指定上一年度批次，回头看批次指定被复查的批次，二者不能混用'],
    ['a 回头看 with a roster of its own', (l) => ({ kind: 'lookback', reviewsId: l.grading, roster: ROSTER }), 400, 'CAMPAIGN_LOOKBACK_FIELDS', '回头看批次沿用被复查批次“<g>”的党组织名册和评定标准，请不要另行填写名册、名册确认事项或评定标准'],
    ['a 回头看 of a township the grading did not have', (l) => ({ kind: 'lookback', reviewsId: l.grading, townships: [{ name: '北坪镇' }] }), 400, 'CAMPAIGN_LOOKBACK_TOWNSHIP', '“北坪镇”不是被复查批次“<g>”的乡镇（街道），回头看只能在原批次的乡镇（街道）中进行'],
  ])('%s', async (_what, extra, status, code, message) => {
    const l = await linked();
    const id = fresh();
    const got = await refusal(await create(body(id, extra(l))));
    expect(got).toEqual([status, code, message.replace('<lb>', l.lookback).replace('<g>', l.grading)]);
    expect((await st.call('GET', `/campaigns/${id}`, { token: st.county() })).status).toBe(404);
  });

  test('an edit may not change a campaign’s links (409), and keeps them when it leaves them out', async () => {
    const l = await linked();
    const c = campaignDetailSchema.parse(await (await st.call('GET', `/campaigns/${l.lookback}`, { token: st.county() })).json());
    const put = (json: unknown) => st.call('PUT', `/campaigns/${l.lookback}`, { token: st.county(), json });
    expect(await refusal(await put({ ...body(l.lookback, { townships: [{ name: '西山镇' }] }), id: undefined, revision: c.revision, kind: 'grading' }))).toEqual([409, 'CAMPAIGN_LINK_LOCKED', '批次类型、上一年度批次和被复查的批次在创建后不能更改；如需更改，请新建工作批次']);
    const ok = await put({ ...body(l.lookback, { townships: [{ name: '西山镇' }] }), id: undefined, revision: c.revision, deadline: '2099-05-01' });
    expect(ok.status).toBe(200);
    expect(campaignDetailSchema.parse(await ok.json())).toMatchObject({ kind: 'lookback', reviewsId: l.grading, previousId: null, deadline: '2099-05-01', townships: [XS] });
    const list = campaignListSchema.parse(await (await st.call('GET', '/campaigns', { token: st.county() })).json());
    expect(list.campaigns.find((x) => x.id === l.lookback)).toMatchObject({ kind: 'lookback', reviewsId: l.grading, previousId: null });
  });

  test('targets need a predecessor; the 回头看 view needs a 回头看 (409)', async () => {
    const l = await linked();
    expect(await refusal(await st.call('GET', `/campaigns/${l.grading}/targets`, { token: st.county() }))).toEqual([409, 'TARGETS_NO_PREVIOUS', `工作批次“${l.grading}”没有指定上一年度批次，无法计算晋位升级情况`]);
    expect(await refusal(await st.call('GET', `/campaigns/${l.grading}/lookback`, { token: st.county() }))).toEqual([409, 'CAMPAIGN_NOT_LOOKBACK', `工作批次“${l.grading}”不是回头看批次`]);
  });
});

describe('rosters across years', () => {
  test('a successor without a roster carries its predecessor’s organizations, ids and all', async () => {
    const first = fresh();
    expect((await create(body(first, { roster: ROSTER }))).status).toBe(201);
    const next = fresh();
    const r = await create({ ...body(next, { year: 2027 }), previousId: first, townships: [{ name: '东山镇' }, { name: '西山镇' }] });
    expect(r.status).toBe(201);
    const c = campaignDetailSchema.parse(await r.json());
    expect(c.roster).toEqual({ dongshan: [expect.objectContaining({ name: '东山村党支部', category: '村' })], xishan: [expect.objectContaining({ name: '南湖村党支部', category: '村' })] });
    const before = campaignOrgsSchema.parse(await (await st.call('GET', `/campaigns/${first}/orgs`, { token: st.county() })).json()).orgs;
    const after = campaignOrgsSchema.parse(await (await st.call('GET', `/campaigns/${next}/orgs`, { token: st.county() })).json()).orgs;
    expect(after.map((o) => [o.id, o.name, o.status, o.lastCampaignId])).toEqual(before.map((o) => [o.id, o.name, 'active', next]));
  });

  test('a first year with a name in two townships waits for the county: 422, then 201 once declared two organizations', async () => {
    const id = fresh();
    const twice = { dongshan: [{ name: '新村党支部', category: '村' }], xishan: [{ name: '新村党支部', category: '村' }] };
    const r = await create(body(id, { roster: twice }));
    const e = errorBodySchema.parse(await r.json()).error;
    expect([r.status, e.code, e.issues?.map((i) => i.message)]).toEqual([422, 'ROSTER_RECONCILE_REFUSED', ['“新村党支部”同时列在东山镇、西山镇的名册中，请确定它归属哪个乡镇（街道），或确认是同名的不同党组织']]);
    expect((await create(body(id, { roster: twice, decisions: [{ kind: 'distinct', name: '新村党支部' }] }))).status).toBe(201);
    const orgs = campaignOrgsSchema.parse(await (await st.call('GET', `/campaigns/${id}/orgs`, { token: st.county() })).json()).orgs;
    expect(orgs.map((o) => [o.townshipId, o.name])).toEqual([
      ['dongshan', '新村党支部'],
      ['xishan', '新村党支部'],
    ]);
  });

  test('an edit of a successor’s roster applies its decisions again: the same ids, one new organization', async () => {
    const first = fresh();
    expect((await create(body(first, { roster: ROSTER }))).status).toBe(201);
    const next = fresh();
    const roster2 = { dongshan: [{ name: '东山村党支部', category: '村' }], xishan: [{ name: '南湖社区党支部', category: '社区' }] };
    const prevOrgs = campaignOrgsSchema.parse(await (await st.call('GET', `/campaigns/${first}/orgs`, { token: st.county() })).json()).orgs;
    const nanhu = prevOrgs.find((o) => o.name === '南湖村党支部')?.id ?? '';
    const decisions = [{ kind: 'rename', fromId: nanhu, to: { townshipId: 'xishan', name: '南湖社区党支部' } }];
    const r = await create({ ...body(next, { year: 2027, roster: roster2, decisions }), previousId: first });
    expect(r.status).toBe(201);
    const revision = campaignDetailSchema.parse(await r.json()).revision;
    const put = await st.call('PUT', `/campaigns/${next}`, {
      token: st.county(),
      json: { ...body(next, { year: 2027, roster: { ...roster2, xishan: [...roster2.xishan, { name: '北岭村党支部', category: '村' }] } }), id: undefined, revision },
    });
    expect(put.status).toBe(200);
    const orgs = campaignOrgsSchema.parse(await (await st.call('GET', `/campaigns/${next}/orgs`, { token: st.county() })).json()).orgs;
    expect(orgs.filter((o) => o.status === 'active').map((o) => [o.name, o.id === nanhu, o.history.map((h) => h.kind)])).toEqual([
      ['东山村党支部', false, ['created']],
      ['南湖社区党支部', true, ['created', 'renamed', 'changed']],
      ['北岭村党支部', false, ['created']],
    ]);
  });
});
