// The lean client sends what the SDKs send. The same Store calls go through the SDK store and the
// lean store to a server that records each request (capture.ts); for each call the two requests must
// agree on method, path (byte for byte: key and blob-name escaping), query, the headers the service
// reads, and body (a transaction's boundaries aside). Signatures: our Shared Key signer, given the
// SDK's request, must produce the SDK's Authorization; and each lean request must carry the
// signature of exactly what went on the wire. Both endpoint shapes: Azure's (host per account, no
// path) and Azurite's (path style, /devstoreaccount1).
import { createSdkStore } from '../../../functions/src/storage/sdk-store';
import { createAzureStore, type Store, type TxOp } from '../../../functions/src/storage/store';
import { BLOB_VERSION } from '../../../functions/src/storage/lean/blob';
import { blobAuthorization, tableAuthorization } from '../../../functions/src/storage/lean/shared-key';
import { TABLE_VERSION } from '../../../functions/src/storage/lean/table';
import { connectionStringFor, DEV_KEY, startCapture, type Answer, type Captured, type CaptureServer } from './capture';

const KEY = Buffer.from(DEV_KEY, 'base64');
const ACCOUNT = 'devstoreaccount1';

/** Keys that need quoting, escaping or percent-encoding (some the service refuses; both clients must send them alike). */
const KEYS = ["p'k", "it''s", 'a/b', 'a#b', 'a?b', '100%', 'a b+c&d=e', '青山县|东山镇', 'é😀', 'state|dongshan', ''];
const BLOBS = ['c2026/dongshan/' + 'ab'.repeat(32) + '.json', 'c2026/campaign.json', '名单/东山 镇.xlsx', "it's (1)!*.json"];
const ETAG = `W/"datetime'2026-12-07T07%3A42%3A05.8912461Z'"`;
const ops: TxOp[] = [
  { op: 'create', pk: "p'k", rk: 'ver|东山|1', props: { s: '东山镇', n: 3, d: 0.5, big: 2 ** 40, neg: -1, b: true, f: false, z: null, e: '', json: JSON.stringify({ a: '"q"' }) } },
  { op: 'upsert', pk: "p'k", rk: "it's", props: { a: 'é' } },
  { op: 'replace', pk: "p'k", rk: 'state|dongshan', props: { state: 'submitted', currentVersion: 2 }, etag: ETAG },
];

