// Uploads, versions and review over real HTTP through the dev host, against Azurite.
import { createHash } from 'node:crypto';
import { errorBodySchema, receiptSchema, townshipStatusSchema, completenessSchema } from '../../shared/api/contract';
import { filled } from './filled';
import { campaignBody, startStack, TOWNSHIPS, type Stack } from './stack';

let st: Stack;
const [dongshan, xihe, nanling] = TOWNSHIPS as [typeof TOWNSHIPS[0], typeof TOWNSHIPS[0], typeof TOWNSHIPS[0]];
const SUBMISSIONS = (t: string) => `/campaigns/c2026/townships/${t}/submissions`;
const REVIEW = (t: string) => `/campaigns/c2026/townships/${t}/review`;

beforeAll(async () => {
  st = await startStack();
  expect((await st.call('POST', '/campaigns', { token: st.county(), json: campaignBody() })).status).toBe(201);
});
afterAll(() => st.stop());

const upload = (t: string, body: Uint8Array, token = st.township(t)) => st.call('POST', SUBMISSIONS(t), { token, body });
const status = async (t: string) => townshipStatusSchema.parse(await (await st.call('GET', SUBMISSIONS(t), { token: st.county() })).json());
const act = (t: string, json: unknown) => st.call('POST', REVIEW(t), { token: st.county(), json });
const err = async (r: Response) => errorBodySchema.parse(await r.json()).error;

describe('a township’s upload', () => {
  let first: Uint8Array;

  it('is accepted with a receipt: version, content hash, rows, counts, quota verdict', async () => {
    const f = await filled(dongshan, { seed: 1, n: 20 });
    first = f.bytes;
    const r = await upload('dongshan', f.bytes);
    expect(r.status).toBe(201);
    const rc = receiptSchema.parse(await r.json());
    expect(rc).toMatchObject({ campaignId: 'c2026', townshipId: 'dongshan', version: 1, duplicate: false, rows: { orgs: 20, rectifications: f.rectifications.length } });
    expect(rc.contentHash).toBe(createHash('sha256').update(f.bytes).digest('hex'));
    expect(Object.values(rc.counts).reduce((a, b) => a + b, 0)).toBe(20);
    expect(Object.keys(rc.counts)).toEqual(['好', '较好', '一般', '较差']);
    expect(rc.quota.ok).toBe(true);
    expect(rc.quota.summary).toContain('东山镇共 20 个');
    const s = await status('dongshan');
    expect(s).toMatchObject({ state: 'submitted', currentVersion: 1, comment: null });
    expect(s.versions.map((v) => v.version)).toEqual([1]);
  });

  it('is idempotent: the same bytes again give the same receipt (200, duplicate) and no new version', async () => {
    const r1 = receiptSchema.parse(await (await upload('dongshan', first)).json());
    const r = await upload('dongshan', first);
    expect(r.status).toBe(200);
    const rc = receiptSchema.parse(await r.json());
    expect(rc).toEqual({ ...r1, duplicate: true });
    expect(rc.version).toBe(1);
    expect((await status('dongshan')).versions).toHaveLength(1);
  });

  it('is refused (422) with Chinese issues naming sheet and cell, and nothing changes', async () => {
    const bad = await filled(dongshan, {
      seed: 2,
      mutate: (orgs) => {
        (orgs[2] as { scores: unknown[] }).scores[0] = '九十分';
        (orgs[4] as { scores: unknown[] }).scores[6] = 99;
      },
    });
    const before = await status('dongshan');
    const r = await upload('dongshan', bad.bytes);
    expect(r.status).toBe(422);
    const e = await err(r);
    expect(e.code).toBe('UPLOAD_REFUSED');
    expect(e.message).toMatch(/工作簿中有 \d+ 处错误/);
    const errors = (e.issues ?? []).filter((i) => i.severity === 'error');
    expect(errors.length).toBeGreaterThanOrEqual(2);
    for (const i of errors) {
      expect(i.sheet).toBe('分类定级情况一览表');
      expect(i.cell).toMatch(/^[A-Z]+\d+$/);
      expect(i.message).toContain(`${i.cell} 单元格`);
    }
    // Row 5 is the first data row: the third organization sits in row 7, the fifth in row 9.
    expect(errors.map((i) => i.cell)).toEqual(expect.arrayContaining([expect.stringMatching(/^[A-Z]+7$/), expect.stringMatching(/^[A-Z]+9$/)]));
    expect(await status('dongshan')).toEqual(before);
  });

  it.each([
    ['not a workbook at all', new TextEncoder().encode('这不是一个 Excel 文件'), 422],
    ['an empty body', new Uint8Array(0), 400],
  ])('refuses %s', async (_n, body, code) => {
    const r = await upload('nanling', body);
    expect(r.status).toBe(code);
    expect((await err(r)).message).toMatch(/[\u4e00-\u9fff]/);
    expect((await status('nanling')).state).toBe('missing');
  });

  it('refuses a body over the size cap with 413', async () => {
    const r = await upload('nanling', new Uint8Array(20 * 1024 * 1024 + 1));
    expect(r.status).toBe(413);
    expect((await err(r)).code).toBe('UPLOAD_TOO_LARGE');
  });

  it('refuses another township’s workbook with a clear message', async () => {
    const other = await filled(dongshan, { seed: 3 });
    const r = await upload('xihe', other.bytes);
    expect(r.status).toBe(422);
    const e = await err(r);
    expect(e.code).toBe('UPLOAD_OTHER_TOWNSHIP');
    expect(e.message).toBe('这份工作簿是发给“东山镇”的模板，不能作为“西河乡”的报表上报；请下载本单位的模板填写');
    const issue = e.issues?.[0];
    expect(issue?.code).toBe('UPLOAD_OTHER_TOWNSHIP');
    expect(issue?.message).toContain('东山镇');
    expect(issue?.message).toContain('西河乡');
    expect((await status('xihe')).state).toBe('missing');
  });

  it('refuses a workbook of another campaign', async () => {
    const other = await filled(xihe, { seed: 3, campaignId: 'c2025' });
    const r = await upload('xihe', other.bytes);
    expect(r.status).toBe(422);
    const e = await err(r);
    expect(e.code).toBe('UPLOAD_OTHER_CAMPAIGN');
    expect(e.message).toContain('c2025');
  });
});

