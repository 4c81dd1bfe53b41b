// The lean store and the SDK store against the same Azurite: what one writes the other reads
// identically (types, keys, ETags), an ETag read through one guards a write through the other,
// conflicts and misses are the same errors, a transaction is all or nothing, and a listing of more
// than 1,000 entities follows the continuation to the end. Azurite checks every signature, so
// these calls also prove the lean client signs as Azurite expects.
import { status } from '../../../functions/src/storage/errors';
import { parseConnectionString } from '../../../functions/src/storage/lean/connection-string';
import { createLeanStore } from '../../../functions/src/storage/lean/store';
import { createSdkStore } from '../../../functions/src/storage/sdk-store';
import { ConflictError, StorageUnavailableError, type Entity, type Store, type TxOp } from '../../../functions/src/storage/store';
import { startAzurite } from '../../helpers/azurite';

let az: Awaited<ReturnType<typeof startAzurite>>;
let sdk: Store;
let lean: Store;
beforeAll(async () => {
  az = await startAzurite();
  const account = parseConnectionString(az.connectionString);
  if (!account) throw new Error('Azurite connection string not served by the lean client');
  sdk = createSdkStore(az.connectionString, 'grading', 'grading');
  lean = createLeanStore(account, 'grading', 'grading');
  await lean.init();
});
afterAll(() => az.stop());

const both = () => [['sdk', sdk], ['lean', lean]] as const;
let n = 0;
/** A partition of its own for each test, so each passes alone. */
const partition = (name: string) => `${name}-${++n}-${Date.now()}`;

const props: Entity = { s: '东山镇', empty: '', quote: "it's \"q\"", n: 3, neg: -7, zero: 0, d: 0.5, third: 1 / 3, big: 2 ** 40, whole: 5.0, t: true, f: false, json: JSON.stringify({ 好: 1 }) };

async function caught(p: Promise<unknown>): Promise<unknown> {
  return p.then(
    () => 'resolved',
    (e: unknown) => e,
  );
}

it('init a second time is fine through either', async () => {
  await sdk.init();
  await lean.init();
});

it.each(['sdk', 'lean'])('what %s writes both read identically: types, keys, the same ETag', async (writer) => {
  const pk = partition(`w${writer}`);
  const w = writer === 'sdk' ? sdk : lean;
  const keys = ['state|dongshan', "it's", '青山县|东山镇', 'é😀', '100%', 'a b+c'];
  await w.transact(pk, keys.map((rk): TxOp => ({ op: 'create', pk, rk, props: { ...props, z: null } })));
  for (const rk of keys) {
    const [a, b] = [await sdk.getEntity(pk, rk), await lean.getEntity(pk, rk)];
    expect(b).toEqual(a);
    expect(b).toEqual({ ...props, partitionKey: pk, rowKey: rk, etag: expect.stringMatching(/^W\/"datetime'.+'"$/) });
  }
  expect(await lean.listEntities(pk, '')).toEqual(await sdk.listEntities(pk, ''));
  expect((await lean.listEntities(pk, 'state|')).map((e) => e.rowKey)).toEqual(['state|dongshan']);
});

it('an ETag read through one client guards a write through the other; a stale one is ConflictError 412 for both', async () => {
  const pk = partition('etag');
  await lean.transact(pk, [{ op: 'create', pk, rk: 'state|t', props: { v: 1 } }]);
  const read1 = await lean.getEntity(pk, 'state|t');
  await sdk.transact(pk, [{ op: 'replace', pk, rk: 'state|t', props: { v: 2 }, etag: read1?.etag ?? '' }]);
  const read2 = await sdk.getEntity(pk, 'state|t');
  await lean.transact(pk, [{ op: 'replace', pk, rk: 'state|t', props: { v: 3 }, etag: read2?.etag ?? '' }]);
  expect((await sdk.getEntity(pk, 'state|t'))?.v).toBe(3);
  for (const [, s] of both()) {
    const e = await caught(s.transact(pk, [{ op: 'replace', pk, rk: 'state|t', props: { v: 9 }, etag: read2?.etag ?? '' }]));
    expect(e).toBeInstanceOf(ConflictError);
    expect((e as ConflictError).status).toBe(412);
  }
  // An ETag from a listing works as well as one from a point read.
  const listed = (await lean.listEntities(pk, 'state|'))[0];
  await lean.transact(pk, [{ op: 'replace', pk, rk: 'state|t', props: { v: 4 }, etag: listed?.etag ?? '' }]);
  expect((await sdk.getEntity(pk, 'state|t'))?.v).toBe(4);
});

it('a transaction is all or nothing: a create of an existing entity fails the whole batch with ConflictError 409', async () => {
  const pk = partition('atomic');
  await sdk.transact(pk, [{ op: 'create', pk, rk: 'taken', props: { a: 1 } }]);
  for (const [name, s] of both()) {
    const e = await caught(s.transact(pk, [{ op: 'create', pk, rk: `new-${name}`, props: {} }, { op: 'upsert', pk, rk: `up-${name}`, props: {} }, { op: 'create', pk, rk: 'taken', props: { a: 2 } }]));
    expect(e).toBeInstanceOf(ConflictError);
    expect((e as ConflictError).status).toBe(409);
    expect(await s.getEntity(pk, `new-${name}`)).toBeNull();
    expect(await s.getEntity(pk, `up-${name}`)).toBeNull();
  }
  expect((await lean.getEntity(pk, 'taken'))?.a).toBe(1);
});

