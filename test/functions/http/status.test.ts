// A review answers with the township's status as the review wrote it: the pointer is read once (to
// decide, under its ETag) and not read back. The answer is what a fresh read shows.
import { townshipStatusSchema } from '../../../shared/api/contract';
import { freshCampaign } from '../campaign';
import { startStack, TOWNSHIPS, type Stack } from '../stack';
import { recordingEntityReads } from '../storage/recording';

let st: Stack;
const reads: string[] = [];
const dongshan = TOWNSHIPS[0] as { id: string; name: string };

beforeAll(async () => {
  st = await startStack({ wrapStore: recordingEntityReads(reads) });
});
afterAll(() => st.stop());

test.each([
  ['accept', { action: 'accept', version: 1 }, 'accepted', null],
  ['return with a comment', { action: 'return', version: 1, comment: '请补充说明' }, 'returned', '请补充说明'],
])('%s: the answer is the written status, the pointer read once', async (_name, action, state, comment) => {
  const f = await freshCampaign(st);
  await f.version(dongshan, 1);
  reads.length = 0;
  const r = await f.act(dongshan.id, action);
  expect(r.status).toBe(200);
  const answer = townshipStatusSchema.parse(await r.json());
  expect(reads.filter((rk) => rk === `state|${dongshan.id}`)).toHaveLength(1);
  expect(answer).toMatchObject({ state, comment, currentVersion: 1 });
  expect(answer).toEqual(await f.status(dongshan.id));
});