describe('versions and review', () => {
  const bytes: Uint8Array[] = [];
  beforeAll(async () => {
    for (const seed of [11, 12, 13, 14, 15]) bytes.push((await filled(xihe, { seed })).bytes);
  });
  const b = (i: number) => bytes[i] as Uint8Array;

  it('numbers new content as new versions; the latest is current', async () => {
    expect((await upload('xihe', b(0))).status).toBe(201);
    const r = await upload('xihe', b(1));
    expect(r.status).toBe(201);
    expect(receiptSchema.parse(await r.json()).version).toBe(2);
    const s = await status('xihe');
    expect(s.currentVersion).toBe(2);
    expect(s.versions.map((v) => v.version)).toEqual([1, 2]);
    expect(s.versions[0]?.contentHash).not.toBe(s.versions[1]?.contentHash);
  });

  it('refuses a review of a stale version (409) and accepts the current one', async () => {
    const stale = await act('xihe', { action: 'accept', version: 1 });
    expect(stale.status).toBe(409);
    expect((await err(stale)).code).toBe('REVIEW_STALE');
    const ok = await act('xihe', { action: 'accept', version: 2 });
    expect(ok.status).toBe(200);
    expect(townshipStatusSchema.parse(await ok.json())).toMatchObject({ state: 'accepted', currentVersion: 2 });
    expect((await status('xihe')).state).toBe('accepted');
  });

  it('locks the township after acceptance (409), still answering a retry of the accepted bytes', async () => {
    const r = await upload('xihe', b(2));
    expect(r.status).toBe(409);
    const e = await err(r);
    expect(e.code).toBe('UPLOAD_LOCKED');
    expect(e.message).toContain('第 2 版已由县委组织部审核通过');
    const retry = await upload('xihe', b(1));
    expect(retry.status).toBe(200);
    expect(receiptSchema.parse(await retry.json())).toMatchObject({ version: 2, duplicate: true });
    expect((await status('xihe')).versions).toHaveLength(2);
  });

  it('reopens, after which a new upload is the next version', async () => {
    expect((await act('xihe', { action: 'accept' })).status).toBe(409); // already accepted
    expect((await act('xihe', { action: 'reopen' })).status).toBe(200);
    expect((await status('xihe')).state).toBe('submitted');
    const r = await upload('xihe', b(2));
    expect(r.status).toBe(201);
    expect(receiptSchema.parse(await r.json()).version).toBe(3);
  });

  it('returns with a comment the township can read; the next upload clears it', async () => {
    const noComment = await act('xihe', { action: 'return' });
    expect(noComment.status).toBe(400);
    expect((await err(noComment)).code).toBe('REVIEW_COMMENT_REQUIRED');
    expect((await act('xihe', { action: 'return', comment: '较差比例偏低，请核实', version: 3 })).status).toBe(200);
    const own = townshipStatusSchema.parse(await (await st.call('GET', SUBMISSIONS('xihe'), { token: st.township('xihe') })).json());
    expect(own).toMatchObject({ state: 'returned', comment: '较差比例偏低，请核实', currentVersion: 3 });
    expect((await act('xihe', { action: 'accept' })).status).toBe(409);
    expect((await upload('xihe', b(3))).status).toBe(201);
    expect(await status('xihe')).toMatchObject({ state: 'submitted', currentVersion: 4, comment: null });
  });

  it('refuses to review a township that has not reported', async () => {
    const r = await act('beiping', { action: 'accept' });
    expect(r.status).toBe(409);
    expect((await err(r)).message).toContain('北坪镇');
  });
});

