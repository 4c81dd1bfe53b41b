// Review with eyes open: a version's rows, warnings and 填报人/联系电话/填报日期, what changed since
// the previous version, the original file, and accepting many townships at once with each one
// answered on its own.
import { bulkReviewResultSchema, completenessSchema, errorBodySchema, townshipStatusSchema, versionDetailSchema } from '../../shared/api/contract';
import { filled, type Filled } from './filled';
import { campaignBody, startStack, TOWNSHIPS, type Stack } from './stack';

let st: Stack;
const [DS, XH, NL, BP] = TOWNSHIPS as [{ id: string; name: string }, { id: string; name: string }, { id: string; name: string }, { id: string; name: string }];
let v1: Filled;
let v2: Filled;

const upload = (t: string, body: Uint8Array) => st.call('POST', `/campaigns/c2026/townships/${t}/submissions`, { token: st.township(t), body });
const version = async (t: string, v: number, token = st.county()) => {
  const r = await st.call('GET', `/campaigns/c2026/townships/${t}/versions/${v}`, { token });
  expect(r.status).toBe(200);
  return versionDetailSchema.parse(await r.json());
};

beforeAll(async () => {
  st = await startStack();
  expect((await st.call('POST', '/campaigns', { token: st.county(), json: campaignBody() })).status).toBe(201);
  v1 = await filled(DS, { seed: 7 });
  // The second version: one score lowered, one organization renamed away, one added.
  v2 = await filled(DS, {
    seed: 7,
    mutate: (orgs) => {
      const o = orgs[3];
      if (o) o.explanation = `${String(o.explanation ?? '')}（已补充）`;
      const gone = orgs.splice(5, 1)[0];
      orgs.push({ ...(gone ?? (orgs[0] as (typeof orgs)[number])), name: '新成立的东山新村党支部' });
    },
  });
  expect((await upload(DS.id, v1.bytes)).status).toBe(201);
  expect((await st.call('POST', `/campaigns/c2026/townships/${DS.id}/review`, { token: st.county(), json: { action: 'return', version: 1, comment: '请补充说明' } })).status).toBe(200);
  expect((await upload(DS.id, v2.bytes)).status).toBe(201);
});
afterAll(() => st.stop());

describe('a version with eyes open', () => {
  it('shows the rows with labels, who filled it in, and the quota verdict', async () => {
    const d = await version(DS.id, 1);
    expect(d).toMatchObject({ townshipName: '东山镇', version: 1, current: false, state: 'submitted', info: { township: '东山镇', filledBy: '张三', phone: '0790-1234567', filledOn: '2026-04-20' } });
    expect(d.orgs).toHaveLength(v1.orgs.length);
    expect(d.orgs[0]).toMatchObject({ name: v1.orgs[0]?.name, categoryName: expect.any(String), gradeLabel: expect.stringMatching(/^(好|较好|一般|较差)$/) });
    expect(d.indicators.map((i) => i.name)).toEqual(['党组织带头人', '工作思路', '工作制度', '活动阵地', '保障机制', '工作业绩', '群众反映']);
    expect(d.quota.summary).toContain('东山镇共');
    expect(d.diff).toBeNull();
  });

  it('says what changed since the previous version', async () => {
    const d = await version(DS.id, 2);
    expect(d).toMatchObject({ current: true, state: 'submitted' });
    const diff = d.diff;
    expect(diff?.previousVersion).toBe(1);
    expect(diff?.added.map((x) => x.name)).toEqual(['新成立的东山新村党支部']);
    expect(diff?.removed.map((x) => x.name)).toEqual([v1.orgs[5]?.name]);
    expect(diff?.changed.map((x) => [x.name, x.changes.map((ch) => ch.label)])).toEqual([[v1.orgs[3]?.name, ['情况说明']]]);
    expect(diff?.unchanged).toBe(v1.orgs.length - 2);
  });

  it('lets the township read its own versions', async () => {
    expect((await version(DS.id, 2, st.township(DS.id))).version).toBe(2);
  });

  it.each([['3'], ['0'], ['abc']])('answers 404 in Chinese for version %s', async (v) => {
    const r = await st.call('GET', `/campaigns/c2026/townships/${DS.id}/versions/${v}`, { token: st.county() });
    expect(r.status).toBe(404);
    const e = errorBodySchema.parse(await r.json()).error;
    expect(e).toMatchObject({ code: 'VERSION_NOT_FOUND', message: `“东山镇”没有第 ${v} 版` });
  });

  it('downloads the original file exactly as uploaded', async () => {
    const r = await st.call('GET', `/campaigns/c2026/townships/${DS.id}/versions/1/file`, { token: st.county() });
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toContain('spreadsheetml');
    expect(decodeURIComponent((r.headers.get('content-disposition') ?? '').split("UTF-8''")[1] ?? '')).toBe('2026年度东山镇分类定级情况一览表（第1版）.xlsx');
    expect(Buffer.from(await r.arrayBuffer()).equals(Buffer.from(v1.bytes))).toBe(true);
  });

  it('shows 填报人 and 电话 and counts in the completeness view', async () => {
    const c = completenessSchema.parse(await (await st.call('GET', '/campaigns/c2026/completeness', { token: st.county() })).json());
    const ds = c.townships.find((t) => t.id === DS.id);
    expect(ds).toMatchObject({ filledBy: '张三', phone: '0790-1234567' });
    expect(Object.values(ds?.counts ?? {}).reduce((a, b) => a + b, 0)).toBe(v2.orgs.length);
    expect(c.townships.find((t) => t.id === BP.id)).toMatchObject({ filledBy: null, phone: null, counts: null });
  });
});

