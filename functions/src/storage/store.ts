// The few storage operations the aggregator needs, over Azure Blob and Table storage. Kept as an
// interface so tests can wrap it (e.g. fail the Nth write) and prove nothing partial is visible.
// Every failure that means "storage cannot be reached" leaves here as StorageUnavailableError, so
// the handler wrapper can answer 503 without knowing the clients.
import { createSdkStore } from './sdk-store';

export { ConflictError, StorageUnavailableError, STORAGE_LIMITS, isOutage } from './errors';

export type Entity = Record<string, string | number | boolean | null>;
/** An entity as read: its properties are unknown until entities.ts has checked them. */
export type StoredEntity = Record<string, unknown> & { partitionKey: string; rowKey: string; etag: string };

export type TxOp =
  | { op: 'create'; pk: string; rk: string; props: Entity }
  | { op: 'upsert'; pk: string; rk: string; props: Entity }
  | { op: 'replace'; pk: string; rk: string; props: Entity; etag: string };

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

export function createAzureStore(connectionString: string, containerName: string, tableName: string): Store {
  return createSdkStore(connectionString, containerName, tableName);
}
