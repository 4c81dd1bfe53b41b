// Workbook reads on the server take turns: at most READ_CONCURRENCY at once, the rest waiting first
// come first served, and one that waits past UPLOAD_WAIT_SECONDS answered 503 UPLOADS_BUSY in
// Chinese. (Reads sent together used to run interleaved, each holding what it had parsed: thirty
// heavy files at once took the host past 1.1 GB.)
import { errorBodySchema } from '../../../shared/api/contract';
import * as workbookRead from '../../../shared/workbook/read';
import { filled } from '../filled';
import { campaignBody, startStack, type Stack } from '../stack';

let st: Stack;
type T = { id: string; name: string };
const TOWNSHIPS: T[] = Array.from({ length: 9 }, (_x, i) => ({ id: `t${i + 1}`, name: `第${i + 1}镇` }));
/** Reads running now, and the most seen at once. */
let running = 0;
let most = 0;
/** Added to every read, so that reads sent together overlap. */
let slowMs = 0;

beforeAll(async () => {
  const real = workbookRead.readSubmission;
  jest.spyOn(workbookRead, 'readSubmission').mockImplementation(async (...args) => {
    most = Math.max(most, ++running);
    try {
      await new Promise((r) => setTimeout(r, slowMs));
      return await real(...args);
    } finally {
      running--;
    }
  });
  st = await startStack({ settings: { readConcurrency: 2, turnWaitMs: 2_000 } });
  expect((await st.call('POST', '/campaigns', { token: st.county(), json: campaignBody({ townships: TOWNSHIPS }) })).status).toBe(201);
}, 60_000);
afterAll(() => st?.stop());

const upload = (t: { id: string }, bytes: Uint8Array) => st.call('POST', `/campaigns/c2026/townships/${t.id}/submissions`, { token: st.township(t.id), body: bytes });

test('six townships uploading at once: every file is read and stored, never more than two reads at once', async () => {
  const ts = TOWNSHIPS.slice(0, 6);
  const books = await Promise.all(ts.map((t, i) => filled(t, { seed: 20 + i, n: 5 })));
  slowMs = 100;
  most = 0;
  const statuses = await Promise.all(ts.map(async (t, i) => (await upload(t, (books[i] as { bytes: Uint8Array }).bytes)).status));
  expect(statuses).toEqual(Array(6).fill(201));
  expect(most).toBe(2);
});

test('a read that waits longer than UPLOAD_WAIT_SECONDS: 503 UPLOADS_BUSY with Retry-After, nothing stored, and the same file taken later', async () => {
  const three = TOWNSHIPS.slice(6, 9);
  const books = await Promise.all(three.map((t, i) => filled(t, { seed: 40 + i, n: 5 })));
  const c = three[2] as T;
  const bc = (books[2] as { bytes: Uint8Array }).bytes;
  // Two reads of 3 s hold both turns; the third gives up after its 2 s.
  slowMs = 3_000;
  const log = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  const [ra, rb, rc] = await Promise.all(three.map((t, i) => upload(t, (books[i] as { bytes: Uint8Array }).bytes)));
  log.mockRestore();
  expect([ra?.status, rb?.status, rc?.status]).toEqual([201, 201, 503]);
  expect(rc?.headers.get('retry-after')).toBe('30');
  const e = errorBodySchema.parse(await rc?.json()).error;
  expect([e.code, e.message]).toEqual(['UPLOADS_BUSY', '服务器正在同时处理较多的上报文件，本次请求未处理（已上报的内容不受影响）；请 30 秒后重试']);
  const status = await st.call('GET', `/campaigns/c2026/townships/${c.id}/submissions`, { token: st.county() });
  expect(((await status.json()) as { versions: unknown[] }).versions).toEqual([]);
  slowMs = 0;
  expect((await upload(c, bc)).status).toBe(201);
}, 30_000);
