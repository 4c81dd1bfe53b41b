// The entity-group transaction: the body as built (lean-wire.test.ts also compares it byte for byte
// with the SDK's), and answers as Azurite and the service write them: every sub-response 2xx is
// success; any other status in any sub-response is the batch's failure; an answer with no
// sub-response is malformed.
import { batchBody, batchContentType, batchFailure, batchResponses } from '../../../functions/src/storage/lean/batch';
import type { TxOp } from '../../../functions/src/storage/store';

const ids = { batch: '11111111-1111-4111-8111-111111111111', changeset: '22222222-2222-4222-8222-222222222222' };
const URL_ = 'https://acct.table.core.windows.net/grading';

describe('the body', () => {
  it('one changeset; create = POST, upsert = PUT, replace = PUT with If-Match; keys quoted and encoded in the path; CRLF lines', () => {
    const ops: TxOp[] = [
      { op: 'create', pk: "p'k", rk: 'ver|东山|1', props: { n: 1, s: '东山镇', z: null } },
      { op: 'upsert', pk: "p'k", rk: 'a b', props: {} },
      { op: 'replace', pk: "p'k", rk: 'state|x', props: { ok: true }, etag: 'W/"datetime\'2026\'"' },
    ];
    const sub = (start: string, headers: string[], body: string) =>
      ['--changeset_' + ids.changeset, 'content-type: application/http', 'content-transfer-encoding: binary', '', start, ...headers, '', '', body].join('\r\n');
    expect(batchBody(URL_, ops, ids)).toBe(
      [
        `--batch_${ids.batch}\r\ncontent-type: multipart/mixed; boundary=changeset_${ids.changeset}\r\n\r\n`,
        sub(`POST ${URL_} HTTP/1.1`, ['Content-Type: application/json;odata=nometadata', 'Accept: application/json;odata=minimalmetadata', 'DataServiceVersion: 3.0', 'Prefer: return-no-content'], `{"n":1,"s":"东山镇","z":null,"PartitionKey":"p'k","RowKey":"ver|东山|1"}`),
        sub(`PUT ${URL_}(PartitionKey='p''k',RowKey='a%20b') HTTP/1.1`, ['Content-Type: application/json', 'DataServiceVersion: 3.0', 'Accept: application/json'], `{"PartitionKey":"p'k","RowKey":"a b"}`),
        sub(`PUT ${URL_}(PartitionKey='p''k',RowKey='state%7Cx') HTTP/1.1`, ['Content-Type: application/json', 'DataServiceVersion: 3.0', 'Accept: application/json', `If-Match: W/"datetime'2026'"`], `{"ok":true,"PartitionKey":"p'k","RowKey":"state|x"}`),
      ].join('\r\n') + `\r\n--changeset_${ids.changeset}--\r\n--batch_${ids.batch}--\r\n`,
    );
    expect(batchContentType(ids)).toBe(`multipart/mixed; boundary=batch_${ids.batch}`);
  });
});

/** A batch answer: one changeset response holding the given sub-responses (status line, headers, optional body). */
function answer(subs: Array<{ status: string; headers?: string[]; body?: string }>): string {
  const cs = 'changesetresponse_3a7fe9e0-bba9-4e14-8fa7-4f3a4a0b6a3b';
  const parts = subs.map((s) => [`--${cs}`, 'Content-Type: application/http', 'Content-Transfer-Encoding: binary', '', `HTTP/1.1 ${s.status}`, ...(s.headers ?? []), '', s.body ?? ''].join('\r\n'));
  return ['--batchresponse_7ab1c9c0-88ac-4c5f-9c8d-3bd44c4e61b8', `Content-Type: multipart/mixed; boundary=${cs}`, '', ...parts, `--${cs}--`, '--batchresponse_7ab1c9c0-88ac-4c5f-9c8d-3bd44c4e61b8--', ''].join('\r\n');
}

const etag = `ETag: W/"datetime'2026-12-07T07%3A42%3A05.8912461Z'"`;
const jsonError = (code: string, n: number) => `{"odata.error":{"code":"${code}","message":{"lang":"en-US","value":"${n}:The request failed.\\nRequestId:x\\nTime:2026-12-07T07:42:05.913Z"}}}`;

describe('the answer', () => {
  it.each<[string, string, Array<{ status: number; code: string }>, { status: number; code: string } | null]>([
    ['every operation done (Azurite: 204 each, with ETags)', answer([{ status: '204 No Content', headers: ['DataServiceVersion: 3.0;', etag] }, { status: '204 No Content', headers: [etag] }, { status: '204 No Content', headers: [etag] }]), [{ status: 204, code: '' }, { status: 204, code: '' }, { status: 204, code: '' }], null],
    [
      'a create answered 201 with the entity (the service without Prefer)',
      answer([{ status: '201 Created', headers: ['Content-ID: 1', 'Content-Type: application/json;odata=minimalmetadata', etag], body: `{"odata.etag":"W/\\"x\\"","PartitionKey":"p","RowKey":"HTTP/1.1 500","Text":"a\\nHTTP/1.1 500"}` }, { status: '204 No Content' }]),
      [{ status: 201, code: '' }, { status: 204, code: '' }],
      null,
    ],
    ['a replace whose ETag is stale: 412', answer([{ status: '412 Precondition Failed', headers: ['Content-ID: 2', 'Content-Type: application/json;odata=minimalmetadata;charset=utf-8'], body: jsonError('UpdateConditionNotSatisfied', 1) }]), [{ status: 412, code: 'UpdateConditionNotSatisfied' }], { status: 412, code: 'UpdateConditionNotSatisfied' }],
    ['a create of an existing entity: 409', answer([{ status: '409 Conflict', headers: ['Content-ID: 2'], body: jsonError('EntityAlreadyExists', 1) }]), [{ status: 409, code: 'EntityAlreadyExists' }], { status: 409, code: 'EntityAlreadyExists' }],
    ['a replace of a missing entity, answered in XML: 404', answer([{ status: '404 Not Found', headers: ['Content-ID: 1', 'Content-Type: application/xml'], body: '<?xml version="1.0" encoding="utf-8"?><error xmlns="http://schemas.microsoft.com/ado/2007/08/dataservices/metadata"><code>ResourceNotFound</code><message xml:lang="en-US">0:The specified resource does not exist.</message></error>' }]), [{ status: 404, code: 'ResourceNotFound' }], { status: 404, code: 'ResourceNotFound' }],
    ['an invalid operation: 400 InvalidInput', answer([{ status: '400 Bad Request', body: jsonError('InvalidInput', 0) }]), [{ status: 400, code: 'InvalidInput' }], { status: 400, code: 'InvalidInput' }],
    ['the service failing inside the batch: 500 (an outage)', answer([{ status: '500 Internal Server Error', body: jsonError('InternalError', 0) }]), [{ status: 500, code: 'InternalError' }], { status: 500, code: 'InternalError' }],
  ])('%s', (_name, body, subs, failure) => {
    expect(batchResponses(body)).toEqual(subs);
    expect(batchFailure(body)).toEqual(failure);
  });

  it('an answer without any sub-response is malformed, not a success', () => {
    expect(() => batchFailure('--batchresponse_x\r\n\r\n--batchresponse_x--\r\n')).toThrow(/no sub-response/);
    expect(() => batchFailure('')).toThrow(/no sub-response/);
  });
});
