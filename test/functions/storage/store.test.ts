// Which failures of the storage SDKs count as "storage unavailable" (503, retry later) and which are
// faults (500). The SDKs' errors are built here the way they arrive (RestError with a status or a
// network code, AbortError from a deadline).
import { createAzureStore, isOutage, StorageUnavailableError } from '../../../functions/src/storage/store';

/** What @azure/core-rest-pipeline's RestError carries: its name, and a status or a network code. */
function RestError(message: string, o: { statusCode?: number; code?: string } = {}): Error {
  return Object.assign(new Error(message), { name: 'RestError' }, o);
}

describe('isOutage', () => {
  it.each<[string, unknown, boolean]>([
    ['connection refused', RestError('connect ECONNREFUSED 127.0.0.1:10002', { code: 'ECONNREFUSED' }), true],
    ['connection reset', RestError('socket hang up', { code: 'ECONNRESET' }), true],
    ['a request that could not be sent', RestError('failed', { code: 'REQUEST_SEND_ERROR' }), true],
    ['a RestError that never reached the service', RestError('no response'), true],
    ['500 from storage', RestError('Internal', { statusCode: 500 }), true],
    ['503 from storage', RestError('Server Busy', { statusCode: 503 }), true],
    ['408 from storage', RestError('Timeout', { statusCode: 408 }), true],
    ['a deadline passed', Object.assign(new Error('The operation was aborted.'), { name: 'AbortError' }), true],
    ['a plain network error', Object.assign(new Error('connect ETIMEDOUT'), { code: 'ETIMEDOUT' }), true],
    ['403 (a wrong key is a deployment fault, not an outage)', RestError('Forbidden', { statusCode: 403 }), false],
    ['404', RestError('Not found', { statusCode: 404 }), false],
    ['a TypeError in our code', new TypeError('x is undefined'), false],
    ['a thrown string', 'boom', false],
  ])('%s → %s', (_name, e, want) => {
    expect(isOutage(e)).toBe(want);
  });
});

it('a store whose storage is not listening fails with StorageUnavailableError, not the SDK error', async () => {
  // Port 9 (discard) on loopback: nothing listens there on a test machine.
  const cs = 'DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:9/devstoreaccount1;TableEndpoint=http://127.0.0.1:9/devstoreaccount1;';
  const store = createAzureStore(cs, 'grading', 'grading');
  await expect(store.getEntity('c', 'r')).rejects.toBeInstanceOf(StorageUnavailableError);
  await expect(store.getBlob('x')).rejects.toBeInstanceOf(StorageUnavailableError);
  await expect(store.transact('c', [{ op: 'create', pk: 'c', rk: 'r', props: { a: 1 } }])).rejects.toBeInstanceOf(StorageUnavailableError);
});
