// readUploadBody over requests built the way the Functions worker builds them with HTTP streaming
// on (@azure/functions 4.x, createStreamRequest): the proxied body as a Node stream inside an
// undici Request (duplex 'half'), the client's headers as the host passes them, wrapped in an
// HttpRequest. Content-Length survives that path, so a declared size is refused before a byte is
// read and a body is copied into one buffer of its size; without one, reading stops at the cap.
import { Readable } from 'node:stream';
import { HttpRequest } from '@azure/functions';
import { configure } from '../../../functions/src/config';
import { ClientGone, readUploadBody } from '../../../functions/src/http/body';
import { releaseBody } from '../../../functions/src/http/body-budget';
import { ApiError } from '../../../functions/src/http/errors';

const LIMIT = 1000;

interface Sent {
  req: HttpRequest;
  /** Bytes the stream has handed out so far. */
  pulled(): number;
}

/** A POST whose body arrives in `chunks`, with these headers, as the worker's proxy hands it on. */
function workerRequest(chunks: number[], headers: Record<string, string>): Sent {
  let pulled = 0;
  let i = 0;
  const stream = new Readable({
    read() {
      const n = chunks[i++];
      if (n === undefined) return void this.push(null);
      pulled += n;
      this.push(Buffer.alloc(n, i));
    },
  });
  const nativeRequest = new Request('http://localhost:7071/api/campaigns/c/townships/t/submissions', {
    method: 'POST',
    // Node's stream, as the worker passes its IncomingMessage.
    body: stream as unknown as ReadableStream<Uint8Array>,
    duplex: 'half',
    headers: { 'content-type': 'application/octet-stream', ...headers },
  } as RequestInit & { duplex: 'half' });
  const init = { nativeRequest, params: {} } as unknown as ConstructorParameters<typeof HttpRequest>[0];
  return { req: new HttpRequest(init), pulled: () => pulled };
}

async function outcome(s: Sent): Promise<{ bytes?: number; code?: string; message?: string }> {
  try {
    return { bytes: (await readUploadBody(s.req, LIMIT)).length };
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    return { code: e.code, message: e.message };
  } finally {
    releaseBody(s.req);
  }
}

describe('readUploadBody on a request shaped as the Functions worker shapes it', () => {
  beforeAll(() => configure({ connectionString: 'UseDevelopmentStorage=true', secret: 'body-test-secret-0123456789', bodyMemoryBytes: 4 * LIMIT, turnWaitMs: 1000 }));
  afterAll(() => configure({}));

  test('the client’s Content-Length reaches the handler through the worker’s request', () => {
    const s = workerRequest([10], { 'content-length': '10' });
    expect(s.req.headers.get('content-length')).toBe('10');
  });

  test.each<{ case: string; chunks: number[]; headers: Record<string, string>; want: { bytes?: number; code?: string } }>([
    { case: 'declared and sent in pieces', chunks: [300, 300, 400], headers: { 'content-length': '1000' }, want: { bytes: 1000 } },
    { case: 'not declared, under the cap', chunks: [300, 300], headers: {}, want: { bytes: 600 } },
    { case: 'declared 0, sent nothing', chunks: [], headers: { 'content-length': '0' }, want: { code: 'UPLOAD_EMPTY' } },
    { case: 'not declared, sent nothing', chunks: [], headers: {}, want: { code: 'UPLOAD_EMPTY' } },
    { case: 'sends more than it declared', chunks: [300, 300], headers: { 'content-length': '400' }, want: { code: 'REQUEST_BODY_INVALID' } },
    { case: 'declares more than the cap', chunks: [600, 600], headers: { 'content-length': '1200' }, want: { code: 'UPLOAD_TOO_LARGE' } },
    { case: 'not declared, more than the cap', chunks: [600, 600, 600], headers: {}, want: { code: 'UPLOAD_TOO_LARGE' } },
  ])('$case', async ({ chunks, headers, want }) => {
    expect(await outcome(workerRequest(chunks, headers))).toMatchObject(want);
  });

  test('a declared size over the cap is refused before a byte is read, both sizes in one unit in the message', async () => {
    const s = workerRequest([600, 600], { 'content-length': '1200' });
    const r = await outcome(s);
    expect(r.code).toBe('UPLOAD_TOO_LARGE');
    expect(s.pulled()).toBe(0);
    expect(r.message).toContain('文件大小 1200 字节 超过上限 1000 字节');
  });

  test('without a declared size, reading stops at the first piece past the cap; the rest is never pulled', async () => {
    const s = workerRequest([600, 600, 600, 600, 600], {});
    const r = await outcome(s);
    expect(r.code).toBe('UPLOAD_TOO_LARGE');
    expect(r.message).toContain('至少');
    // The stream may have buffered one piece ahead of the reader, never the whole body.
    expect(s.pulled()).toBeLessThan(3000);
  });
});

