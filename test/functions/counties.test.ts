// Several counties share one deployment and never see each other: on every route, a credential of
// county B asking for county A's campaign gets exactly the answer it would get for a campaign that
// does not exist, and nothing of A's changes.
import { loadRegistrations } from '../../functions/dev/host';
import { accessListSchema, campaignDetailSchema, campaignListSchema, errorBodySchema, meSchema, townshipStatusSchema } from '../../shared/api/contract';
import { filled } from './filled';
import { campaignBody, startStack, TOWNSHIPS, type Stack } from './stack';

let st: Stack;
let upload: Uint8Array;
const A = 'c2026';
const NONE = 'zz-none';
const B = { id: 'baishui', name: '白水县' };

beforeAll(async () => {
  st = await startStack();
  expect((await st.call('POST', '/campaigns', { token: st.county(), json: campaignBody() })).status).toBe(201);
  upload = (await filled(TOWNSHIPS[0] as { id: string; name: string })).bytes;
  expect((await st.call('POST', `/campaigns/${A}/townships/dongshan/submissions`, { token: st.township('dongshan'), body: upload })).status).toBe(201);
  expect((await st.call('POST', `/campaigns/${A}/access`, { token: st.county(), json: { townships: ['xihe'] } })).status).toBe(200);
  const b = await st.call('POST', '/campaigns', { token: st.countyOf(B.id, B.name), json: { year: 2026, county: B.name, deadline: '2099-04-25', townships: [{ name: '白水镇' }] } });
  expect(b.status).toBe(201);
});
afterAll(() => st.stop());

/** A request for a campaign's route that the campaign's own county would have accepted. */
function request(route: string, method: string, c: string): { path: string; opts: { json?: unknown; body?: Uint8Array } } {
  const path = '/' + route.replace('{campaignId}', c).replace('{townshipId}', 'dongshan').replace('{version}', '1').replace('{itemId}', 'l-1');
  if (method === 'GET') return { path, opts: {} };
  if (route.endsWith('/submissions')) return { path, opts: { body: upload } };
  const bodies: Record<string, unknown> = {
    'campaigns/{campaignId}': { ...campaignBody({ id: undefined }), revision: 1, county: '改名县' },
    'campaigns/{campaignId}/access': { townships: ['dongshan'] },
    'campaigns/{campaignId}/access/revoke': { townships: ['xihe'] },
    'campaigns/{campaignId}/review': { action: 'accept', items: [{ townshipId: 'dongshan', version: 1 }] },
    'campaigns/{campaignId}/townships/{townshipId}/review': { action: 'accept', version: 1 },
    'campaigns/{campaignId}/ledger/{itemId}': { action: 'confirm' },
  };
  if (!(route in bodies)) throw new Error(`no body for ${method} ${route}: add one here`);
  return { path, opts: { json: bodies[route] } };
}

const campaignRoutes = loadRegistrations()
  .filter((r) => r.route.includes('{campaignId}'))
  .flatMap((r) => r.methods.map((m) => [m, r.route] as const));

async function answer(r: Response, c: string) {
  const e = errorBodySchema.parse(await r.json()).error;
  return { status: r.status, code: e.code, message: e.message.replaceAll(c, '<id>') };
}

describe('county B asking for county A’s campaign', () => {
  it('covers every route that names a campaign', () => {
    expect(campaignRoutes.length).toBeGreaterThanOrEqual(15);
  });

  it.each(campaignRoutes)('%s /%s answers as for a campaign that does not exist', async (method, route) => {
    for (const token of [st.countyOf(B.id, B.name), st.township('baishui-t', `${B.id}-2026`)]) {
      const a = request(route, method, A);
      const none = request(route, method, NONE);
      const got = await answer(await st.call(method, a.path, { token, ...a.opts }), A);
      const want = await answer(await st.call(method, none.path, { token, ...none.opts }), NONE);
      expect(got).toEqual(want);
      expect([403, 404]).toContain(got.status);
    }
  });

  it('lists only its own campaigns and reads only its own county in /me', async () => {
    const list = campaignListSchema.parse(await (await st.call('GET', '/campaigns', { token: st.countyOf(B.id, B.name) })).json());
    expect(list.countyName).toBe(B.name);
    expect(list.campaigns.map((c) => c.id)).toEqual([`${B.id}-2026`]);
    const me = meSchema.parse(await (await st.call('GET', '/me', { token: st.countyOf(B.id, B.name) })).json());
    expect(me).toMatchObject({ countyId: B.id, countyName: B.name, campaignId: `${B.id}-2026` });
  });

  it('cannot take county A’s campaign id, and learns no more than for its own duplicate', async () => {
    const theirs = await answer(await st.call('POST', '/campaigns', { token: st.countyOf(B.id, B.name), json: campaignBody({ county: B.name }) }), A);
    const ours = await answer(await st.call('POST', '/campaigns', { token: st.county(), json: campaignBody() }), A);
    expect(theirs).toEqual(ours);
    expect(theirs.status).toBe(409);
  });

  it('cannot read county A’s roster through the roster check', async () => {
    const text = '乡镇（街道）\t党组织名称\n东山镇\t东山村党支部\n';
    const got = await answer(await st.call('POST', `/roster/parse?campaign=${A}`, { token: st.countyOf(B.id, B.name), text }), A);
    const want = await answer(await st.call('POST', `/roster/parse?campaign=${NONE}`, { token: st.countyOf(B.id, B.name), text }), NONE);
    expect(got).toEqual(want);
    expect(got.status).toBe(404);
  });

  it('changes nothing of county A by trying every route that writes', async () => {
    const county = st.county();
    const snapshot = async () => {
      const c = campaignDetailSchema.parse(await (await st.call('GET', `/campaigns/${A}`, { token: county })).json());
      const s = townshipStatusSchema.parse(await (await st.call('GET', `/campaigns/${A}/townships/dongshan/submissions`, { token: county })).json());
      const access = accessListSchema.parse(await (await st.call('GET', `/campaigns/${A}/access`, { token: county })).json());
      return { c, s, access: access.townships.map(({ link: _l, ...t }) => t) };
    };
    const before = await snapshot();
    for (const [method, route] of campaignRoutes.filter(([m]) => m !== 'GET')) {
      const a = request(route, method, A);
      for (const token of [st.countyOf(B.id, B.name), st.township('baishui-t', `${B.id}-2026`)]) expect((await st.call(method, a.path, { token, ...a.opts })).status).toBeGreaterThanOrEqual(400);
    }
    expect(await snapshot()).toEqual(before);
    expect(before.c).toMatchObject({ revision: 1, county: '青山县', countyId: 'qingshan' });
    expect(before.s).toMatchObject({ state: 'submitted', currentVersion: 1 });
    expect(before.access.find((t) => t.townshipId === 'xihe')?.status).toBe('active');
  });
});
