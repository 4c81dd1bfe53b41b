// One lean storage call against a server that misbehaves on purpose (capture.ts): what is tried again
// (5xx, 408, a reset connection: up to STORAGE_LIMITS.tries, each try signed afresh), what is not (any
// other status, an answer over the cap), and how each failure is classified: an outage (503 to the
// caller) or a fault (500). No timings are asserted; a deadline is set short so a hung server ends.
import { isOutage, STORAGE_LIMITS } from '../../../functions/src/storage/errors';
import { ResponseTooLargeError, send, StorageHttpError, StorageTransportError, targetOf, type Call } from '../../../functions/src/storage/lean/http';
import { startCapture, type Answer, type CaptureServer } from './capture';

let cap: CaptureServer;
beforeAll(async () => {
  cap = await startCapture();
});
afterAll(() => cap.close());
beforeEach(() => {
  cap.requests = [];
});

let signed = 0;
const call = (o: Partial<Call> = {}): Call => ({
  what: 'test call',
  method: 'GET',
  path: '/devstoreaccount1/grading/x',
  query: '',
  headers: { 'x-ms-version': '2026-04-06' },
  maxBody: 1024,
  deadline: Date.now() + 10_000,
  sign: (h) => `SharedKey devstoreaccount1:${h['x-ms-date'] ?? ''}#${++signed}`,
  ...o,
});
const target = () => targetOf(`${cap.url}/devstoreaccount1`);

/** Answers in turn, the last one repeated. */
function script(...answers: Array<Answer | 'hang' | 'reset'>) {
  let n = 0;
  cap.answer = () => answers[Math.min(n++, answers.length - 1)] ?? { status: 404 };
}

describe('tried again', () => {
  it.each<[string, Answer | 'reset']>([
    ['503 Server Busy', { status: 503, headers: { 'x-ms-error-code': 'ServerBusy' } }],
    ['500', { status: 500 }],
    ['408', { status: 408 }],
    ['a reset connection', 'reset'],
  ])('%s, then success: the answer of the last try, each try signed afresh', async (_name, bad) => {
    script(bad, bad, { status: 200, body: 'ok' });
    const r = await send(target(), call());
    expect(r.status).toBe(200);
    expect(r.body.toString()).toBe('ok');
    expect(cap.requests).toHaveLength(STORAGE_LIMITS.tries);
    expect(new Set(cap.requests.map((q) => q.headers.authorization)).size).toBe(STORAGE_LIMITS.tries);
  });

  it('503 every time: a StorageHttpError 503 after every try, an outage', async () => {
    script({ status: 503, headers: { 'x-ms-error-code': 'ServerBusy' } });
    const e: unknown = await send(target(), call()).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(StorageHttpError);
    expect(e).toMatchObject({ statusCode: 503, errorCode: 'ServerBusy' });
    expect(isOutage(e)).toBe(true);
    expect(cap.requests).toHaveLength(STORAGE_LIMITS.tries);
  });

  it('reset every time: a StorageTransportError after every try, an outage', async () => {
    script('reset');
    const e = await send(target(), call()).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(StorageTransportError);
    expect(isOutage(e)).toBe(true);
    expect(cap.requests).toHaveLength(STORAGE_LIMITS.tries);
  });

  it('nothing listening: a StorageTransportError naming the refusal, an outage', async () => {
    const e = await send(targetOf('http://127.0.0.1:9/devstoreaccount1'), call()).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(StorageTransportError);
    expect(String(e)).toContain('ECONNREFUSED');
    expect(isOutage(e)).toBe(true);
  });
});

describe('answered at once', () => {
  it.each([404, 409, 412, 403, 400, 501])('%i is the caller’s to judge: one try', async (status) => {
    script({ status, headers: { 'x-ms-error-code': 'Some' } });
    const r = await send(target(), call());
    expect(r.status).toBe(status);
    expect(cap.requests).toHaveLength(1);
  });

  it('sends the body with its length, and the headers given', async () => {
    script({ status: 201 });
    await send(target(), call({ method: 'PUT', body: Buffer.from('东山'), headers: { 'content-length': '6', 'x-ms-blob-type': 'BlockBlob' } }));
    const q = cap.requests[0];
    expect(q?.body.toString()).toBe('东山');
    expect(q?.headers).toMatchObject({ 'content-length': '6', 'x-ms-blob-type': 'BlockBlob' });
    expect(q?.headers['x-ms-date']).toMatch(/GMT$/);
  });
});

describe('bounded', () => {
  it.each<[string, Answer]>([
    ['declared larger than the cap', { status: 200, body: 'x'.repeat(2000) }],
    ['sent chunked and growing past the cap', { status: 200, body: 'x'.repeat(2000), chunked: true }],
  ])('an answer %s is a ResponseTooLargeError, a fault, not tried again', async (_name, a) => {
    script(a);
    const e = await send(target(), call({ maxBody: 1024 })).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ResponseTooLargeError);
    expect(isOutage(e)).toBe(false);
    expect(cap.requests).toHaveLength(1);
  });

  it('an answer at the cap is read whole', async () => {
    script({ status: 200, body: 'y'.repeat(1024), chunked: true });
    expect((await send(target(), call({ maxBody: 1024 }))).body.length).toBe(1024);
  });

  it('a server that never answers: a TimeoutError at the deadline, an outage', async () => {
    script('hang');
    const e = await send(target(), call({ deadline: Date.now() + 300 })).catch((x: unknown) => x);
    expect(e).toMatchObject({ name: 'TimeoutError' });
    expect(isOutage(e)).toBe(true);
    expect(cap.requests).toHaveLength(1);
  });
});
