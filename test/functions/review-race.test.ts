// Accept and return of the same version racing: the review is applied under the pointer's ETag, so
// exactly one wins and the other gets 409 with a Chinese message; the audit log has one entry per
// win. The interleaving tests place a competing write between a review's read and its write.
import { errorBodySchema, townshipStatusSchema } from '../../shared/api/contract';
import { applyReview } from '../../functions/src/storage/commands';
import { getState, listAudit } from '../../functions/src/storage/queries';
import { fromState, rowKey } from '../../functions/src/storage/entities';
import { createAzureStore, type Store } from '../../functions/src/storage/store';
import { filled } from './filled';
import { campaignBody, startStack, type Stack } from './stack';
import { passThrough } from './storage/recording';

const TEN = Array.from({ length: 10 }, (_, i) => ({ id: `t${i + 1}`, name: `第${i + 1}镇` }));

/** Runs once, just before the next review transaction is sent: a competing write. */
let beforeNextReview: ((inner: Store) => Promise<void>) | null = null;
function interleaving(inner: Store): Store {
  return {
    ...passThrough(inner),
    async transact(pk, ops) {
      const hook = beforeNextReview;
      // A review's transaction is the pointer replace + an audit entry (no version entity).
      if (hook && !ops.some((o) => o.rk.startsWith('ver|'))) {
        beforeNextReview = null;
        await hook(inner);
      }
      return inner.transact(pk, ops);
    },
  };
}

let st: Stack;
let direct: Store;
beforeAll(async () => {
  st = await startStack({ wrapStore: interleaving });
  direct = createAzureStore(st.connectionString, 'grading', 'grading');
});
afterAll(() => st.stop());

async function campaignWithUploads(c: string, townships: Array<{ id: string; name: string }>) {
  expect((await st.call('POST', '/campaigns', { token: st.county(c), json: campaignBody({ id: c, townships }) })).status).toBe(201);
  for (const [i, t] of townships.entries()) {
    const wb = await filled(t, { seed: 100 + i, n: 8, campaignId: c });
    expect((await st.call('POST', `/campaigns/${c}/townships/${t.id}/submissions`, { token: st.township(t.id, c), body: wb.bytes })).status).toBe(201);
  }
}
const review = (c: string, t: string, json: unknown) => st.call('POST', `/campaigns/${c}/townships/${t}/review`, { token: st.county(c), json });
const ACCEPT = { action: 'accept', version: 1 };
const RETURN = { action: 'return', version: 1, comment: '请补充整改台账' };

it('accept and return of one version sent at once, for 10 townships: exactly one wins each, the other gets 409', async () => {
  await campaignWithUploads('race10', TEN);
  const sent = TEN.flatMap((t) => [ACCEPT, RETURN].map((body) => ({ t: t.id, action: body.action, p: review('race10', t.id, body) })));
  const answers = await Promise.all(sent.map(async (s) => ({ ...s, status: (await s.p).status, body: await (await s.p).json() })));

  for (const t of TEN) {
    const mine = answers.filter((a) => a.t === t.id);
    const wins = mine.filter((a) => a.status === 200);
    const losses = mine.filter((a) => a.status === 409);
    expect([t.id, wins.length, losses.length]).toEqual([t.id, 1, 1]);
    const loss = errorBodySchema.parse(losses[0]?.body).error;
    expect(['REVIEW_CONFLICT', 'REVIEW_NOT_ALLOWED']).toContain(loss.code);
    expect(loss.message).toMatch(/^[^A-Za-z]*$/);
    // The final state is the winner's.
    const winner = wins[0]?.action;
    const s = townshipStatusSchema.parse(await (await st.call('GET', `/campaigns/race10/townships/${t.id}/submissions`, { token: st.county('race10') })).json());
    expect([t.id, s.state]).toEqual([t.id, winner === 'accept' ? 'accepted' : 'returned']);
  }

  const reviews = (await listAudit(direct, 'race10')).filter((a) => a.action !== 'upload');
  expect(reviews).toHaveLength(10);
  for (const t of TEN) {
    const won = answers.find((a) => a.t === t.id && a.status === 200)?.action;
    expect(reviews.filter((a) => a.townshipId === t.id).map((a) => a.action)).toEqual([won]);
  }
});

it('a return whose write loses to an accept made after its read gets 409 REVIEW_CONFLICT; the accept stands', async () => {
  await campaignWithUploads('race-a', [TEN[0] as { id: string; name: string }]);
  beforeNextReview = async (inner) => {
    const r = await applyReview(inner, 'race-a', 't1', { action: 'accept', version: 1 }, { actor: 'county' });
    expect(r.kind).toBe('done');
  };
  const r = await review('race-a', 't1', RETURN);
  expect(r.status).toBe(409);
  const e = errorBodySchema.parse(await r.json()).error;
  expect(e.code).toBe('REVIEW_CONFLICT');
  expect(e.message).toBe('“第1镇”的状态刚刚被另一操作改为“已审核通过”，您的“退回”未生效；请刷新后重新审核');
  expect((await getState(direct, 'race-a', 't1'))?.state).toBe('accepted');
  expect((await listAudit(direct, 'race-a')).map((a) => a.action)).toEqual(['upload', 'accept']);
});

it('a conflict that changed nothing the decision depends on is retried and the action applies once', async () => {
  await campaignWithUploads('race-b', [TEN[0] as { id: string; name: string }]);
  beforeNextReview = async (inner) => {
    // Rewrite the pointer as it is: a new ETag, the same state and version.
    const cur = await getState(inner, 'race-b', 't1');
    if (!cur) throw new Error('no pointer');
    const { etag, ...same } = cur;
    await inner.transact('race-b', [{ op: 'replace', pk: 'race-b', rk: rowKey.state('t1'), props: fromState(same), etag }]);
  };
  const r = await review('race-b', 't1', ACCEPT);
  expect(r.status).toBe(200);
  expect((await getState(direct, 'race-b', 't1'))?.state).toBe('accepted');
  expect((await listAudit(direct, 'race-b')).map((a) => a.action)).toEqual(['upload', 'accept']);
});