/** A worker-shaped POST whose body the test sends piece by piece (send), fails (fail) or ends (end). */
function manualRequest(headers: Record<string, string>): { req: HttpRequest; send(n: number | Buffer): void; end(): void; fail(e: Error): void } {
  const stream = new Readable({ read() {} });
  const nativeRequest = new Request('http://localhost:7071/api/campaigns/c/townships/t/submissions', {
    method: 'POST',
    body: stream as unknown as ReadableStream<Uint8Array>,
    duplex: 'half',
    headers: { 'content-type': 'application/octet-stream', ...headers },
  } as RequestInit & { duplex: 'half' });
  const init = { nativeRequest, params: {} } as unknown as ConstructorParameters<typeof HttpRequest>[0];
  return { req: new HttpRequest(init), send: (n) => void stream.push(typeof n === 'number' ? Buffer.alloc(n, 1) : n), end: () => void stream.push(null), fail: (e) => void stream.destroy(e) };
}

/** readUploadBody's outcome, readable at any moment without awaiting it. */
function watch(req: HttpRequest): { now(): { bytes?: number; code?: string; message?: string; error?: unknown } | undefined } {
  let out: { bytes?: number; code?: string; message?: string; error?: unknown } | undefined;
  readUploadBody(req, LIMIT).then(
    (b) => (out = { bytes: b.length }),
    (e: unknown) => (out = e instanceof ApiError ? { code: e.code, message: e.message } : { error: e }),
  );
  return { now: () => out };
}

