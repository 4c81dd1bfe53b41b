// The server reads big uploads with the streaming reader; with the threshold at 0 every upload
// takes that path and must give the same verdicts as the in-memory reader.
import { errorBodySchema, receiptSchema } from '../../shared/api/contract';
import { filled } from './filled';
import { campaignBody, startStack, TOWNSHIPS, type Stack } from './stack';

let st: Stack;
const t = TOWNSHIPS[0] as { id: string; name: string };
beforeAll(async () => {
  st = await startStack({ settings: { streamAboveBytes: 0 } });
  expect((await st.call('POST', '/campaigns', { token: st.county(), json: campaignBody() })).status).toBe(201);
});
afterAll(() => st.stop());

const upload = (body: Uint8Array) => st.call('POST', `/campaigns/c2026/townships/${t.id}/submissions`, { token: st.township(t.id), body });

it('accepts a valid workbook through the streaming reader', async () => {
  const f = await filled(t, { seed: 5, n: 30 });
  const r = await upload(f.bytes);
  expect(r.status).toBe(201);
  expect(receiptSchema.parse(await r.json()).rows.orgs).toBe(30);
});

it('refuses a bad one with cell addresses', async () => {
  const f = await filled(t, { seed: 6, mutate: (o) => ((o[0] as { scores: unknown[] }).scores[1] = 'abc') });
  const r = await upload(f.bytes);
  expect(r.status).toBe(422);
  const issues = errorBodySchema.parse(await r.json()).error.issues ?? [];
  expect(issues.some((i) => i.severity === 'error' && i.cell === 'I5')).toBe(true);
});
