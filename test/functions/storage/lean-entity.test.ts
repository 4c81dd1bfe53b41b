// Entities and keys: how keys go into a path and into a $filter (quotes doubled; percent-encoding in
// the path; '\uffff' closes a prefix range), and how an entity read comes back — every EDM type as
// the SDK store returns it, for the same answer from the service (capture.ts plays the service).
import { createSdkStore } from '../../../functions/src/storage/sdk-store';
import { createAzureStore } from '../../../functions/src/storage/store';
import { entityPath, keyInPath, odataString, prefixFilter, queryValue } from '../../../functions/src/storage/lean/entity';
import { connectionStringFor, startCapture, type CaptureServer } from './capture';

describe('keys in a path', () => {
  it.each<[string, string]>([
    ['state|dongshan', "'state%7Cdongshan'"],
    ["it's", "'it''s'"],
    ["''", "''''''"],
    ['a/b', "'a%2Fb'"],
    ['a#b', "'a%23b'"],
    ['a?b', "'a%3Fb'"],
    ['100%', "'100%25'"],
    ['a b+c&d=e', "'a%20b%2Bc%26d%3De'"],
    ['青山县', "'%E9%9D%92%E5%B1%B1%E5%8E%BF'"],
    ['é😀', "'%C3%A9%F0%9F%98%80'"],
    ['(x)', "'(x)'"],
    ['', "''"],
  ])('%s → %s', (key, want) => {
    expect(keyInPath(key)).toBe(want);
  });

  it('an entity path names both keys', () => {
    expect(entityPath('/devstoreaccount1/grading', "c'1", 'ver|t|h')).toBe("/devstoreaccount1/grading(PartitionKey='c''1',RowKey='ver%7Ct%7Ch')");
  });
});

describe('keys in a $filter', () => {
  it.each<[string, string]>([
    ['plain', "'plain'"],
    ["it's", "'it''s'"],
    ["'", "''''"],
    ['青山县|东山镇', "'青山县|东山镇'"],
    ['a/b#c?d%e', "'a/b#c?d%e'"],
  ])('%s → %s', (s, want) => {
    expect(odataString(s)).toBe(want);
  });

  it('a prefix is the range [prefix, prefix + \\uffff) of one partition, percent-encoded in the query', () => {
    const f = prefixFilter("_cred|o'brien", "t|c2026|");
    expect(f).toBe("PartitionKey eq '_cred|o''brien' and RowKey ge 't|c2026|' and RowKey lt 't|c2026|\uffff'");
    expect(queryValue(f)).toBe('PartitionKey%20eq%20%27_cred%7Co%27%27brien%27%20and%20RowKey%20ge%20%27t%7Cc2026%7C%27%20and%20RowKey%20lt%20%27t%7Cc2026%7C%EF%BF%BF%27');
    expect(decodeURIComponent(queryValue(f))).toBe(f);
  });
});

describe('an entity read comes back as through the SDK store', () => {
  let cap: CaptureServer;
  beforeAll(async () => {
    cap = await startCapture();
  });
  afterAll(() => cap.close());

  const etag = `W/"datetime'2026-12-07T07%3A42%3A05.8912461Z'"`;
  const wire = {
    'odata.etag': etag,
    PartitionKey: "p'k",
    RowKey: '东山',
    Timestamp: '2026-12-07T07:42:05.8912461Z',
    s: '东山镇',
    empty: '',
    n: 3,
    neg: -1,
    d: 0.5,
    whole: 1099511627776,
    t: true,
    f: false,
    i64: '9007199254740993',
    'i64@odata.type': 'Edm.Int64',
    when: '2026-01-02T03:04:05.678Z',
    'when@odata.type': 'Edm.DateTime',
    bin: Buffer.from('二进制').toString('base64'),
    'bin@odata.type': 'Edm.Binary',
    id: '4b3f7d8e-1c2a-4e5f-9a0b-1c2d3e4f5a6b',
    'id@odata.type': 'Edm.Guid',
    nan: 'NaN',
    'nan@odata.type': 'Edm.Double',
    i32: 7,
    'i32@odata.type': 'Edm.Int32',
  };

  it.each([
    ['getEntity', (s: ReturnType<typeof createSdkStore>) => s.getEntity("p'k", '东山'), { 'odata.metadata': 'http://x/$metadata#grading/@Element', ...wire }, { etag }],
    ['listEntities', (s: ReturnType<typeof createSdkStore>) => s.listEntities("p'k", ''), { 'odata.metadata': 'http://x/$metadata#grading', value: [wire, { ...wire, RowKey: '西山' }] }, {}],
  ])('%s', async (_name, call, body, headers) => {
    cap.answer = () => ({ status: 200, headers: { 'content-type': 'application/json;odata=minimalmetadata', ...headers }, body: JSON.stringify(body) });
    const cs = connectionStringFor(cap.url, '/devstoreaccount1');
    const viaSdk = await call(createSdkStore(cs, 'grading', 'grading'));
    const viaLean = await call(createAzureStore(cs, 'grading', 'grading'));
    expect(viaLean).toEqual(viaSdk);
    const one = (Array.isArray(viaLean) ? viaLean[0] : viaLean) as Record<string, unknown>;
    expect(one).toMatchObject({ partitionKey: "p'k", rowKey: '东山', etag, s: '东山镇', n: 3, d: 0.5, whole: 1099511627776, t: true, i64: 9007199254740993n, nan: 'NaN' });
    expect(one.when).toEqual(new Date('2026-01-02T03:04:05.678Z'));
    expect(Buffer.from(one.bin as Uint8Array).toString()).toBe('二进制');
    expect(Object.keys(one)).not.toEqual(expect.arrayContaining(['Timestamp', 'timestamp', 'odata.metadata', 'odata.etag', 'PartitionKey']));
  });
});
