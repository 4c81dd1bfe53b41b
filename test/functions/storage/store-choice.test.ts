// Which client serves a store: the lean one for an account-key connection string, the SDKs for
// anything else (a SAS here) and whenever STORAGE_CLIENT=sdk. Told apart on the wire: the SDKs sign
// their User-Agent "azsdk-js-…", the lean client sends none.
import { configure, parseStorageClient } from '../../../functions/src/config';
import { createAzureStore } from '../../../functions/src/storage/store';
import { getStore, resetStore } from '../../../functions/src/storage/store-singleton';
import { connectionStringFor, startCapture, type CaptureServer } from './capture';

let cap: CaptureServer;
beforeAll(async () => {
  cap = await startCapture();
  cap.answer = (r) => (r.method === 'PUT' && r.query === 'restype=container' ? { status: 201 } : r.path.endsWith('/Tables') ? { status: 204 } : { status: 404 });
});
afterAll(async () => {
  resetStore();
  configure({});
  await cap.close();
});
beforeEach(() => {
  cap.requests = [];
});

const clientOf = () => {
  const agents = new Set(cap.requests.map((r) => (/azsdk-js-/.test(r.headers['user-agent'] ?? '') ? 'sdk' : 'lean')));
  return agents.size === 1 ? [...agents][0] : [...agents].join('+');
};

it.each<[string, string, () => string, 'auto' | 'sdk']>([
  ['an account key', 'lean', () => connectionStringFor(cap.url, '/devstoreaccount1'), 'auto'],
  ['an account key, STORAGE_CLIENT=sdk', 'sdk', () => connectionStringFor(cap.url, '/devstoreaccount1'), 'sdk'],
  ['a SAS', 'sdk', () => `BlobEndpoint=${cap.url}/devstoreaccount1;TableEndpoint=${cap.url}/devstoreaccount1;SharedAccessSignature=sv=2022-11-02&ss=bt&srt=sco&sp=rwlac&se=2030-01-01T00:00:00Z&sig=abc`, 'auto'],
])('%s → the %s client', async (_name, want, cs, client) => {
  const store = createAzureStore(cs(), 'grading', 'grading', client);
  expect(await store.getEntity('p', 'r')).toBeNull();
  expect(await store.getBlob('x')).toBeNull();
  expect(clientOf()).toBe(want);
});

it('the app’s store follows the STORAGE_CLIENT setting', async () => {
  for (const [storageClient, want] of [['auto', 'lean'], ['sdk', 'sdk']] as const) {
    cap.requests = [];
    configure({ connectionString: connectionStringFor(cap.url, '/devstoreaccount1'), secret: 'store-choice-secret-0123', storageClient });
    resetStore();
    await (await getStore()).getEntity('p', 'r');
    expect(clientOf()).toBe(want);
  }
});

it.each<[string | undefined, 'auto' | 'sdk' | Error]>([
  [undefined, 'auto'],
  ['', 'auto'],
  ['auto', 'auto'],
  [' SDK ', 'sdk'],
  ['lean', new Error('STORAGE_CLIENT "lean" is not valid: auto or sdk')],
])('STORAGE_CLIENT=%p → %p', (v, want) => {
  if (want instanceof Error) expect(() => parseStorageClient(v)).toThrow(want.message);
  else expect(parseStorageClient(v)).toBe(want);
});
