// Uploads, completeness and quotas over real HTTP through the dev host, against Azurite. Every test
// makes its own campaign (fresh()) and brings its township to the state it starts from, so each
// passes when run alone (`-t`) and in any order.
import { createHash } from 'node:crypto';
import { defaultScheme } from '../../shared';
import { receiptSchema, completenessSchema } from '../../shared/api/contract';
import { issueTotals, MAX_ISSUES } from '../../shared/issues/cap';
import { readSubmission } from '../../shared/workbook/read';
import { err, freshCampaign } from './campaign';
import { filled } from './filled';
import { startStack, TOWNSHIPS, type Stack } from './stack';

let st: Stack;
const [dongshan, xihe] = TOWNSHIPS as [typeof TOWNSHIPS[0], typeof TOWNSHIPS[0]];

beforeAll(async () => {
  st = await startStack();
});
afterAll(() => st.stop());

const fresh = (overrides?: Record<string, unknown>) => freshCampaign(st, overrides);
describe('a township’s upload', () => {
  it('is accepted with a receipt: version, content hash, rows, counts, quota verdict', async () => {
    const f = await fresh();
    const wb = await f.book(dongshan, 1, { n: 20 });
    const r = await f.upload('dongshan', wb.bytes);
    expect(r.status).toBe(201);
    const rc = receiptSchema.parse(await r.json());
    expect(rc).toMatchObject({ campaignId: f.c, townshipId: 'dongshan', version: 1, duplicate: false, rows: { orgs: 20, rectifications: wb.rectifications.length } });
    expect(rc.contentHash).toBe(createHash('sha256').update(wb.bytes).digest('hex'));
    expect(Object.values(rc.counts).reduce((a, b) => a + b, 0)).toBe(20);
    expect(Object.keys(rc.counts)).toEqual(['好', '较好', '一般', '较差']);
    expect(rc.quota.ok).toBe(true);
    expect(rc.quota.summary).toContain('东山镇共 20 个');
    const s = await f.status('dongshan');
    expect(s).toMatchObject({ state: 'submitted', currentVersion: 1, comment: null });
    expect(s.versions.map((v) => v.version)).toEqual([1]);
  });

  it('is idempotent: the same bytes again give the same receipt (200, duplicate) and no new version', async () => {
    const f = await fresh();
    const wb = await f.book(dongshan, 1);
    const first = await f.upload('dongshan', wb.bytes);
    expect(first.status).toBe(201);
    const r1 = receiptSchema.parse(await first.json());
    const r = await f.upload('dongshan', wb.bytes);
    expect(r.status).toBe(200);
    expect(receiptSchema.parse(await r.json())).toEqual({ ...r1, duplicate: true });
    expect((await f.status('dongshan')).versions).toHaveLength(1);
  });

  it('is refused (422) with Chinese issues naming sheet and cell, and nothing changes', async () => {
    const f = await fresh();
    await f.version(dongshan, 1);
    const bad = await f.book(dongshan, 2, {
      mutate: (orgs) => {
        (orgs[2] as { scores: unknown[] }).scores[0] = '九十分';
        (orgs[4] as { scores: unknown[] }).scores[6] = 99;
      },
    });
    const before = await f.status('dongshan');
    const r = await f.upload('dongshan', bad.bytes);
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
    expect(await f.status('dongshan')).toEqual(before);
  });

  it('refuses a file of many bad rows with its first issues and the count of the rest; `errors` is the true total', async () => {
    // 80 organizations whose seven scores are all words: hundreds of errors. The answer lists the
    // first 200 and one issue saying how many more (it was 29 MB for 12,000 such rows, a 500 beyond).
    const f = await fresh();
    const bad = await f.book(xihe, 3, { n: 80, mutate: (orgs) => orgs.forEach((o) => (o.scores = o.scores.map(() => '很好'))) });
    const r = await f.upload('xihe', bad.bytes);
    expect(r.status).toBe(422);
    const e = await err(r);
    const issues = e.issues ?? [];
    expect(issues).toHaveLength(MAX_ISSUES + 1);
    const last = issues[MAX_ISSUES];
    expect([last?.code, last?.severity]).toEqual(['ISSUES_MORE', 'error']);
    const local = await readSubmission(bad.bytes, defaultScheme);
    const total = issueTotals(local.issues).error;
    expect(total).toBeGreaterThanOrEqual(80 * 7);
    expect(e.message).toBe(`工作簿中有 ${total} 处错误，未予接收；请按提示逐项修改后重新上报`);
    expect(last?.message).toContain(`其中错误 ${total - MAX_ISSUES} 个`);
    expect((await f.status('xihe')).state).toBe('missing');
  });

  it.each([
    ['not a workbook at all', new TextEncoder().encode('这不是一个 Excel 文件'), 422],
    ['an empty body', new Uint8Array(0), 400],
  ])('refuses %s', async (_n, body, code) => {
    const f = await fresh();
    const r = await f.upload('nanling', body);
    expect(r.status).toBe(code);
    expect((await err(r)).message).toMatch(/[\u4e00-\u9fff]/);
    expect((await f.status('nanling')).state).toBe('missing');
  });

  it('refuses a body over the size cap with 413', async () => {
    const f = await fresh();
    const r = await f.upload('nanling', new Uint8Array(20 * 1024 * 1024 + 1));
    expect(r.status).toBe(413);
    expect((await err(r)).code).toBe('UPLOAD_TOO_LARGE');
    expect((await f.status('nanling')).state).toBe('missing');
  });

  it('refuses another township’s workbook with a clear message', async () => {
    const f = await fresh();
    const other = await f.book(dongshan, 3);
    const r = await f.upload('xihe', other.bytes);
    expect(r.status).toBe(422);
    const e = await err(r);
    expect(e.code).toBe('UPLOAD_OTHER_TOWNSHIP');
    expect(e.message).toBe('这份工作簿是发给“东山镇”的模板，不能作为“西河乡”的报表上报；请下载本单位的模板填写');
    const issue = e.issues?.[0];
    expect(issue?.code).toBe('UPLOAD_OTHER_TOWNSHIP');
    expect(issue?.message).toContain('东山镇');
    expect(issue?.message).toContain('西河乡');
    expect((await f.status('xihe')).state).toBe('missing');
  });

  it('refuses a workbook of another campaign', async () => {
    const f = await fresh();
    const other = await filled(xihe, { seed: 3, campaignId: 'c2025' });
    const r = await f.upload('xihe', other.bytes);
    expect(r.status).toBe(422);
    const e = await err(r);
    expect(e.code).toBe('UPLOAD_OTHER_CAMPAIGN');
    expect(e.message).toContain('c2025');
  });
});

