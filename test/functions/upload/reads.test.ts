// Which table entities an upload reads. A township's first upload has no pointer, so it has no
// version to find: the version lookup is skipped (one storage call fewer per first upload). Once a
// pointer exists, a retry of stored bytes is still found by its hash before anything is parsed.
import { receiptSchema } from '../../../shared/api/contract';
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

describe('the reads of an upload', () => {
  it('a first upload reads the pointer and no version entity', async () => {
    const f = await freshCampaign(st);
    const wb = await f.book(dongshan, 1);
    reads.length = 0;
    expect((await f.upload(dongshan.id, wb.bytes)).status).toBe(201);
    expect(reads).toContain(`state|${dongshan.id}`);
    expect(reads.filter((rk) => rk.startsWith('ver|'))).toEqual([]);
  });

  it('a retry of stored bytes is found by its hash (200, duplicate) and a new file is the next version', async () => {
    const f = await freshCampaign(st);
    const v1 = await f.book(dongshan, 1);
    const first = receiptSchema.parse(await (await f.upload(dongshan.id, v1.bytes)).json());
    reads.length = 0;
    const again = await f.upload(dongshan.id, v1.bytes);
    expect(again.status).toBe(200);
    expect(receiptSchema.parse(await again.json())).toEqual({ ...first, duplicate: true });
    expect(reads).toContain(`ver|${dongshan.id}|${first.contentHash}`);
    const v2 = await f.upload(dongshan.id, (await f.book(dongshan, 2)).bytes);
    expect(v2.status).toBe(201);
    expect(receiptSchema.parse(await v2.json()).version).toBe(2);
  });
});
