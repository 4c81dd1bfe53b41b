// What the handler wrapper answers for what a body's reading throws: a body dropped for its pace
// is a 408 that closes the connection.
import { InvocationContext } from '@azure/functions';
import { ApiError } from '../../../functions/src/http/errors';
import { faultResponse } from '../../../functions/src/http/handler';

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
  test('a body dropped for its pace: 408 with Connection: close, nothing logged', () => {
    const { ctx, log } = context();
    const r = faultResponse(new ApiError('REQUEST_BODY_STALLED', { seconds: 30 }), ctx);
    expect([r.status, r.headers]).toEqual([408, { Connection: 'close' }]);
    expect(log).toEqual([]);
    // Other refusals keep their connection.
    expect(faultResponse(new ApiError('UPLOAD_EMPTY'), ctx).headers).toBeUndefined();
  });
});
