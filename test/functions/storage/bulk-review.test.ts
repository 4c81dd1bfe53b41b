// The county's 全部通过 over many townships: pointers read in one query, written 50 townships to a
// transaction, through either client. A township changed between that read and the write fails
// only its own group, whose townships are then reviewed one by one on what the request first saw;
// the audit log lists the accepts in the order asked.
import { applyReviews, REVIEWS_PER_TRANSACTION, type ReviewItem } from '../../../functions/src/storage/bulk-review';
import { fromState, rowKey, type TownshipState } from '../../../functions/src/storage/entities';
import { getState, listAudit } from '../../../functions/src/storage/queries';
import type { Store, TxOp } from '../../../functions/src/storage/store';
import { emptyTally } from '../../../shared/consolidate/tally';
import { bothClients } from './both-clients';
import { passThrough } from './recording';

let lean: Store;
let sdk: Store;
let stop: () => Promise<void>;
let campaigns = 0;

beforeAll(async () => {
  ({ lean, sdk, stop } = await bothClients());
});
afterAll(() => stop());

const ids = (n: number) => Array.from({ length: n }, (_, i) => `t${String(i + 1).padStart(3, '0')}`);

function pointer(t: string, version = 1): Omit<TownshipState, 'etag'> {
  return {
    state: 'submitted',
    currentVersion: version,
    currentHash: `${t}-h${version}`,
    submissionId: `${t}-s${version}`,
    receivedAt: '2026-04-20T08:00:00.000Z',
    comment: null,
    quotaOk: true,
    quotaSummary: '',
    orgs: 25,
    rectifications: 0,
    tally: emptyTally(),
    filledBy: '张三',
    phone: '0790-1234567',
  };
}

/** A fresh campaign whose townships have each sent version 1. */
async function campaignWith(store: Store, townships: string[]): Promise<string> {
  const c = `bulk${++campaigns}`;
  for (let i = 0; i < townships.length; i += 100) {
    await store.transact(
      c,
      townships.slice(i, i + 100).map((t): TxOp => ({ op: 'create', pk: c, rk: rowKey.state(t), props: fromState(pointer(t)) })),
    );
  }
  return c;
}

/** Counts the calls applyReviews makes; `beforeTransact` runs once before the next transaction. */
function counted(inner: Store) {
  const calls = { lists: 0, gets: 0, transactions: [] as number[] };
  let hook: (() => Promise<void>) | null = null;
  const store: Store = {
    ...passThrough(inner),
    listEntities: (pk, p) => {
      calls.lists++;
      return inner.listEntities(pk, p);
    },
    getEntity: (pk, rk) => {
      calls.gets++;
      return inner.getEntity(pk, rk);
    },
    async transact(pk, ops) {
      const h = hook;
      hook = null;
      if (h) await h();
      calls.transactions.push(ops.length);
      return inner.transact(pk, ops);
    },
  };
  return { store, calls, beforeTransact: (h: () => Promise<void>) => (hook = h) };
}

const accepts = (townships: string[], version = 1): ReviewItem[] => townships.map((townshipId) => ({ townshipId, request: { action: 'accept', version } }));

describe.each([
  ['lean client', () => lean],
  ['SDK client', () => sdk],
])('%s', (_name, client) => {
  it('accepts 120 townships with one query and three transactions, and logs them in the order asked', async () => {
    const ts = ids(120);
    const c = await campaignWith(lean, ts);
    const asked = [...ts].reverse();
    const { store, calls } = counted(client());
    const out = await applyReviews(store, c, accepts(asked), { actor: '县委组织部' });

    expect(out.map((o) => o.kind)).toEqual(asked.map(() => 'done'));
    expect(calls).toEqual({ lists: 1, gets: 0, transactions: [2 * REVIEWS_PER_TRANSACTION, 2 * REVIEWS_PER_TRANSACTION, 40] });
    for (const t of ['t001', 't060', 't120']) expect(await getState(lean, c, t)).toMatchObject({ state: 'accepted', currentVersion: 1, filledBy: '张三', phone: '0790-1234567' });
    const log = await listAudit(lean, c);
    expect(log.map((a) => a.townshipId)).toEqual(asked);
    expect(new Set(log.map((a) => `${a.action} ${a.actor} ${a.version}`))).toEqual(new Set(['accept 县委组织部 1']));
  });
});

