// Versions and the county's review over real HTTP through the dev host, against Azurite: version
// numbering, stale and missing versions, the lock after acceptance, reopen, return with a comment.
// Every test makes its own campaign, so each passes alone.
import { receiptSchema, townshipStatusSchema } from '../../shared/api/contract';
import { err, freshCampaign } from './campaign';
import { startStack, TOWNSHIPS, type Stack } from './stack';

let st: Stack;
const xihe = TOWNSHIPS[1] as (typeof TOWNSHIPS)[0];

beforeAll(async () => {
  st = await startStack();
});
afterAll(() => st.stop());

const fresh = () => freshCampaign(st);

describe('versions and review', () => {
  it('numbers new content as new versions; the latest is current', async () => {
    const f = await fresh();
    await f.version(xihe, 11);
    expect((await f.version(xihe, 12)).version).toBe(2);
    const s = await f.status('xihe');
    expect(s.currentVersion).toBe(2);
    expect(s.versions.map((v) => v.version)).toEqual([1, 2]);
    expect(s.versions[0]?.contentHash).not.toBe(s.versions[1]?.contentHash);
  });

  it('refuses a review of a stale version (409) and accepts the current one', async () => {
    const f = await fresh();
    await f.version(xihe, 11);
    await f.version(xihe, 12);
    const stale = await f.act('xihe', { action: 'accept', version: 1 });
    expect(stale.status).toBe(409);
    const e = await err(stale);
    expect(e.code).toBe('REVIEW_STALE');
    expect(e.message).toBe('您审核的是第 1 版，但该单位已上报第 2 版，请刷新后重新审核');
    const ok = await f.act('xihe', { action: 'accept', version: 2 });
    expect(ok.status).toBe(200);
    expect(townshipStatusSchema.parse(await ok.json())).toMatchObject({ state: 'accepted', currentVersion: 2 });
    expect((await f.status('xihe')).state).toBe('accepted');
  });

  it('refuses a review that does not name the version (400) and changes nothing', async () => {
    const f = await fresh();
    await f.version(xihe, 11);
    const r = await f.act('xihe', { action: 'accept' });
    expect(r.status).toBe(400);
    const e = await err(r);
    expect(e.code).toBe('REQUEST_FIELD_INVALID');
    expect(e.message).toContain('版本号');
    expect((await f.status('xihe')).state).toBe('submitted');
  });

  it('locks the township after acceptance (409), still answering a retry of the accepted bytes', async () => {
    const f = await fresh();
    const v1 = await f.book(xihe, 11);
    expect((await f.upload('xihe', v1.bytes)).status).toBe(201);
    expect((await f.act('xihe', { action: 'accept', version: 1 })).status).toBe(200);
    const r = await f.upload('xihe', (await f.book(xihe, 13)).bytes);
    expect(r.status).toBe(409);
    const e = await err(r);
    expect(e.code).toBe('UPLOAD_LOCKED');
    expect(e.message).toContain('第 1 版已由县委组织部审核通过');
    const retry = await f.upload('xihe', v1.bytes);
    expect(retry.status).toBe(200);
    expect(receiptSchema.parse(await retry.json())).toMatchObject({ version: 1, duplicate: true });
    expect((await f.status('xihe')).versions).toHaveLength(1);
  });

  it('reopens, after which a new upload is the next version', async () => {
    const f = await fresh();
    await f.version(xihe, 11);
    expect((await f.act('xihe', { action: 'accept', version: 1 })).status).toBe(200);
    expect((await f.act('xihe', { action: 'reopen', version: 1 })).status).toBe(200);
    expect((await f.status('xihe')).state).toBe('submitted');
    expect((await f.version(xihe, 13)).version).toBe(2);
  });

  it('returns with a comment the township can read; the next upload clears it', async () => {
    const f = await fresh();
    await f.version(xihe, 11);
    const noComment = await f.act('xihe', { action: 'return', version: 1 });
    expect(noComment.status).toBe(400);
    expect((await err(noComment)).code).toBe('REVIEW_COMMENT_REQUIRED');
    expect((await f.act('xihe', { action: 'return', comment: '较差比例偏低，请核实', version: 1 })).status).toBe(200);
    const own = townshipStatusSchema.parse(await (await st.call('GET', `/campaigns/${f.c}/townships/xihe/submissions`, { token: st.township('xihe', f.c) })).json());
    expect(own).toMatchObject({ state: 'returned', comment: '较差比例偏低，请核实', currentVersion: 1 });
    expect((await f.act('xihe', { action: 'accept', version: 1 })).status).toBe(409);
    expect((await f.version(xihe, 12)).version).toBe(2);
    expect(await f.status('xihe')).toMatchObject({ state: 'submitted', currentVersion: 2, comment: null });
  });

  it('does not return an accepted version: it must be reopened first (409)', async () => {
    const f = await fresh();
    await f.version(xihe, 11);
    expect((await f.act('xihe', { action: 'accept', version: 1 })).status).toBe(200);
    const r = await f.act('xihe', { action: 'return', comment: '请补充', version: 1 });
    expect(r.status).toBe(409);
    const e = await err(r);
    expect(e.code).toBe('REVIEW_NOT_ALLOWED');
    expect(e.message).toBe('“西河乡”当前状态为“已审核通过”，不能退回');
    expect((await f.status('xihe')).state).toBe('accepted');
  });

  it('refuses to review a township that has not reported', async () => {
    const f = await fresh();
    const r = await f.act('beiping', { action: 'accept', version: 1 });
    expect(r.status).toBe(409);
    expect((await err(r)).message).toContain('北坪镇');
  });
});

