// init: the container and the table are created when missing, and "already there" is fine whether
// the service says so in the x-ms-error-code header or only in the error document; a container or
// table being deleted is a fault (500), as with the SDKs, not something to carry on with.
import { isOutage } from '../../../functions/src/storage/errors';
import { createAzureStore, StorageUnavailableError } from '../../../functions/src/storage/store';
import { connectionStringFor, startCapture, type Answer, type CaptureServer } from './capture';

let cap: CaptureServer;
beforeAll(async () => {
  cap = await startCapture();
});
afterAll(() => cap.close());

const blobError = (code: string, header: boolean): Answer => ({
  status: 409,
  headers: { 'content-type': 'application/xml', ...(header ? { 'x-ms-error-code': code } : {}) },
  body: `<?xml version="1.0" encoding="utf-8"?><Error><Code>${code}</Code><Message>…</Message></Error>`,
});
const tableError = (code: string, header: boolean): Answer => ({
  status: 409,
  headers: { 'content-type': 'application/json;odata=minimalmetadata', ...(header ? { 'x-ms-error-code': code } : {}) },
  body: `{"odata.error":{"code":"${code}","message":{"lang":"en-US","value":"…"}}}`,
});

function serve(container: Answer, table: Answer) {
  cap.requests = [];
  cap.answer = (r) => (r.query === 'restype=container' ? container : r.path.endsWith('/Tables') ? table : { status: 404 });
}
const init = () => createAzureStore(connectionStringFor(cap.url), 'grading', 'grading').init();

it.each<[string, Answer, Answer]>([
  ['both created', { status: 201 }, { status: 201, body: '{"TableName":"grading"}' }],
  ['both there, said in the header', blobError('ContainerAlreadyExists', true), tableError('TableAlreadyExists', true)],
  ['both there, said only in the error document', blobError('ContainerAlreadyExists', false), tableError('TableAlreadyExists', false)],
])('%s: init succeeds, container first', async (_name, container, table) => {
  serve(container, table);
  await init();
  expect(cap.requests.map((r) => `${r.method} ${r.path}?${r.query}`)).toEqual(['PUT /grading?restype=container', 'POST /Tables?']);
});

it.each<[string, Answer, Answer]>([
  ['a container being deleted', blobError('ContainerBeingDeleted', true), { status: 201 }],
  ['a table being deleted', { status: 201 }, tableError('TableBeingDeleted', false)],
  ['a wrong key', { status: 403, headers: { 'x-ms-error-code': 'AuthenticationFailed' } }, { status: 201 }],
])('%s: init fails with a fault, not an outage', async (_name, container, table) => {
  serve(container, table);
  const e = await init().catch((x: unknown) => x);
  expect(e).toBeInstanceOf(Error);
  expect(e).not.toBeInstanceOf(StorageUnavailableError);
  expect(isOutage(e)).toBe(false);
});