describe('bulk accept', () => {
  it('accepts each township at the version the county saw and answers each one on its own', async () => {
    expect((await upload(XH.id, (await filled(XH, { seed: 2 })).bytes)).status).toBe(201);
    expect((await upload(NL.id, (await filled(NL, { seed: 3 })).bytes)).status).toBe(201);
    // 南岭街道 sends a second version after the county looked at the first.
    expect((await upload(NL.id, (await filled(NL, { seed: 4 })).bytes)).status).toBe(201);
    const items = [
      { townshipId: DS.id, version: 2 },
      { townshipId: XH.id, version: 1 },
      { townshipId: NL.id, version: 1 },
      { townshipId: BP.id, version: 1 },
    ];
    const r = await st.call('POST', '/campaigns/c2026/review', { token: st.county(), json: { action: 'accept', items } });
    expect(r.status).toBe(200);
    const b = bulkReviewResultSchema.parse(await r.json());
    expect(b).toMatchObject({ accepted: 2, refused: 2 });
    expect(b.results.map((x) => [x.townshipName, x.ok, x.state, x.error?.code])).toEqual([
      ['东山镇', true, 'accepted', undefined],
      ['西河乡', true, 'accepted', undefined],
      ['南岭街道', false, null, 'REVIEW_STALE'],
      ['北坪镇', false, 'missing', 'REVIEW_NOTHING'],
    ]);
    expect(b.results[2]?.error?.message).toBe('您审核的是第 1 版，但该单位已上报第 2 版，请刷新后重新审核');
    const nl = townshipStatusSchema.parse(await (await st.call('GET', `/campaigns/c2026/townships/${NL.id}/submissions`, { token: st.county() })).json());
    expect(nl.state).toBe('submitted');
  });

  it('refuses a returned township with its own message while the others go through; an accepted one sent again is answered as accepted', async () => {
    expect((await upload(BP.id, (await filled(BP, { seed: 5 })).bytes)).status).toBe(201);
    const accept = async (items: Array<{ townshipId: string; version: number }>) =>
      bulkReviewResultSchema.parse(await (await st.call('POST', '/campaigns/c2026/review', { token: st.county(), json: { action: 'accept', items } })).json());
    const first = await accept([{ townshipId: BP.id, version: 1 }, { townshipId: 'nowhere', version: 1 }]);
    expect(first.results.map((x) => [x.townshipId, x.ok, x.error?.code])).toEqual([
      [BP.id, true, undefined],
      ['nowhere', false, 'TOWNSHIP_NOT_FOUND'],
    ]);
    const again = await accept([{ townshipId: BP.id, version: 1 }]);
    expect(again.results[0]).toMatchObject({ ok: true, state: 'accepted' });
    expect(again.results[0]?.error).toBeUndefined();
    expect((await st.call('POST', `/campaigns/c2026/townships/${BP.id}/review`, { token: st.county(), json: { action: 'reopen', version: 1 } })).status).toBe(200);
    expect((await st.call('POST', `/campaigns/c2026/townships/${BP.id}/review`, { token: st.county(), json: { action: 'return', version: 1, comment: '请核实' } })).status).toBe(200);
    const returned = await accept([{ townshipId: BP.id, version: 1 }]);
    expect(returned.results[0]).toMatchObject({ ok: false, state: 'returned', error: { code: 'REVIEW_NOT_ALLOWED', message: '“北坪镇”当前状态为“已退回”，不能审核通过' } });
  });
});
