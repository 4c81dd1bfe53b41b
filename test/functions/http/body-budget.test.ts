// The memory request bodies may hold at once, over HTTP: reserved before a body is read, given
// back with the answer; a request that cannot get it in time is answered 503 in Chinese with
// Retry-After, and nothing is stored. A body keeps its declared reservation only while it arrives
// at a real pace (body-pace.ts): a trickle holds what it sent, a stalled body is answered 408.
import * as http from 'node:http';
import { configure, settings, type Settings } from '../../../functions/src/config';
import { DEFAULT_PACE, type PaceLimits } from '../../../functions/src/http/body-pace';
import { errorBodySchema, townshipStatusSchema } from '../../../shared/api/contract';
import { filled } from '../filled';
import { campaignBody, startStack, TOWNSHIPS, type Stack } from '../stack';

describe('the body budget over HTTP', () => {
  const MB = 1024 * 1024;
  const t = TOWNSHIPS[0] as { id: string; name: string };
  let st: Stack;
  let base: Settings;
  beforeAll(async () => {
    // A budget of one upload cap, and a short wait, so one slow sender spends it all. The grace is
    // long enough that the slow sender counts as a real upload for the first test.
    st = await startStack({ maxUploadBytes: MB, settings: { bodyMemoryBytes: MB, turnWaitMs: 300, bodyPace: { ...DEFAULT_PACE, trustGraceMs: 600_000 } } });
    base = settings();
    expect((await st.call('POST', '/campaigns', { token: st.county(), json: campaignBody() })).status).toBe(201);
  }, 60_000);
  afterEach(() => configure(base));
  afterAll(() => st?.stop());

  /** The same stack with other settings (the store stays: same connection string). */
  const reconfigure = (s: Omit<Partial<Settings>, 'bodyPace'> & { bodyPace?: Partial<PaceLimits> }) => configure({ ...base, ...s, bodyPace: { ...base.bodyPace, ...s.bodyPace } });

  interface Answer {
    status: number;
    body: string;
    connection?: string;
    /** The server closed the connection after answering. */
    closed: boolean;
  }

  /** An upload declaring 1 MB that sends 64 KB and waits for finish() to send the rest; no answer in `giveUpMs` is status 0. */
  function slowSender(giveUpMs = 60_000): { answer: Promise<Answer>; finish(): void } {
    const u = new URL(`${st.api}/campaigns/c2026/townships/${t.id}/submissions`);
    let finish = () => undefined as void;
    const answer = new Promise<Answer>((resolve, reject) => {
      const req = http.request({ host: u.hostname, port: u.port, path: u.pathname, method: 'POST', agent: false, headers: { Authorization: `Bearer ${st.township(t.id)}`, 'Content-Length': String(MB) } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const out = { status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), connection: res.headers.connection, closed: false };
          // Closed by the server, or still open for the rest of the body (then we close it).
          const timer = setTimeout(() => {
            req.destroy();
            resolve(out);
          }, 2000);
          res.socket.once('close', () => {
            clearTimeout(timer);
            resolve({ ...out, closed: true });
          });
        });
      });
      req.on('error', reject);
      req.setTimeout(giveUpMs, () => {
        req.destroy();
        resolve({ status: 0, body: '', closed: false });
      });
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
    expect((await slow.answer).status).toBe(422);
    const taken = await st.call('POST', `/campaigns/c2026/townships/${t.id}/submissions`, { token: st.township(t.id), body: bytes });
    expect(taken.status).toBe(201);
  });

  test('a slow sender that falls behind a real upload’s pace holds only what it sent: an upload and a county POST behind it are answered', async () => {
    await st.ready();
    // No grace: 64 KB of 1 MB is behind the pace within a second. A long wait: without the pace
    // rule both requests below would sit out the whole of it and get 503.
    reconfigure({ turnWaitMs: 20_000, bodyPace: { trustGraceMs: 0 } });
    const other = TOWNSHIPS[1] as { id: string; name: string };
    const { bytes } = await filled(other, { seed: 12, n: 5 });
    const slow = slowSender();
    await new Promise((r) => setTimeout(r, 200));
    const [upload, access] = await Promise.all([
      st.call('POST', `/campaigns/c2026/townships/${other.id}/submissions`, { token: st.township(other.id), body: bytes }),
      st.call('POST', '/campaigns/c2026/access', { token: st.county(), json: { townships: [other.id] } }),
    ]);
    expect([upload.status, access.status]).toEqual([201, 200]);
    slow.finish();
    expect((await slow.answer).status).toBe(422);
  });

  test('a body that stops arriving is answered 408 in Chinese, and its connection is closed', async () => {
    await st.ready();
    reconfigure({ bodyPace: { stallMs: 300 } });
    const r = await slowSender(15_000).answer;
    expect(r.status).toBe(408);
    const e = errorBodySchema.parse(JSON.parse(r.body)).error;
    expect([e.code, e.message]).toEqual(['REQUEST_BODY_STALLED', '上传中断：已有 1 秒没有收到数据，本次请求未处理（已上报的内容不受影响）；请检查网络后重新上传']);
    expect([r.connection, r.closed]).toEqual(['close', true]);
  });
});
