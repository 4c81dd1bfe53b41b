// The few storage operations the aggregator needs, over Azure Blob and Table storage. Kept as an
// interface so tests can wrap it (e.g. fail the Nth write) and prove nothing partial is visible.
// Every failure that means "storage cannot be reached" leaves here as StorageUnavailableError, so
// the handler wrapper can answer 503 without knowing the SDKs.
import { TableClient, TableTransaction, odata, type TableEntity, type TableEntityResult } from '@azure/data-tables';
import { BlobServiceClient, type ContainerClient } from '@azure/storage-blob';

export type Entity = Record<string, string | number | boolean | null>;
/** An entity as read: its properties are unknown until entities.ts has checked them. */
export type StoredEntity = Record<string, unknown> & { partitionKey: string; rowKey: string; etag: string };

export type TxOp =
  | { op: 'create'; pk: string; rk: string; props: Entity }
  | { op: 'upsert'; pk: string; rk: string; props: Entity }
  | { op: 'replace'; pk: string; rk: string; props: Entity; etag: string };

/** The condition of a write did not hold (412) or the entity/blob already exists (409). */
export class ConflictError extends Error {
  constructor(readonly status: number) {
    super(`storage conflict ${status}`);
    this.name = 'ConflictError';
  }
}

/** Storage could not be reached or answered with a server error: the request may be retried later. */
export class StorageUnavailableError extends Error {
  constructor(
    readonly operation: string,
    cause: unknown,
  ) {
    super(`storage unavailable during ${operation}: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'StorageUnavailableError';
  }
}

export interface Store {
  /** Creates the container and table when missing. */
  init(): Promise<void>;
  /** Writes an immutable blob; 'exists' when a blob of that name is already there (never overwritten). */
  putBlobIfAbsent(name: string, bytes: Uint8Array, contentType: string): Promise<'created' | 'exists'>;
  getBlob(name: string): Promise<Buffer | null>;
  getEntity(pk: string, rk: string): Promise<StoredEntity | null>;
  /** Entities of one partition whose row key starts with `prefix`, in row-key order. */
  listEntities(pk: string, prefix: string): Promise<StoredEntity[]>;
  /** All operations or none (one partition). Throws ConflictError on 409/412. */
  transact(pk: string, ops: TxOp[]): Promise<void>;
}

/**
 * How long storage may take before the request gives up (and the caller gets 503). The SDKs'
 * defaults retry a refused connection for 4–6 s with exponential delays; a dead storage should be
 * known in about a second, while a slow one still has room for a 20 MB blob.
 */
export const STORAGE_LIMITS = {
  /** Tries per call (the first one included) and the delays between them. */
  tries: 3,
  retryDelayMs: 150,
  maxRetryDelayMs: 600,
  /** Client-side deadline of one call, retries included: table calls and blob transfers. */
  tableCallMs: 10_000,
  blobCallMs: 60_000,
} as const;

function status(e: unknown): number | undefined {
  const s = e instanceof Error && 'statusCode' in e ? e.statusCode : undefined;
  return typeof s === 'number' ? s : undefined;
}

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ESOCKETTIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'REQUEST_SEND_ERROR']);

/** A refused or reset connection, a deadline passed, or a 5xx/408 from the service. */
export function isOutage(e: unknown): boolean {
  if (!(e instanceof Error)) return false;
  if (e.name === 'AbortError' || e.name === 'TimeoutError') return true;
  const s = status(e);
  if (s !== undefined) return s >= 500 || s === 408;
  const code = 'code' in e ? e.code : undefined;
  if (typeof code === 'string' && NETWORK_CODES.has(code)) return true;
  // The SDKs' RestError without a status never reached the service.
  return e.name === 'RestError';
}

async function guard<T>(operation: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof ConflictError || e instanceof StorageUnavailableError) throw e;
    if (isOutage(e)) throw new StorageUnavailableError(operation, e);
    throw e;
  }
}

export function createAzureStore(connectionString: string, containerName: string, tableName: string): Store {
  const local = /UseDevelopmentStorage=true|127\.0\.0\.1|localhost/i.test(connectionString);
  const L = STORAGE_LIMITS;
  const blobs: ContainerClient = BlobServiceClient.fromConnectionString(connectionString, {
    retryOptions: { maxTries: L.tries, retryDelayInMs: L.retryDelayMs, maxRetryDelayInMs: L.maxRetryDelayMs },
  }).getContainerClient(containerName);
  const table = TableClient.fromConnectionString(connectionString, tableName, {
    allowInsecureConnection: local,
    retryOptions: { maxRetries: L.tries - 1, retryDelayInMs: L.retryDelayMs, maxRetryDelayInMs: L.maxRetryDelayMs },
  });
  const tableDeadline = () => ({ abortSignal: AbortSignal.timeout(L.tableCallMs) });
  const blobDeadline = () => ({ abortSignal: AbortSignal.timeout(L.blobCallMs) });

  return {
    init: () =>
      guard('init', async () => {
        await blobs.createIfNotExists(blobDeadline());
        await table.createTable(tableDeadline());
      }),

    putBlobIfAbsent: (name, bytes, contentType) =>
      guard('putBlob', async () => {
        try {
          await blobs.getBlockBlobClient(name).uploadData(bytes, {
            conditions: { ifNoneMatch: '*' },
            blobHTTPHeaders: { blobContentType: contentType },
            ...blobDeadline(),
          });
          return 'created' as const;
        } catch (e) {
          // 409 BlobAlreadyExists: same name = same content (names are content hashes).
          if (status(e) === 409) return 'exists' as const;
          throw e;
        }
      }),

    getBlob: (name) =>
      guard('getBlob', async () => {
        try {
          // One GET (downloadToBuffer would ask for the properties first).
          const r = await blobs.getBlockBlobClient(name).download(0, undefined, blobDeadline());
          const chunks: Buffer[] = [];
          const body = r.readableStreamBody;
          if (body) for await (const c of body) chunks.push(Buffer.isBuffer(c) ? c : Buffer.from(String(c)));
          return Buffer.concat(chunks);
        } catch (e) {
          if (status(e) === 404) return null;
          throw e;
        }
      }),

    getEntity: (pk, rk) =>
      guard('getEntity', async () => {
        try {
          return strip(await table.getEntity<Record<string, unknown>>(pk, rk, tableDeadline()));
        } catch (e) {
          if (status(e) === 404) return null;
          throw e;
        }
      }),

    listEntities: (pk, prefix) =>
      guard('listEntities', async () => {
        const out: StoredEntity[] = [];
        // '\uffff' sorts after every row-key character we use, so [prefix, prefix+'\uffff') is the prefix range.
        const filter = odata`PartitionKey eq ${pk} and RowKey ge ${prefix} and RowKey lt ${prefix + '\uffff'}`;
        for await (const e of table.listEntities<Record<string, unknown>>({ queryOptions: { filter }, ...tableDeadline() })) out.push(strip(e));
        return out;
      }),

    transact: (_pk, ops) =>
      guard('transact', async () => {
        const tx = new TableTransaction();
        for (const o of ops) {
          const entity: TableEntity<Entity> = { ...o.props, partitionKey: o.pk, rowKey: o.rk };
          if (o.op === 'create') tx.createEntity(entity);
          else if (o.op === 'upsert') tx.upsertEntity(entity, 'Replace');
          else tx.updateEntity(entity, 'Replace', { etag: o.etag });
        }
        try {
          await table.submitTransaction(tx.actions, tableDeadline());
        } catch (e) {
          const s = status(e);
          if (s === 409 || s === 412) throw new ConflictError(s);
          throw e;
        }
      }),
  };
}

/** Drops the service's bookkeeping fields; the properties stay unknown until checked. */
function strip(e: TableEntityResult<Record<string, unknown>>): StoredEntity {
  const { timestamp: _t, 'odata.metadata': _m, partitionKey, rowKey, etag, ...rest } = e;
  return { ...rest, partitionKey: String(partitionKey), rowKey: String(rowKey), etag };
}