describe('a body that arrives slowly (the clock is the test’s)', () => {
  // The budget is 4 bodies of the cap; streams and promises run for real, only timers and Date are the test's.
  beforeEach(() => {
    jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
    configure({ connectionString: 'UseDevelopmentStorage=true', secret: 'body-test-secret-0123456789', maxUploadBytes: LIMIT, bodyMemoryBytes: 4 * LIMIT, turnWaitMs: 30_000 });
  });
  afterEach(() => {
    jest.useRealTimers();
    configure({});
  });
  const settle = async () => {
    for (let i = 0; i < 5; i++) await new Promise((r) => setImmediate(r));
  };

  test('four bodies that declare the whole budget and send a byte hold only what they sent once the 2 s of grace are over: a small body is read then', async () => {
    const slow = [0, 1, 2, 3].map(() => manualRequest({ 'content-length': String(LIMIT) }));
    const slowOut = slow.map((s) => watch(s.req));
    for (const s of slow) s.send(1);
    await settle();
    const small = manualRequest({ 'content-length': '100' });
    const smallOut = watch(small.req);
    small.send(100);
    small.end();
    await settle();
    // Within the grace the declared sizes are theirs: the small body waits its turn, unread.
    expect(smallOut.now()).toBeUndefined();
    await jest.advanceTimersByTimeAsync(2100);
    await settle();
    expect(smallOut.now()).toEqual({ bytes: 100 });
    // The slow ones are still being read (not refused): they just hold less.
    expect(slowOut.map((o) => o.now())).toEqual([undefined, undefined, undefined, undefined]);
    for (const s of slow) releaseBody(s.req);
    releaseBody(small.req);
  });

  test('a body without Content-Length holds what has arrived, not the cap', async () => {
    const chunked = [0, 1, 2, 3].map(() => manualRequest({}));
    for (const c of chunked) {
      watch(c.req);
      c.send(10);
    }
    await settle();
    const small = manualRequest({ 'content-length': '100' });
    const smallOut = watch(small.req);
    small.send(100);
    small.end();
    await settle();
    expect(smallOut.now()).toEqual({ bytes: 100 });
    for (const c of chunked) releaseBody(c.req);
    releaseBody(small.req);
  });

  test('no byte for 30 s: 408 REQUEST_BODY_STALLED, in Chinese', async () => {
    const s = manualRequest({ 'content-length': String(LIMIT) });
    const out = watch(s.req);
    s.send(100);
    await settle();
    await jest.advanceTimersByTimeAsync(29_000);
    expect(out.now()).toBeUndefined();
    await jest.advanceTimersByTimeAsync(1_100);
    await settle();
    expect(out.now()).toEqual({ code: 'REQUEST_BODY_STALLED', message: '上传中断：已有 30 秒没有收到数据，本次请求未处理（已上报的内容不受影响）；请检查网络后重新上传' });
    releaseBody(s.req);
  });

  test('a byte a second: 408 REQUEST_BODY_TOO_SLOW at the end of the first minute', async () => {
    const s = manualRequest({ 'content-length': String(LIMIT) });
    const out = watch(s.req);
    for (let i = 0; i < 59; i++) {
      s.send(1);
      await settle();
      await jest.advanceTimersByTimeAsync(1000);
    }
    expect(out.now()).toBeUndefined();
    s.send(1);
    await settle();
    await jest.advanceTimersByTimeAsync(1000);
    await settle();
    expect(out.now()).toEqual({ code: 'REQUEST_BODY_TOO_SLOW', message: '上传过慢：60 秒内只收到 60 字节，本次请求未处理（已上报的内容不受影响）；请检查网络后重新上传' });
    releaseBody(s.req);
  });

  test('a connection that breaks mid-body is the client gone, not a fault', async () => {
    const s = manualRequest({ 'content-length': String(LIMIT) });
    const out = watch(s.req);
    s.send(100);
    await settle();
    s.fail(Object.assign(new Error('aborted'), { code: 'ECONNRESET' }));
    await settle();
    expect(out.now()?.error).toBeInstanceOf(ClientGone);
    releaseBody(s.req);
  });
});

describe('a form post instead of the file', () => {
  beforeAll(() => configure({ connectionString: 'UseDevelopmentStorage=true', secret: 'body-test-secret-0123456789', bodyMemoryBytes: 4 * LIMIT, turnWaitMs: 1000 }));
  afterAll(() => configure({}));
  const form = Buffer.from('--XyZ\r\nContent-Disposition: form-data; name="file"; filename="a.xlsx"\r\nContent-Type: application/octet-stream\r\n\r\nPK\u0003\u0004\r\n--XyZ--\r\n');

  test.each([
    ['said by its Content-Type (refused before a byte is read)', 'multipart/form-data; boundary=XyZ'],
    ['seen in its first lines', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
  ])('%s: 415 UPLOAD_MULTIPART, saying to send the file itself', async (_what, type) => {
    const s = manualRequest({ 'content-type': type, 'content-length': String(form.length) });
    s.send(form);
    s.end();
    const r = await outcome({ req: s.req, pulled: () => 0 });
    expect(r.code).toBe('UPLOAD_MULTIPART');
    expect(r.message).toBe('上传的是网页表单格式（multipart/form-data）的内容，不是工作簿文件本身；请直接发送 .xlsx 文件本身（例如 curl --data-binary @文件.xlsx），不要用表单上传');
    // A text file that starts with dashes is not taken for one (it goes on to the reader).
    const text = Buffer.from('--,党组织名称\r\n1,东山');
    const t = manualRequest({ 'content-type': type.startsWith('multipart') ? 'text/plain' : type, 'content-length': String(text.length) });
    t.send(text);
    t.end();
    expect(await outcome({ req: t.req, pulled: () => 0 })).toEqual({ bytes: text.length });
  });
});
