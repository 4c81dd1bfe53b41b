// An entity-group transaction ($batch): one changeset of sub-requests, all or none. The body is laid
// out byte for byte as @azure/data-tables lays it out (boundaries aside; lean-batch.test.ts compares
// them), since that layout is the one known to work against the service:
//   create  = POST {table}                 (fails 409 when the entity exists)
//   upsert  = PUT  {table}(keys)           no If-Match: insert or replace
//   replace = PUT  {table}(keys) If-Match  (fails 412 when the ETag no longer matches)
// The answer is 202 with one sub-response per operation, or the one that failed; any sub-response
// that is not 2xx means nothing was written.
import { randomUUID } from 'node:crypto';
import type { TxOp } from '../store';
import { entityJson, entityPath } from './entity';

const CRLF = '\r\n';

export interface BatchIds {
  batch: string;
  changeset: string;
}

export const newBatchIds = (): BatchIds => ({ batch: randomUUID(), changeset: randomUUID() });

/** One sub-request: the part headers, a blank line, the request line and headers, two blank lines, the body. */
function part(changeset: string, start: string, headers: string[], body: string): string {
  return [`--changeset_${changeset}${CRLF}content-type: application/http${CRLF}content-transfer-encoding: binary`, '', start, ...headers, CRLF, body].join(CRLF);
}

/** The multipart body for `ops` against the table at `tableUrl` (absolute: sub-requests name full URLs). */
export function batchBody(tableUrl: string, ops: readonly TxOp[], ids: BatchIds): string {
  const parts = [`--batch_${ids.batch}${CRLF}content-type: multipart/mixed; boundary=changeset_${ids.changeset}${CRLF}${CRLF}`];
  for (const o of ops) {
    const body = entityJson(o.pk, o.rk, o.props);
    if (o.op === 'create') {
      parts.push(part(ids.changeset, `POST ${tableUrl} HTTP/1.1`, ['Content-Type: application/json;odata=nometadata', 'Accept: application/json;odata=minimalmetadata', 'DataServiceVersion: 3.0', 'Prefer: return-no-content'], body));
    } else {
      const headers = ['Content-Type: application/json', 'DataServiceVersion: 3.0', 'Accept: application/json'];
      if (o.op === 'replace') headers.push(`If-Match: ${o.etag}`);
      parts.push(part(ids.changeset, `PUT ${entityPath(tableUrl, o.pk, o.rk)} HTTP/1.1`, headers, body));
    }
  }
  return `${parts.join(CRLF)}${CRLF}--changeset_${ids.changeset}--${CRLF}--batch_${ids.batch}--${CRLF}`;
}

export const batchContentType = (ids: BatchIds) => `multipart/mixed; boundary=batch_${ids.batch}`;

export interface SubResponse {
  status: number;
  /** The error code of a failed sub-response (JSON odata.error or XML <code>), '' when none. */
  code: string;
}

/** The sub-responses of a batch answer, in order (a status line "HTTP/1.1 nnn" starts each). */
export function batchResponses(body: string): SubResponse[] {
  const out: SubResponse[] = [];
  const lines = /^HTTP\/1\.1 (\d{3})/gm;
  const starts: Array<{ at: number; status: number }> = [];
  for (let m = lines.exec(body); m; m = lines.exec(body)) starts.push({ at: m.index, status: Number(m[1]) });
  starts.forEach((s, i) => {
    const text = body.slice(s.at, starts[i + 1]?.at ?? body.length);
    const code = s.status >= 300 ? (/"code"\s*:\s*"([^"]*)"|<code>([^<]*)<\/code>/.exec(text)?.slice(1).find((c) => c !== undefined) ?? '') : '';
    out.push({ status: s.status, code });
  });
  return out;
}

/** The first sub-response that failed, or null when every one succeeded; an answer with none is malformed. */
export function batchFailure(body: string): SubResponse | null {
  const subs = batchResponses(body);
  if (subs.length === 0) throw new Error('table transaction: the answer holds no sub-response');
  return subs.find((s) => s.status < 200 || s.status >= 300) ?? null;
}