describe('completeness', () => {
  it('lists every township with its state, version and quota verdict', async () => {
    const f = await fresh();
    await f.version(dongshan, 1);
    await f.version(xihe, 11);
    await f.version(xihe, 12);
    const r = await st.call('GET', `/campaigns/${f.c}/completeness`, { token: st.county(f.c) });
    const c = completenessSchema.parse(await r.json());
    const by = Object.fromEntries(c.townships.map((t) => [t.id, t]));
    expect(by.dongshan).toMatchObject({ state: 'submitted', currentVersion: 1, late: false });
    expect(by.dongshan?.quota?.ok).toBe(true);
    expect(by.xihe).toMatchObject({ state: 'submitted', currentVersion: 2 });
    expect(by.nanling).toMatchObject({ state: 'missing', currentVersion: null, quota: null, receivedAt: null });
    expect(c.totals).toEqual({ missing: 2, submitted: 2, returned: 0, accepted: 0, late: 0 });
    expect(c.townships.map((t) => t.id)).toEqual(TOWNSHIPS.map((t) => t.id));
  });

  it('marks missing townships late once the deadline has passed', async () => {
    const f = await fresh({ deadline: '2019-04-25' });
    const c = completenessSchema.parse(await (await st.call('GET', `/campaigns/${f.c}/completeness`, { token: st.county(f.c) })).json());
    expect(c.totals).toMatchObject({ missing: 4, late: 4 });
    expect(c.townships.every((t) => t.late)).toBe(true);
  });
});

describe('quotas at upload', () => {
  it('a sheet over the 好 cap is accepted with a warning; the receipt and completeness say 不符合', async () => {
    const f = await fresh();
    // 6 of 20 village organizations graded 好: 30 % against a 20 % cap. The committee decides
    // grades "in principle" within quotas; the county audits the ratio at review.
    const wb = await f.book(dongshan, 21, {
      n: 20,
      mutate: (orgs) => {
        for (const o of orgs) Object.assign(o, { category: '村', orgType: '党支部', parent: null, newlyEstablished: null, forcedBottom: null });
        for (const o of orgs.slice(0, 6)) Object.assign(o, { scores: [15, 15, 10, 10, 10, 20, 15], explanation: '经党委研究确定' });
      },
    });
    const r = await f.upload('dongshan', wb.bytes);
    const text = await r.text();
    expect([r.status, text.slice(0, 300)]).toEqual([201, expect.any(String)]);
    const rc = receiptSchema.parse(JSON.parse(text));
    expect(rc.quota.ok).toBe(false);
    expect(rc.quota.summary).toContain('超过上限 20%');
    const w = rc.warnings.find((i) => i.code === 'QUOTA_TOP_EXCEEDED');
    expect(w).toMatchObject({ severity: 'warning', sheet: '分类定级情况一览表' });
    const c = completenessSchema.parse(await (await st.call('GET', `/campaigns/${f.c}/completeness`, { token: st.county(f.c) })).json());
    expect(c.townships.find((t) => t.id === 'dongshan')?.quota?.ok).toBe(false);
  });
});