describe('completeness', () => {
  it('lists every township with its state, version and quota verdict', async () => {
    const r = await st.call('GET', '/campaigns/c2026/completeness', { token: st.county() });
    const c = completenessSchema.parse(await r.json());
    const by = Object.fromEntries(c.townships.map((t) => [t.id, t]));
    expect(by.dongshan).toMatchObject({ state: 'submitted', currentVersion: 1, late: false });
    expect(by.dongshan?.quota?.ok).toBe(true);
    expect(by.xihe).toMatchObject({ state: 'submitted', currentVersion: 4 });
    expect(by.nanling).toMatchObject({ state: 'missing', currentVersion: null, quota: null, receivedAt: null });
    expect(c.totals).toEqual({ missing: 2, submitted: 2, returned: 0, accepted: 0, late: 0 });
    expect(c.townships.map((t) => t.id)).toEqual(TOWNSHIPS.map((t) => t.id));
  });

  it('marks missing townships late once the deadline has passed', async () => {
    const body = campaignBody({ id: 'c2019', deadline: '2019-04-25' });
    expect((await st.call('POST', '/campaigns', { token: st.county('c2019'), json: body })).status).toBe(201);
    const c = completenessSchema.parse(await (await st.call('GET', '/campaigns/c2019/completeness', { token: st.county('c2019') })).json());
    expect(c.totals).toMatchObject({ missing: 4, late: 4 });
    expect(c.townships.every((t) => t.late)).toBe(true);
  });
});
describe('quotas at upload', () => {
  it('a sheet over the 好 cap is accepted with a warning; the receipt and completeness say 不符合', async () => {
    const body = campaignBody({ id: 'c2027' });
    expect((await st.call('POST', '/campaigns', { token: st.county('c2027'), json: body })).status).toBe(201);
    // 6 of 20 village organizations graded 好: 30 % against a 20 % cap. The committee decides
    // grades "in principle" within quotas; the county audits the ratio at review.
    const f = await filled(dongshan, {
      seed: 21,
      n: 20,
      campaignId: 'c2027',
      mutate: (orgs) => {
        for (const o of orgs) Object.assign(o, { category: '村', orgType: '党支部', parent: null, newlyEstablished: null, forcedBottom: null });
        for (const o of orgs.slice(0, 6)) Object.assign(o, { scores: [15, 15, 10, 10, 10, 20, 15], explanation: '经党委研究确定' });
      },
    });
    const r = await st.call('POST', '/campaigns/c2027/townships/dongshan/submissions', { token: st.township('dongshan', 'c2027'), body: f.bytes });
    const text = await r.text();
    expect([r.status, text.slice(0, 300)]).toEqual([201, expect.any(String)]);
    const rc = receiptSchema.parse(JSON.parse(text));
    expect(rc.quota.ok).toBe(false);
    expect(rc.quota.summary).toContain('超过上限 20%');
    const w = rc.warnings.find((i) => i.code === 'QUOTA_TOP_EXCEEDED');
    expect(w).toMatchObject({ severity: 'warning', sheet: '分类定级情况一览表' });
    const c = completenessSchema.parse(await (await st.call('GET', '/campaigns/c2027/completeness', { token: st.county('c2027') })).json());
    expect(c.townships.find((t) => t.id === 'dongshan')?.quota?.ok).toBe(false);
  });
});
void nanling;
