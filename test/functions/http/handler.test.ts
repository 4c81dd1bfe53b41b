// What the handler wrapper answers and logs for what a body's reading throws: a client that went
// away is one info line (not a fault with its stack), a body dropped for its pace is a 408 that
// closes the connection.
import { InvocationContext, type HttpRequest } from '@azure/functions';
import { ClientGone } from '../../../functions/src/http/body';
import { ApiError } from '../../../functions/src/http/errors';
import { endpoint, faultResponse } from '../../../functions/src/http/handler';

function context(): { ctx: InvocationContext; log: Array<[string, string]> } {
  const log: Array<[string, string]> = [];
  const ctx = new InvocationContext({
    invocationId: 'inv-1',
    functionName: 'submissionUpload',
    logHandler: (level, ...args) => log.push([level, args.map((a) => (a instanceof Error ? `${a.name}: ${a.message}\n${a.stack ?? ''}` : String(a))).join(' ')]),
  });
  return { ctx, log };
}

describe('faultResponse', () => {
  test('a client gone mid-body: one info line without a stack, answered (to nobody) 400 in Chinese', () => {
    const { ctx, log } = context();
    const r = faultResponse(new ClientGone('aborted'), ctx);
    expect(log).toEqual([['information', "submissionUpload: the client's connection ended before its request body was read (aborted) (invocation inv-1)"]]);
    expect(r.status).toBe(400);
    expect(r.jsonBody).toEqual({ error: { code: 'REQUEST_ABORTED', message: '连接在请求内容传完之前已断开，本次请求未处理；请重新上传' } });
  });

  test('through endpoint() as well', async () => {
    const { ctx, log } = context();
    const r = await endpoint(() => Promise.reject(new ClientGone('aborted')))({} as HttpRequest, ctx);
    expect(log.map(([level]) => level)).toEqual(['information']);
    expect(r.status).toBe(400);
  });

  test('a body dropped for its pace: 408 with Connection: close, nothing logged', () => {
    const { ctx, log } = context();
    const r = faultResponse(new ApiError('REQUEST_BODY_STALLED', { seconds: 30 }), ctx);
    expect([r.status, r.headers]).toEqual([408, { Connection: 'close' }]);
    expect(log).toEqual([]);
    // Other refusals keep their connection.
    expect(faultResponse(new ApiError('UPLOAD_EMPTY'), ctx).headers).toBeUndefined();
  });
});
