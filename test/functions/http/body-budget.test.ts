// The memory request bodies may hold at once, over HTTP: reserved before a body is read, given
// back with the answer; a request that cannot get it in time is answered 503 in Chinese with
// Retry-After, and nothing is stored.
import * as http from 'node:http';
import { errorBodySchema, townshipStatusSchema } from '../../../shared/api/contract';
import { filled } from '../filled';
import { campaignBody, startStack, TOWNSHIPS, type Stack } from '../stack';

describe('the body budget over HTTP', () => {
  const MB = 1024 * 1024;
  const t = TOWNSHIPS[0] as { id: string; name: string };
  let st: Stack;
  beforeAll(async () => {
    // A budget of one upload cap, and a short wait, so one slow sender spends it all.
    st = await startStack({ maxUploadBytes: MB, settings: { bodyMemoryBytes: MB, turnWaitMs: 300 } });
    expect((await st.call('POST', '/campaigns', { token: st.county(), json: campaignBody() })).status).toBe(201);
  }, 60_000);
  afterAll(() => st?.stop());

  /** An upload declaring 1 MB that sends 64 KB and waits for finish() to send the rest. */
  function slowSender(): { answer: Promise<number>; finish(): void } {
    const u = new URL(`${st.api}/campaigns/c2026/townships/${t.id}/submissions`);
    let finish = () => undefined as void;
    const answer = new Promise<number>((resolve, reject) => {
      const req = http.request({ host: u.hostname, port: u.port, path: u.pathname, method: 'POST', headers: { Authorization: `Bearer ${st.township(t.id)}`, 'Content-Length': String(MB) } }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      });
      req.on('error', reject);
      req.write(Buffer.alloc(64 * 1024, 1));
      finish = () => void req.end(Buffer.alloc(MB - 64 * 1024, 1));
    });
    return { answer, finish: () => finish() };
  }

  test('while a slow 1 MB upload holds the budget, another is answered 503 UPLOADS_BUSY with Retry-After; once it is answered, the same file is taken', async () => {
    await st.ready();
    const { bytes } = await filled(t, { seed: 11, n: 5 });
    const slow = slowSender();
    // Give the slow upload time to be authenticated and to reserve its megabyte.
    await new Promise((r) => setTimeout(r, 200));
    // The refusal is logged for the operator (a warning): kept out of the test's output.
    const log = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const busy = await st.call('POST', `/campaigns/c2026/townships/${t.id}/submissions`, { token: st.township(t.id), body: bytes });
    log.mockRestore();
    expect(busy.status).toBe(503);
    expect(busy.headers.get('retry-after')).toBe('30');
    const e = errorBodySchema.parse(await busy.json()).error;
    expect([e.code, e.message]).toEqual(['UPLOADS_BUSY', '服务器正在同时处理较多的上报文件，本次请求未处理（已上报的内容不受影响）；请 30 秒后重试']);
    const none = townshipStatusSchema.parse(await (await st.call('GET', `/campaigns/c2026/townships/${t.id}/submissions`, { token: st.county() })).json());
    expect(none.versions).toEqual([]);

    slow.finish();
    // Not a workbook: refused, and its megabyte given back with the answer.
    expect(await slow.answer).toBe(422);
    const taken = await st.call('POST', `/campaigns/c2026/townships/${t.id}/submissions`, { token: st.township(t.id), body: bytes });
    expect(taken.status).toBe(201);
  });
});
