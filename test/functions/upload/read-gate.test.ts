// Workbook reads on the server take turns: at most READ_CONCURRENCY at once and one per township,
// the townships waiting in rotation, and one that waits past UPLOAD_WAIT_SECONDS answered 503
// UPLOADS_BUSY in Chinese. (Reads sent together used to run interleaved, each holding what it had
// parsed: thirty heavy files at once took the host past 1.1 GB; and one township's many files used
// to hold every turn.)
import { createHash } from 'node:crypto';
import { errorBodySchema } from '../../../shared/api/contract';
import * as workbookRead from '../../../shared/workbook/read';
import { KeyedTurns } from '../../../functions/src/upload/read-gate';
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
/** Whose file each read is (by its bytes), when a test sets it: reads running per township, the most seen, the order they started. */
let ownerOf: Map<string, string> | null = null;
const runningOf = new Map<string, number>();
const mostOf = new Map<string, number>();
const order: string[] = [];
const key = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

beforeAll(async () => {
  const real = workbookRead.readSubmission;
  jest.spyOn(workbookRead, 'readSubmission').mockImplementation(async (...args) => {
    most = Math.max(most, ++running);
    const who = ownerOf?.get(key(args[0])) ?? '';
    if (who) {
      order.push(who);
      runningOf.set(who, (runningOf.get(who) ?? 0) + 1);
      mostOf.set(who, Math.max(mostOf.get(who) ?? 0, runningOf.get(who) ?? 0));
    }
    try {
      await new Promise((r) => setTimeout(r, slowMs));
      return await real(...args);
    } finally {
      running--;
      if (who) runningOf.set(who, (runningOf.get(who) ?? 1) - 1);
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

test('one township sending many files at once holds one turn; another township’s upload takes the other at once', async () => {
  // Fourteen heavy files from one township used to hold every turn, first come first served, and
  // another township's normal upload waited until it was answered 503.
  const [a, b] = TOWNSHIPS as [T, T];
  const many = await Promise.all([0, 1, 2, 3].map((i) => filled(a, { seed: 60 + i, n: 5 })));
  const other = await filled(b, { seed: 70, n: 5 });
  ownerOf = new Map([...many.map((f) => [key(f.bytes), a.id] as const), [key(other.bytes), b.id]]);
  slowMs = 1_500;
  const log = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  const flood = many.map((f) => upload(a, f.bytes));
  // Sent once the township's first read has started and the rest have had time to queue.
  for (let i = 0; i < 100 && order.length === 0; i++) await new Promise((r) => setTimeout(r, 50));
  await new Promise((r) => setTimeout(r, 200));
  const started = order.length;
  const mine = await upload(b, other.bytes);
  const theirs = await Promise.all(flood);
  log.mockRestore();
  slowMs = 0;
  ownerOf = null;
  expect(mine.status).toBe(201);
  // b's read started next: no file of a's got a second turn before it.
  expect(order.slice(started, started + 1)).toEqual([b.id]);
  expect(mostOf.get(a.id)).toBe(1);
  expect(theirs[0]?.status).toBe(201);
  for (const r of theirs) expect([201, 503]).toContain(r.status);
}, 30_000);

describe('KeyedTurns', () => {
  type Step = ['take', string, string] | ['give', string];
  // [steps (take: key and a name for the request), the requests granted by the end, in order]
  test.each<[string, Step[], string[]]>([
    ['a free turn is taken at once', [['take', 'A', 'a1'], ['take', 'B', 'b1']], ['a1', 'b1']],
    ['one turn per key: a key’s second request waits for its first', [['take', 'A', 'a1'], ['take', 'A', 'a2'], ['take', 'B', 'b1']], ['a1', 'b1']],
    ['… and gets the turn its first gives back', [['take', 'A', 'a1'], ['take', 'A', 'a2'], ['give', 'A']], ['a1', 'a2']],
    [
      'keys waiting take turns in rotation: a key with many waiting goes behind the others',
      [['take', 'A', 'a1'], ['take', 'C', 'c1'], ['take', 'A', 'a2'], ['take', 'A', 'a3'], ['take', 'B', 'b1'], ['give', 'A'], ['give', 'C']],
      ['a1', 'c1', 'b1', 'a2'],
    ],
    ['a turn given back goes to the key that waited longest; the others give up after their wait', [['take', 'A', 'a1'], ['take', 'C', 'c1'], ['take', 'B', 'b1'], ['take', 'D', 'd1'], ['give', 'C']], ['a1', 'c1', 'b1']],
  ])('%s', async (_what, steps, granted) => {
    const t = new KeyedTurns(2);
    const got: string[] = [];
    const pending: Array<Promise<void>> = [];
    for (const s of steps) {
      if (s[0] === 'give') t.give(s[1]);
      else {
        const [, k, name] = s;
        pending.push(t.take(k, 50).then((ok) => void (ok && got.push(name))));
      }
      // Grants resolve as microtasks: each step sees the ones before it done.
      await Promise.resolve();
    }
    await Promise.all(pending);
    expect(got).toEqual(granted);
    expect(t.held.size).toBeLessThanOrEqual(2);
  });
});
