// A plain JSON answer is written without building an HttpResponse; what it writes must be what
// HttpResponse gives for the same answer (status, every header, every byte).
import { HttpResponse, type HttpResponseInit } from '@azure/functions';
import { answerOf } from '../../../functions/dev/host-response';

const cases: Array<[string, HttpResponseInit]> = [
  ['a receipt', { status: 201, jsonBody: { submissionId: 'c.t.v1', warnings: [{ code: 'RECT_MISSING', message: '第 5 行缺少整改台账' }], duplicate: false } }],
  ['no status', { jsonBody: { ok: true } }],
  ['a refusal with Retry-After', { status: 503, jsonBody: { error: { code: 'STORAGE_BUSY' } }, headers: { 'Retry-After': '2' } }],
  ['an ETag and a content type of its own', { status: 200, jsonBody: [1, '二', null], headers: { ETag: '"3"', 'Content-Type': 'application/problem+json' } }],
  ['a JSON string and a lone surrogate', { status: 200, jsonBody: 'a\ud800b' }],
  ['a Headers object', { status: 200, jsonBody: 0, headers: new Headers([['X-B', ' 1 '], ['x-a', '2']]) }],
];

describe('the dev host’s answer of a plain JSON result', () => {
  it.each(cases)('is what HttpResponse gives: %s', async (_n, init) => {
    const fast = await answerOf(init);
    const slow = await answerOf(new HttpResponse(init));
    expect(fast.status).toBe(slow.status);
    expect(Object.entries(fast.headers)).toEqual(Object.entries(slow.headers));
    expect(fast.bytes.equals(slow.bytes)).toBe(true);
  });

  it('leaves bodies and null-body statuses to HttpResponse', async () => {
    const file = await answerOf({ status: 200, body: new Uint8Array([1, 2, 3]), headers: { 'Content-Type': 'application/octet-stream' } });
    expect([...file.bytes]).toEqual([1, 2, 3]);
    expect(file.headers['content-type']).toBe('application/octet-stream');
    const empty = await answerOf({ status: 204, jsonBody: { dropped: true } });
    expect(empty.status).toBe(204);
    expect(empty.bytes.length).toBe(0);
  });
});
