// Faults answered by the handler wrapper itself (the exported handlers called with the library's own
// HttpRequest, no dev host): storage that stops answering is a 503 with a Chinese message and a
// Retry-After; any other fault is a 500 whose Chinese body names the invocation id, which is in
// the log beside the error.
import { HttpRequest, InvocationContext, type HttpResponseInit } from '@azure/functions';
import { configure } from '../../functions/src/config';
import { handler as createCampaign } from '../../functions/src/functions/campaign-create';
import { handler as completeness } from '../../functions/src/functions/completeness';
import { handler as upload } from '../../functions/src/functions/submission-upload';
import { handler as review } from '../../functions/src/functions/review';
import { resetStore } from '../../functions/src/storage/store-singleton';
import type { Store } from '../../functions/src/storage/store';
import { errorBodySchema } from '../../shared/api/contract';
import { startAzurite } from '../helpers/azurite';
import { credentialBook } from '../helpers/credentials';
import { filled } from './filled';
import { campaignBody } from './stack';

const SECRET = 'outage-secret-0123456789';
// Credentials are records in storage: written for each fresh storage.
let county = '';
let dongshan = '';

interface Logged {
  level: string;
  text: string;
}
function context(id: string, log: Logged[]): InvocationContext {
  return new InvocationContext({
    invocationId: id,
    functionName: 'test',
    logHandler: (level, ...args) => log.push({ level, text: args.map((a) => (a instanceof Error ? `${a.name}: ${a.message}` : String(a))).join(' ') }),
  });
}
function request(method: string, path: string, token: string, params: Record<string, string>, body?: { json?: unknown; bytes?: Uint8Array }): HttpRequest {
  return new HttpRequest({
    method,
    url: `http://localhost/api${path}`,
    headers: { authorization: `Bearer ${token}`, ...(body?.json !== undefined ? { 'content-type': 'application/json' } : {}) },
    params,
    ...(body?.json !== undefined ? { body: { string: JSON.stringify(body.json) } } : body?.bytes ? { body: { bytes: body.bytes } } : {}),
  });
}
const getCompleteness = (id: string, log: Logged[]) => completeness(request('GET', '/campaigns/c2026/completeness', county, { campaignId: 'c2026' }), context(id, log)) as Promise<HttpResponseInit>;
const errorOf = (r: HttpResponseInit) => errorBodySchema.parse(r.jsonBody).error;
const header = (r: HttpResponseInit, name: string) => new Headers(r.headers as HeadersInit | undefined).get(name);

/** Fails the next store call with the given error (once). */
let failNext: Error | null = null;
function failing(inner: Store): Store {
  const maybe = <T>(op: () => Promise<T>) => {
    const e = failNext;
    failNext = null;
    return e ? Promise.reject(e) : op();
  };
  return {
    init: () => inner.init(),
    putBlobIfAbsent: (n, b, t) => maybe(() => inner.putBlobIfAbsent(n, b, t)),
    getBlob: (n) => maybe(() => inner.getBlob(n)),
    getEntity: (pk, rk) => maybe(() => inner.getEntity(pk, rk)),
    listEntities: (pk, p) => maybe(() => inner.listEntities(pk, p)),
    transact: (pk, ops) => maybe(() => inner.transact(pk, ops)),
  };
}

let az: Awaited<ReturnType<typeof startAzurite>> | null = null;
async function freshStorage(): Promise<void> {
  await az?.stop();
  az = await startAzurite();
  configure({ connectionString: az.connectionString, secret: SECRET }, failing);
  resetStore();
  const book = await credentialBook(az.connectionString, SECRET, { id: 'shifan', name: '示范县' });
  county = book.county();
  dongshan = book.township('c2026', 'dongshan');
  await book.ready();
  const log: Logged[] = [];
  const r = (await createCampaign(request('POST', '/campaigns', county, {}, { json: campaignBody() }), context('create', log))) as HttpResponseInit;
  expect(r.status).toBe(201);
}
afterAll(async () => {
  await az?.stop();
});

describe('storage stops answering', () => {
  beforeEach(freshStorage);

  it('a county view answers 503 with a Chinese message and Retry-After, and logs a warning', async () => {
    const log: Logged[] = [];
    expect((await getCompleteness('before', log)).status).toBe(200);
    await az?.stop();
    const r = await getCompleteness('after-stop', log);
    expect(r.status).toBe(503);
    const e = errorOf(r);
    expect(e.code).toBe('STORAGE_UNAVAILABLE');
    expect(e.message).toBe('存储服务暂时无法访问，本次操作未生效；请 5 秒后重试');
    expect(header(r, 'Retry-After')).toBe('5');
    expect(log.filter((l) => l.level === 'warning').map((l) => l.text).join('\n')).toContain('after-stop');
  });

  it('an upload answers 503 the same way', async () => {
    const wb = await filled({ id: 'dongshan', name: '东山镇' }, { seed: 1, n: 5 });
    await az?.stop();
    const r = (await upload(request('POST', '/campaigns/c2026/townships/dongshan/submissions', dongshan, { campaignId: 'c2026', townshipId: 'dongshan' }, { bytes: wb.bytes }), context('up', []))) as HttpResponseInit;
    expect(r.status).toBe(503);
    expect(errorOf(r).code).toBe('STORAGE_UNAVAILABLE');
    expect(header(r, 'Retry-After')).toBe('5');
  });

  it('a process that starts while storage is down answers 503, and 200 once it is back', async () => {
    await az?.stop();
    resetStore();
    const r = await getCompleteness('cold', []);
    expect(r.status).toBe(503);
    expect(errorOf(r).code).toBe('STORAGE_UNAVAILABLE');
    // The failed start is not remembered: new storage, the same process.
    await freshStorage();
    expect((await getCompleteness('back', [])).status).toBe(200);
  });
});

describe('any other fault', () => {
  beforeAll(freshStorage);

  it('is a 500 whose Chinese body names the invocation id; the log has the id and the error', async () => {
    const log: Logged[] = [];
    failNext = new TypeError("Cannot read properties of undefined (reading 'state')");
    const r = await getCompleteness('inv-7f3a', log);
    expect(r.status).toBe(500);
    const e = errorOf(r);
    expect(e.code).toBe('SERVER_FAULT');
    expect(e.message).toBe('服务器处理请求时出错，本次操作未生效；请稍后重试。如仍出错，请把错误编号 inv-7f3a 告知系统管理员');
    expect(JSON.stringify(r.jsonBody)).not.toMatch(/TypeError|reading|at .*\.ts/);
    const errors = log.filter((l) => l.level === 'error').map((l) => l.text).join('\n');
    expect(errors).toContain('inv-7f3a');
    expect(errors).toContain("TypeError: Cannot read properties of undefined (reading 'state')");
  });

  it('a review refusal is still a refusal, not a fault (the wrapper leaves ApiErrors alone)', async () => {
    const r = (await review(request('POST', '/campaigns/c2026/townships/dongshan/review', county, { campaignId: 'c2026', townshipId: 'dongshan' }, { json: { action: 'accept', version: 1 } }), context('rv', []))) as HttpResponseInit;
    expect(r.status).toBe(409);
    expect(errorOf(r).code).toBe('REVIEW_NOTHING');
  });
});