it('refusals and repeats are answered from the one read and cost no write: nothing sent, already accepted (done), a newer version', async () => {
  const c = await campaignWith(lean, ids(3));
  await applyReviews(lean, c, accepts(['t003']), { actor: 'county' });
  const { store, calls } = counted(lean);
  const out = await applyReviews(store, c, [...accepts(['t001', 'nowhere', 't003']), { townshipId: 't002', request: { action: 'accept', version: 2 } }], { actor: 'county' });
  expect(out).toEqual([
    { kind: 'done', state: expect.objectContaining({ state: 'accepted' }) },
    { kind: 'refused', decision: { ok: false, refusal: 'nothing' } },
    { kind: 'done', state: expect.objectContaining({ state: 'accepted', currentVersion: 1 }) },
    { kind: 'refused', decision: { ok: false, refusal: 'stale', current: 1 } },
  ]);
  expect(calls).toEqual({ lists: 1, gets: 0, transactions: [2] });
});

it('a township listed twice is accepted once; the second listing is answered as done, with no second entry', async () => {
  const c = await campaignWith(lean, ids(2));
  const out = await applyReviews(lean, c, accepts(['t001', 't002', 't001']), { actor: 'county' });
  expect(out.map((o) => (o.kind === 'refused' ? o.decision.refusal : o.kind))).toEqual(['done', 'done', 'done']);
  expect((await listAudit(lean, c)).map((a) => a.townshipId)).toEqual(['t001', 't002']);
});

describe('a township changed between the read and the write', () => {
  it.each<[string, (store: Store, c: string) => Promise<void>, string]>([
    [
      'sends version 2: its accept answers a conflict, as a single review racing it would',
      async (store, c) => {
        const cur = await getState(store, c, 't055');
        if (!cur) throw new Error('no pointer');
        await store.transact(c, [{ op: 'replace', pk: c, rk: rowKey.state('t055'), props: fromState(pointer('t055', 2)), etag: cur.etag }]);
      },
      'conflict submitted 2',
    ],
    [
      'is returned by another clerk: the accept is not applied over the return',
      async (store, c) => {
        await applyReviews(store, c, [{ townshipId: 't055', request: { action: 'return', version: 1, comment: '请补充' } }], { actor: 'other' });
      },
      'conflict returned 1',
    ],
  ])('%s; only its group is redone, township by township', async (_name, change, want) => {
    const ts = ids(120);
    const c = await campaignWith(lean, ts);
    const { store, calls, beforeTransact } = counted(lean);
    // Before the second group's transaction (townships 51–100).
    let n = 0;
    const second = async () => {
      if (++n < 2) return void beforeTransact(second);
      await change(lean, c);
    };
    beforeTransact(second);
    const out = await applyReviews(store, c, accepts(ts), { actor: 'county' });

    const t55 = out[54];
    expect(t55?.kind === 'conflict' ? `conflict ${t55.state} ${t55.version}` : t55).toBe(want);
    expect(out.filter((o) => o.kind === 'done')).toHaveLength(119);
    // Group 1 and 3 in one transaction each; group 2 failed whole, then 49 accepts on their own.
    expect(calls.transactions).toEqual([100, 100, ...Array<number>(49).fill(2), 40]);
    expect(calls.lists).toBe(1);
    expect(calls.gets).toBe(50);
    const accepted = (await listAudit(lean, c)).filter((a) => a.action === 'accept').map((a) => a.townshipId);
    expect(accepted).toHaveLength(119);
    expect(accepted).not.toContain('t055');
  });
});