/** Every Store call the app makes, with awkward inputs; failures (the server answers 404) are expected. */
const calls: Array<[string, (s: Store) => Promise<unknown>]> = [
  ['init', (s) => s.init()],
  ...BLOBS.map((n): [string, (s: Store) => Promise<unknown>] => [`putBlobIfAbsent ${n}`, (s) => s.putBlobIfAbsent(n, Buffer.from(`{"name":"${n}"}`), 'application/json')]),
  ['putBlobIfAbsent xlsx bytes', (s) => s.putBlobIfAbsent('c/t/h.xlsx', new Uint8Array([80, 75, 3, 4, 0, 255]), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')],
  ...BLOBS.map((n): [string, (s: Store) => Promise<unknown>] => [`getBlob ${n}`, (s) => s.getBlob(n)]),
  ...KEYS.map((k): [string, (s: Store) => Promise<unknown>] => [`getEntity ${k}`, (s) => s.getEntity(k, k)]),
  ...KEYS.map((k): [string, (s: Store) => Promise<unknown>] => [`listEntities ${k}`, (s) => s.listEntities(k, k)]),
  ['transact', (s) => s.transact("p'k", ops)],
];

/** Answers that let both clients go on: created container and table, a query page with a continuation, else 404. */
function answer(r: Captured): Answer {
  if (r.method === 'PUT' && r.query === 'restype=container') return { status: 201 };
  if (r.method === 'POST' && r.path.endsWith('/Tables')) return { status: 204 };
  if (r.method === 'GET' && r.path.endsWith('()')) {
    const first = !r.query.includes('NextPartitionKey');
    const next: Record<string, string> = first ? { 'x-ms-continuation-NextPartitionKey': '1!8!cCdrAA--', 'x-ms-continuation-NextRowKey': '1!20!c3RhdGV8ZG9uZ3NoYW4-' } : {};
    return { status: 200, headers: { 'content-type': 'application/json;odata=minimalmetadata', ...next }, body: '{"value":[]}' };
  }
  return { status: 404 };
}

/** The headers the services read (the SDKs also send user-agent, request ids and accept-encoding; those are not compared). */
const READ = ['x-ms-version', 'content-type', 'content-length', 'accept', 'accept-charset', 'dataserviceversion', 'maxdataserviceversion', 'if-match', 'if-none-match', 'x-ms-blob-type', 'x-ms-blob-content-type', 'prefer'];
const boundaries = (s: string) => s.replace(/(batch|changeset)_[0-9a-f-]{36}/g, '$1_ID');

function shape(r: Captured) {
  return {
    method: r.method,
    path: r.path,
    query: [...new URLSearchParams(r.query)].sort(),
    headers: Object.fromEntries(READ.filter((h) => r.headers[h] !== undefined).map((h) => [h, boundaries(r.headers[h] ?? '')])),
    body: boundaries(r.body.toString('utf8')),
  };
}

/** Our signer over a captured request: SharedKey for Blob (x-ms-blob-* or restype or a blob path), SharedKeyLite for Table. */
function ourSignature(r: Captured, table: boolean): string {
  if (table) return tableAuthorization(ACCOUNT, KEY, r.path, r.query, r.headers['x-ms-date'] ?? '');
  return blobAuthorization(ACCOUNT, KEY, r.method, r.path, r.query, r.headers);
}

let cap: CaptureServer;
beforeAll(async () => {
  cap = await startCapture();
  cap.answer = answer;
});
afterAll(() => cap.close());

async function run(store: Store, name: string): Promise<Captured[]> {
  const call = calls.find(([n]) => n === name)?.[1];
  if (!call) throw new Error(name);
  cap.requests = [];
  await call(store).catch(() => undefined);
  return cap.requests;
}

describe.each([
  ['Azure shape (no endpoint path)', ''],
  ['Azurite shape (/devstoreaccount1)', '/devstoreaccount1'],
])('%s', (_shape, path) => {
  it.each(calls.map(([n]) => [n]))('%s', async (name) => {
    const cs = connectionStringFor(cap.url, path);
    const sdk = await run(createSdkStore(cs, 'grading', 'grading'), name);
    const lean = await run(createAzureStore(cs, 'grading', 'grading'), name);
    expect(sdk.length).toBeGreaterThan(0);
    expect(lean.map(shape)).toEqual(sdk.map(shape));
    for (const [i, r] of sdk.entries()) {
      const table = (r.headers.authorization ?? '').startsWith('SharedKeyLite ');
      // Our signer, given the SDK's request, signs as the SDK did…
      expect(ourSignature(r, table)).toBe(r.headers.authorization);
      // …and the lean client signed exactly what it sent, with the same scheme.
      const l = lean[i] as Captured;
      expect(l.headers.authorization?.split(' ')[0]).toBe(r.headers.authorization?.split(' ')[0]);
      expect(ourSignature(l, table)).toBe(l.headers.authorization);
    }
  });
});

it('the versions sent (the SDKs’ pins, compared above) are ones Azurite accepts without --skipApiVersionCheck', () => {
  /* eslint-disable @typescript-eslint/no-require-imports -- azurite ships no typings for its constants */
  const blob = require('azurite/dist/src/blob/utils/constants') as { ValidAPIVersions: string[] };
  const table = require('azurite/dist/src/table/utils/constants') as { ValidAPIVersions: string[] };
  /* eslint-enable @typescript-eslint/no-require-imports */
  expect(blob.ValidAPIVersions).toContain(BLOB_VERSION);
  expect(table.ValidAPIVersions).toContain(TABLE_VERSION);
});
