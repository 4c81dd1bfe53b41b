// A review sent again: a retry whose answer was lost, the same click sent twice at once, or a
// second county clerk doing what the first just did. The township is already where the action
// leads, so the answer is the same 200 and nothing is written twice (one audit entry). A return
// with another comment is not the same action: it is refused, naming the township, and the first
// comment stands.
import { bulkReviewResultSchema, type ReviewAction } from '../../shared/api/contract';
import { issueCountyCredential } from '../../functions/src/auth/issue';
import { tokenFor } from '../../functions/src/auth/token';
import { listAudit } from '../../functions/src/storage/queries';
import { createAzureStore, type Store } from '../../functions/src/storage/store';
import { err, freshCampaign } from './campaign';
import { COUNTY, SECRET, startStack, TOWNSHIPS, type Stack } from './stack';

const xihe = TOWNSHIPS[1] as (typeof TOWNSHIPS)[0];
let st: Stack;
let direct: Store;
beforeAll(async () => {
  st = await startStack();
  direct = createAzureStore(st.connectionString, 'grading', 'grading');
});
afterAll(() => st.stop());

const reviews = async (c: string) => (await listAudit(direct, c)).filter((a) => a.action !== 'upload').map((a) => `${a.action}:${a.comment}`);
const ACCEPT: ReviewAction = { action: 'accept', version: 1 };
const RETURN: ReviewAction = { action: 'return', version: 1, comment: '请核实较差比例' };
const REOPEN: ReviewAction = { action: 'reopen', version: 1 };

describe.each<[string, ReviewAction[], ReviewAction, string, string[]]>([
  ['an accept', [], ACCEPT, 'accepted', ['accept:']],
  ['a return', [], RETURN, 'returned', ['return:请核实较差比例']],
  ['a reopen', [ACCEPT], REOPEN, 'submitted', ['accept:', 'reopen:']],
])('%s sent again', (_name, before, action, state, audit) => {
  // Sent again with spaces around the comment: the comment is compared as kept (trimmed).
  it('one after the other: both 200, one audit entry', async () => {
    const f = await freshCampaign(st);
    await f.version(xihe, 11);
    for (const b of before) expect((await f.act(xihe.id, b)).status).toBe(200);
    const first = await f.act(xihe.id, action);
    const again = await f.act(xihe.id, action.comment ? { ...action, comment: ` ${action.comment} ` } : action);
    expect([first.status, again.status]).toEqual([200, 200]);
    expect((await f.status(xihe.id)).state).toBe(state);
    expect(await reviews(f.c)).toEqual(audit);
  });

  it('twice at once: both 200, one audit entry', async () => {
    const f = await freshCampaign(st);
    await f.version(xihe, 11);
    for (const b of before) expect((await f.act(xihe.id, b)).status).toBe(200);
    const rs = await Promise.all([f.act(xihe.id, action), f.act(xihe.id, action)]);
    expect(rs.map((r) => r.status)).toEqual([200, 200]);
    expect((await f.status(xihe.id)).state).toBe(state);
    expect(await reviews(f.c)).toEqual(audit);
  });
});

it('a return with another comment after a return is refused naming the township; the first comment stands', async () => {
  const f = await freshCampaign(st);
  await f.version(xihe, 11);
  expect((await f.act(xihe.id, RETURN)).status).toBe(200);
  const other = await f.act(xihe.id, { ...RETURN, comment: '请补充整改台账' });
  expect(other.status).toBe(409);
  expect(await err(other)).toMatchObject({ code: 'REVIEW_NOT_ALLOWED', message: '“西河乡”当前状态为“已退回”，不能退回' });
  expect((await f.status(xihe.id)).comment).toBe('请核实较差比例');
  expect(await reviews(f.c)).toEqual(['return:请核实较差比例']);
});

it('全部通过 sent again: every township answered as accepted, one audit entry each', async () => {
  const f = await freshCampaign(st);
  const two = [TOWNSHIPS[0], xihe] as Array<(typeof TOWNSHIPS)[0]>;
  for (const [i, t] of two.entries()) await f.version(t, 20 + i);
  const bulk = async () => bulkReviewResultSchema.parse(await (await st.call('POST', `/campaigns/${f.c}/review`, { token: st.county(), json: { action: 'accept', items: two.map((t) => ({ townshipId: t.id, version: 1 })) } })).json());
  expect(await bulk()).toMatchObject({ accepted: 2, refused: 0 });
  const again = await bulk();
  expect(again).toMatchObject({ accepted: 2, refused: 0 });
  expect(again.results.map((r) => [r.townshipName, r.ok, r.state])).toEqual([
    ['东山镇', true, 'accepted'],
    ['西河乡', true, 'accepted'],
  ]);
  expect(await reviews(f.c)).toEqual(['accept:', 'accept:']);
});

it('two county clerks with credentials of their own: the audit says whose return and whose accept it was', async () => {
  const f = await freshCampaign(st);
  await f.version(xihe, 11);
  const { record } = await issueCountyCredential(direct, { countyId: COUNTY.id, countyName: COUNTY.name, days: 1, label: '第二位审核人' });
  const second = tokenFor(record, SECRET);
  expect((await f.act(xihe.id, RETURN)).status).toBe(200);
  await f.version(xihe, 12);
  expect((await st.call('POST', `/campaigns/${f.c}/townships/${xihe.id}/review`, { token: second, json: { action: 'accept', version: 2 } })).status).toBe(200);
  const actors = (await listAudit(direct, f.c)).map((a) => [a.action, a.actor]);
  expect(actors).toEqual([
    ['upload', 'township:xihe'],
    ['return', expect.stringMatching(/^county:/)],
    ['upload', 'township:xihe'],
    ['accept', `county:${record.id}`],
  ]);
  expect(actors[1]?.[1]).not.toBe(`county:${record.id}`);
});
