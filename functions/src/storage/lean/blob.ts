// The Blob calls the store makes: create the container, write a block blob only if absent (one PUT
// with If-None-Match: *), read a blob (one GET). Headers and version are the ones
// @azure/storage-blob 12.32.0 sends (x-ms-version 2026-04-06, SharedKey), which the service and
// Azurite 3.37 accept.
import { STORAGE_LIMITS } from '../errors';
import type { Account } from './connection-string';
import { send, StorageHttpError, targetOf, type Reply } from './http';
import { blobAuthorization, type Headers } from './shared-key';

export const BLOB_VERSION = '2026-04-06';

/**
 * Largest blob read: a guard against a runaway answer, not a quota. What we write is bounded by
 * the upload cap (MAX_UPLOAD_MB, default 20) and the JSON made from such an upload.
 */
export const MAX_BLOB = 512 * 1024 * 1024;
/** Answers without a body of ours (201, 409 and error documents). */
const MAX_SMALL = 64 * 1024;

/**
 * A blob name in a URL path: each segment percent-encoded, '/' kept, quotes encoded too (as the SDK
 * sends them). The SDK leaves a '%' as it is (taking it for an escape); our names never hold one.
 */
export function blobPath(name: string): string {
  return name
    .split('/')
    .map((s) => encodeURIComponent(s).replace(/'/g, '%27'))
    .join('/');
}

/** The service's error code: the x-ms-error-code header, else the <Code> of the XML error document. */
function errorCode(r: Reply): string {
  const h = r.headers['x-ms-error-code'];
  if (typeof h === 'string') return h;
  return /<Code>([^<]*)<\/Code>/.exec(r.body.toString('utf8', 0, Math.min(r.body.length, 4096)))?.[1] ?? '';
}

export interface BlobCalls {
  createContainer(): Promise<void>;
  putIfAbsent(name: string, bytes: Uint8Array, contentType: string): Promise<'created' | 'exists'>;
  get(name: string): Promise<Buffer | null>;
}

export function blobCalls(account: Account, container: string): BlobCalls {
  const target = targetOf(account.blobEndpoint);
  const containerPath = `${target.basePath}/${container}`;
  const call = (what: string, method: string, path: string, query: string, headers: Headers, maxBody: number, body?: Buffer): Promise<Reply> =>
    send(target, {
      what,
      method,
      path,
      query,
      headers: { ...headers, 'x-ms-version': BLOB_VERSION, accept: 'application/xml' },
      maxBody,
      deadline: Date.now() + STORAGE_LIMITS.blobCallMs,
      sign: (h) => blobAuthorization(account.name, account.key, method, path, query, h),
      ...(body ? { body } : {}),
    });
  const failed = (r: Reply, what: string) => new StorageHttpError(r.status, errorCode(r), what);

  return {
    async createContainer() {
      const r = await call('create container', 'PUT', containerPath, 'restype=container', { 'content-length': '0' }, MAX_SMALL);
      if (r.status === 201) return;
      // Already there is what we want; any other 409 (ContainerBeingDeleted) is a fault, as in the SDK.
      if (r.status === 409 && errorCode(r) === 'ContainerAlreadyExists') return;
      throw failed(r, 'create container');
    },

    async putIfAbsent(name, bytes, contentType) {
      const body = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      const headers: Headers = {
        'content-type': 'application/octet-stream',
        'content-length': String(body.length),
        'if-none-match': '*',
        'x-ms-blob-content-type': contentType,
        'x-ms-blob-type': 'BlockBlob',
      };
      const r = await call('put blob', 'PUT', `${containerPath}/${blobPath(name)}`, '', headers, MAX_SMALL, body);
      if (r.status === 201) return 'created';
      // 409 BlobAlreadyExists: same name = same content (names are content hashes).
      if (r.status === 409) return 'exists';
      throw failed(r, 'put blob');
    },

    async get(name) {
      const r = await call('get blob', 'GET', `${containerPath}/${blobPath(name)}`, '', {}, MAX_BLOB);
      if (r.status === 404) return null;
      if (r.status !== 200) throw failed(r, 'get blob');
      return r.body;
    },
  };
}