it('upsert inserts, then replaces every property (no merge), for both', async () => {
  const pk = partition('upsert');
  for (const [name, s] of both()) {
    await s.transact(pk, [{ op: 'upsert', pk, rk: name, props: { a: 1, b: 'x' } }]);
    await s.transact(pk, [{ op: 'upsert', pk, rk: name, props: { c: true } }]);
  }
  const [a, b] = [await sdk.getEntity(pk, 'sdk'), await lean.getEntity(pk, 'lean')];
  expect({ ...b, rowKey: '', etag: '' }).toEqual({ ...a, rowKey: '', etag: '' });
  expect(b).toEqual({ c: true, partitionKey: pk, rowKey: 'lean', etag: expect.any(String) });
});

it('misses and refusals: null for a missing entity or blob; a replace of a missing entity is the same non-conflict error', async () => {
  const pk = partition('miss');
  for (const [, s] of both()) {
    expect(await s.getEntity(pk, 'nothing')).toBeNull();
    expect(await s.getBlob(`${pk}/nothing.json`)).toBeNull();
    expect(await s.listEntities(pk, '')).toEqual([]);
  }
  const [a, b] = [await caught(sdk.transact(pk, [{ op: 'replace', pk, rk: 'gone', props: {}, etag: 'W/"x"' }])), await caught(lean.transact(pk, [{ op: 'replace', pk, rk: 'gone', props: {}, etag: 'W/"x"' }]))];
  for (const e of [a, b]) {
    expect(e).toBeInstanceOf(Error);
    expect(e).not.toBeInstanceOf(ConflictError);
    expect(e).not.toBeInstanceOf(StorageUnavailableError);
  }
  expect(status(b)).toBe(status(a));
  // Keys the service refuses ('/' in a key) are refused alike: a 400 fault, not a conflict.
  const [c, d] = [await caught(sdk.transact(pk, [{ op: 'create', pk, rk: 'a/b', props: {} }])), await caught(lean.transact(pk, [{ op: 'create', pk, rk: 'a/b', props: {} }]))];
  expect(status(d)).toBe(status(c));
  expect(status(d)).toBe(400);
});

it('blobs: what one writes the other reads; a second write of the name is "exists" for both; the content type is kept', async () => {
  const dir = partition('blob');
  const bytes = Buffer.from(JSON.stringify({ 名称: '东山镇', n: [1, 2, 3] }));
  const xlsx = new Uint8Array(Buffer.from('PK\u0003\u0004 not really a workbook', 'latin1'));
  expect(await lean.putBlobIfAbsent(`${dir}/lean.json`, bytes, 'application/json')).toBe('created');
  expect(await sdk.putBlobIfAbsent(`${dir}/sdk.json`, bytes, 'application/json')).toBe('created');
  expect(await lean.putBlobIfAbsent(`${dir}/名单 (1).xlsx`, xlsx, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')).toBe('created');
  for (const [, s] of both()) {
    expect(await s.putBlobIfAbsent(`${dir}/lean.json`, Buffer.from('other'), 'application/json')).toBe('exists');
    expect(await s.getBlob(`${dir}/lean.json`)).toEqual(bytes);
    expect(await s.getBlob(`${dir}/sdk.json`)).toEqual(bytes);
    expect(new Uint8Array((await s.getBlob(`${dir}/名单 (1).xlsx`)) ?? [])).toEqual(xlsx);
  }
  const { BlobServiceClient } = await import('@azure/storage-blob');
  const container = BlobServiceClient.fromConnectionString(az.connectionString).getContainerClient('grading');
  expect((await container.getBlobClient(`${dir}/lean.json`).getProperties()).contentType).toBe('application/json');
  expect((await container.getBlobClient(`${dir}/名单 (1).xlsx`).getProperties()).contentType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
});

it('a listing of more than 1,000 entities follows the continuation: the same 1,234 entities in row-key order through both', async () => {
  const pk = partition('many');
  const rks = Array.from({ length: 1234 }, (_, i) => `ver|t|${String(i).padStart(5, '0')}`);
  for (let i = 0; i < rks.length; i += 100) await lean.transact(pk, rks.slice(i, i + 100).map((rk): TxOp => ({ op: 'create', pk, rk, props: { i: Number(rk.slice(6)) } })));
  await lean.transact(pk, [{ op: 'create', pk, rk: 'state|t', props: {} }, { op: 'create', pk, rk: 'ver|u|0', props: {} }]);
  const [a, b] = [await sdk.listEntities(pk, 'ver|t|'), await lean.listEntities(pk, 'ver|t|')];
  expect(b).toHaveLength(1234);
  expect(b.map((e) => e.rowKey)).toEqual(rks);
  expect(b).toEqual(a);
});

it('a wrong key is refused by Azurite (403): a fault, not an outage, for both', async () => {
  const wrong = az.connectionString.replace(/AccountKey=[^;]+/, `AccountKey=${Buffer.from('not the key of this account').toString('base64')}`);
  const account = parseConnectionString(wrong);
  if (!account) throw new Error('not served');
  for (const s of [createSdkStore(wrong, 'grading', 'grading'), createLeanStore(account, 'grading', 'grading')]) {
    for (const e of [await caught(s.getEntity('p', 'r')), await caught(s.getBlob('x')), await caught(s.transact('p', [{ op: 'create', pk: 'p', rk: 'r', props: {} }]))]) {
      expect(status(e)).toBe(403);
      expect(e).not.toBeInstanceOf(StorageUnavailableError);
    }
  }
});
