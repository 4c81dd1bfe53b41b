// Concurrent uploads race for the pointer's ETag: every new content gets its own version number,
// and the same bytes sent at once become one version.
import { receiptSchema, townshipStatusSchema } from '../../shared/api/contract';
import { listAudit } from '../../functions/src/storage/queries';
import { createAzureStore } from '../../functions/src/storage/store';
import { filled } from './filled';
import { campaignBody, startStack, TOWNSHIPS, type Stack } from './stack';

let st: Stack;
beforeAll(async () => {
  st = await startStack();
  expect((await st.call('POST', '/campaigns', { token: st.county(), json: campaignBody() })).status).toBe(201);
});
afterAll(() => st.stop());

const upload = (t: string, body: Uint8Array) => st.call('POST', `/campaigns/c2026/townships/${t}/submissions`, { token: st.township(t), body });
const status = async (t: string) => townshipStatusSchema.parse(await (await st.call('GET', `/campaigns/c2026/townships/${t}/submissions`, { token: st.county() })).json());

it('numbers five different uploads sent at once 1..5 with no gaps or repeats', async () => {
  const t = TOWNSHIPS[0] as { id: string; name: string };
  const books = await Promise.all([31, 32, 33, 34, 35].map(async (seed) => (await filled(t, { seed })).bytes));
  const rs = await Promise.all(books.map((b) => upload(t.id, b)));
  expect(rs.map((r) => r.status)).toEqual([201, 201, 201, 201, 201]);
  const versions = (await Promise.all(rs.map(async (r) => receiptSchema.parse(await r.json()).version))).sort();
  expect(versions).toEqual([1, 2, 3, 4, 5]);
  const s = await status(t.id);
  expect(s.currentVersion).toBe(5);
  expect(s.versions.map((v) => v.version)).toEqual([1, 2, 3, 4, 5]);
  const audit = await listAudit(createAzureStore(st.connectionString, 'grading', 'grading'), 'c2026');
  expect(audit.filter((a) => a.action === 'upload' && a.townshipId === t.id)).toHaveLength(5);
});

it('stores the same bytes sent four times at once as one version', async () => {
  const t = TOWNSHIPS[1] as { id: string; name: string };
  const b = (await filled(t, { seed: 40 })).bytes;
  const rs = await Promise.all([1, 2, 3, 4].map(() => upload(t.id, b)));
  const receipts = await Promise.all(rs.map(async (r) => ({ status: r.status, rc: receiptSchema.parse(await r.json()) })));
  expect(receipts.filter((x) => x.status === 201)).toHaveLength(1);
  expect(receipts.filter((x) => x.status === 200 && x.rc.duplicate)).toHaveLength(3);
  expect(new Set(receipts.map((x) => x.rc.version))).toEqual(new Set([1]));
  expect((await status(t.id)).versions).toHaveLength(1);
});
