// A campaign of its own for each test, with calls scoped to it, so no test depends on what
// another left behind.
import { errorBodySchema, receiptSchema, townshipStatusSchema } from '../../shared/api/contract';
import { filled } from './filled';
import { campaignBody, type Stack } from './stack';

export const err = async (r: Response) => errorBodySchema.parse(await r.json()).error;

let campaigns = 0;
/** A new campaign of the four townships; calls scoped to it. */
export async function freshCampaign(st: Stack, overrides: Record<string, unknown> = {}) {
  const c = `u${++campaigns}-${process.pid}`;
  expect((await st.call('POST', '/campaigns', { token: st.county(c), json: campaignBody({ id: c, ...overrides }) })).status).toBe(201);
  const f = {
    c,
    book: async (t: { id: string; name: string }, seed: number, more: Parameters<typeof filled>[1] = {}) => filled(t, { seed, campaignId: c, ...more }),
    upload: (t: string, body: Uint8Array, token = st.township(t, c)) => st.call('POST', `/campaigns/${c}/townships/${t}/submissions`, { token, body }),
    status: async (t: string) => townshipStatusSchema.parse(await (await st.call('GET', `/campaigns/${c}/townships/${t}/submissions`, { token: st.county(c) })).json()),
    act: (t: string, json: unknown) => st.call('POST', `/campaigns/${c}/townships/${t}/review`, { token: st.county(c), json }),
    /** Uploads new content for a township and returns its receipt (expects 201). */
    async version(t: { id: string; name: string }, seed: number) {
      const r = await f.upload(t.id, (await f.book(t, seed)).bytes);
      expect(r.status).toBe(201);
      return receiptSchema.parse(await r.json());
    },
  };
  return f;
}

