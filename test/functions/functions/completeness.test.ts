// The county's completeness list names each township's 填报人 and 联系电话. They are kept on the
// township's pointer at upload, so the list is one query however many townships there are; a
// pointer written before they were kept still gets them, from its version's stored submission.
import { completenessSchema } from '../../../shared/api/contract';
import { fromState, rowKey, toState } from '../../../functions/src/storage/entities';
import type { Store } from '../../../functions/src/storage/store';
import { filled } from '../filled';
import { campaignBody, startStack, TOWNSHIPS, type Stack } from '../stack';
import { passThrough } from '../storage/recording';

describe('completeness: 填报人 and 联系电话', () => {
  let st: Stack;
  /** Row keys of stored submissions read since the counter was last cleared. */
  const subReads: string[] = [];
  const counting = (s: Store): Store => ({
    ...passThrough(s),
    getEntity: (pk, rk) => {
      if (rk.startsWith('sub|')) subReads.push(rk);
      return s.getEntity(pk, rk);
    },
  });
  const [a, b] = TOWNSHIPS as [{ id: string; name: string }, { id: string; name: string }];
  const completeness = async () => completenessSchema.parse(await (await st.call('GET', '/campaigns/c2026/completeness', { token: st.county() })).json());

  beforeAll(async () => {
    st = await startStack({ wrapStore: counting });
    expect((await st.call('POST', '/campaigns', { token: st.county(), json: campaignBody() })).status).toBe(201);
    for (const t of [a, b]) {
      const { bytes } = await filled(t, { n: 3 });
      expect((await st.call('POST', `/campaigns/c2026/townships/${t.id}/submissions`, { token: st.township(t.id), body: bytes })).status).toBe(201);
    }
  }, 60_000);
  afterAll(() => st?.stop());

  test('come from the pointers: no stored submission is read', async () => {
    subReads.length = 0;
    const c = await completeness();
    for (const t of [a, b]) expect(c.townships.find((x) => x.id === t.id)).toMatchObject({ filledBy: '张三', phone: '0790-1234567' });
    expect(c.townships.find((x) => x.id === 'nanling')).toMatchObject({ state: 'missing', filledBy: null, phone: null });
    expect(subReads).toEqual([]);
  });

  test('a pointer from before they were kept gets them from its submission, and only that one is read', async () => {
    const store = st.store();
    const e = await store.getEntity('c2026', rowKey.state(a.id));
    if (!e) throw new Error('no pointer');
    const { etag, filledBy: _f, phone: _p, ...old } = toState(e);
    await store.transact('c2026', [{ op: 'replace', pk: 'c2026', rk: rowKey.state(a.id), props: fromState(old), etag }]);
    expect(await store.getEntity('c2026', rowKey.state(a.id))).not.toHaveProperty('filledBy');

    subReads.length = 0;
    const c = await completeness();
    for (const t of [a, b]) expect(c.townships.find((x) => x.id === t.id)).toMatchObject({ filledBy: '张三', phone: '0790-1234567' });
    expect(subReads).toHaveLength(1);
    expect(subReads[0]).toMatch(new RegExp(`^sub\\|${a.id}\\|`));
  });

  test('a review keeps them on the pointer', async () => {
    expect((await st.call('POST', `/campaigns/c2026/townships/${b.id}/review`, { token: st.county(), json: { action: 'accept', version: 1 } })).status).toBe(200);
    const e = await st.store().getEntity('c2026', rowKey.state(b.id));
    expect(e).toMatchObject({ state: 'accepted', filledBy: '张三', phone: '0790-1234567' });
  });
});
