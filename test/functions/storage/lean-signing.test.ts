// Shared Key as the lean client signs it. First the strings to sign, written out (the format of
// "Authorize with Shared Key"); then a table of SDK requests beyond the ones the store makes (several
// query parameters, x-ms-meta-*, ranges, conditions, ?comp= for tables), each captured on the wire and
// signed again by our signer, which must give the SDK's Authorization. lean-wire.test.ts does the
// same for every request the store makes.
import { BlobServiceClient } from '@azure/storage-blob';
import { AzureNamedKeyCredential, TableClient, TableServiceClient } from '@azure/data-tables';
import { blobAuthorization, blobStringToSign, tableAuthorization, tableStringToSign } from '../../../functions/src/storage/lean/shared-key';
import { connectionStringFor, DEV_KEY, startCapture, type Captured, type CaptureServer } from './capture';

const KEY = Buffer.from(DEV_KEY, 'base64');
const DATE = 'Mon, 07 Dec 2026 07:41:10 GMT';

describe('strings to sign', () => {
  it('Blob: verb, standard headers (an empty body signs no length), x-ms-* sorted, account + path, query sorted and decoded', () => {
    const headers = { 'content-length': '0', 'x-ms-version': '2026-04-06', 'x-ms-date': DATE, 'x-ms-blob-type': 'BlockBlob', 'if-none-match': '*', 'content-type': 'application/json' };
    expect(blobStringToSign('acct', 'put', '/grading/c%20d/x.json', 'restype=container&Comp=list&prefix=a%20b', headers)).toBe(
      ['PUT', '', '', '', '', 'application/json', '', '', '', '*', '', '', `x-ms-blob-type:BlockBlob\nx-ms-date:${DATE}\nx-ms-version:2026-04-06\n/acct/grading/c%20d/x.json\ncomp:list\nprefix:a b\nrestype:container`].join('\n'),
    );
  });

  it('Table (SharedKeyLite): the date, then account + path, and only ?comp= of the query', () => {
    expect(tableStringToSign('acct', "/grading(PartitionKey='p''k',RowKey='r')", '', DATE)).toBe(`${DATE}\n/acct/grading(PartitionKey='p''k',RowKey='r')`);
    expect(tableStringToSign('acct', '/grading()', '$filter=PartitionKey%20eq%20%27a%27&NextRowKey=x', DATE)).toBe(`${DATE}\n/acct/grading()`);
    expect(tableStringToSign('acct', '/grading', 'comp=acl&timeout=5', DATE)).toBe(`${DATE}\n/acct/grading?comp=acl`);
  });

  it('the signature is HMAC-SHA256 of the string with the decoded key, in base64', () => {
    expect(tableAuthorization('devstoreaccount1', KEY, '/devstoreaccount1/Tables', '', DATE)).toMatch(/^SharedKeyLite devstoreaccount1:[A-Za-z0-9+/]{43}=$/);
    expect(blobAuthorization('devstoreaccount1', KEY, 'GET', '/devstoreaccount1/grading/x', '', { 'x-ms-date': DATE })).toMatch(/^SharedKey devstoreaccount1:[A-Za-z0-9+/]{43}=$/);
  });
});

let cap: CaptureServer;
beforeAll(async () => {
  cap = await startCapture();
  cap.answer = () => ({ status: 404 });
});
afterAll(() => cap.close());

async function captured(call: () => Promise<unknown>): Promise<Captured[]> {
  cap.requests = [];
  await call().catch(() => undefined);
  return cap.requests;
}

const resign = (r: Captured): string =>
  (r.headers.authorization ?? '').startsWith('SharedKeyLite ')
    ? tableAuthorization('devstoreaccount1', KEY, r.path, r.query, r.headers['x-ms-date'] ?? '')
    : blobAuthorization('devstoreaccount1', KEY, r.method, r.path, r.query, r.headers);

describe.each([
  ['Azure shape', ''],
  ['Azurite shape', '/devstoreaccount1'],
])('SDK requests signed again by our signer: %s', (_shape, path) => {
  const blobs = () => BlobServiceClient.fromConnectionString(connectionStringFor(cap.url, path), { retryOptions: { maxTries: 1 } });
  const tableUrl = () => `${cap.url}${path}`;
  const credential = new AzureNamedKeyCredential('devstoreaccount1', DEV_KEY);
  const table = () => new TableClient(tableUrl(), 'grading', credential, { allowInsecureConnection: true, retryOptions: { maxRetries: 0 } });
  const cases: Array<[string, () => Promise<unknown>]> = [
    ['list blobs with a prefix (restype, comp, prefix, several parameters)', () => blobs().getContainerClient('grading').listBlobsFlat({ prefix: 'c2026/东山 镇/' }).byPage({ maxPageSize: 5 }).next()],
    ['set metadata (comp=metadata, x-ms-meta-*)', () => blobs().getContainerClient('grading').getBlobClient('a/b.json').setMetadata({ township: 'dongshan', zeta: 'z' })],
    ['download a range under a condition (x-ms-range, If-Match)', () => blobs().getContainerClient('grading').getBlobClient('a b/c.json').download(5, 10, { conditions: { ifMatch: '"0x8D"' } })],
    ['properties if modified since (If-Modified-Since)', () => blobs().getContainerClient('grading').getBlobClient('x').getProperties({ conditions: { ifModifiedSince: new Date(Date.UTC(2026, 0, 1)) } })],
    ['delete a blob with its snapshots (DELETE, x-ms-delete-snapshots)', () => blobs().getContainerClient('grading').deleteBlob('名单.xlsx', { deleteSnapshots: 'include' })],
    ['list containers (comp=list at the account)', () => blobs().listContainers({ prefix: 'g' }).byPage().next()],
    ['table access policy (?comp=acl)', () => table().getAccessPolicy()],
    ['list tables with a filter', () => new TableServiceClient(tableUrl(), credential, { allowInsecureConnection: true, retryOptions: { maxRetries: 0 } }).listTables({ queryOptions: { filter: "TableName eq 'grading'" } }).byPage().next()],
    ['delete an entity with an ETag', () => table().deleteEntity("p'k", '东山', { etag: 'W/"1"' })],
    ['merge an entity', () => table().updateEntity({ partitionKey: 'p', rowKey: 'r', a: 1 }, 'Merge')],
  ];
  it.each(cases)('%s', async (_name, call) => {
    const rs = await captured(call);
    expect(rs.length).toBeGreaterThan(0);
    for (const r of rs) expect(resign(r)).toBe(r.headers.authorization);
  });
});
