// The few storage operations the aggregator needs, over Azure Blob and Table storage. Kept as an
// interface so tests can wrap it (e.g. fail the Nth write) and prove nothing partial is visible.
// Every failure that means "storage cannot be reached" leaves here as StorageUnavailableError, so
// the handler wrapper can answer 503 without knowing the clients.
import { parseConnectionString } from './lean/connection-string';
import { createLeanStore } from './lean/store';

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

/**
 * The lean client (lean/) for an account-key connection string, the Azure SDKs for anything else
 * or when asked ('sdk', the STORAGE_CLIENT setting). The SDKs are loaded only when used: an app on
 * the lean client never pays for loading them.
 */
export function createAzureStore(connectionString: string, containerName: string, tableName: string, client: 'auto' | 'sdk' = 'auto'): Store {
  const account = client === 'auto' ? parseConnectionString(connectionString) : null;
  return account ? createLeanStore(account, containerName, tableName) : lazySdkStore(connectionString, containerName, tableName);
}

function lazySdkStore(connectionString: string, containerName: string, tableName: string): Store {
  let store: Promise<Store> | undefined;
  const sdk = () => (store ??= import('./sdk-store').then((m) => m.createSdkStore(connectionString, containerName, tableName)));
  return {
    init: async () => (await sdk()).init(),
    putBlobIfAbsent: async (name, bytes, contentType) => (await sdk()).putBlobIfAbsent(name, bytes, contentType),
    getBlob: async (name) => (await sdk()).getBlob(name),
    getEntity: async (pk, rk) => (await sdk()).getEntity(pk, rk),
    listEntities: async (pk, prefix) => (await sdk()).listEntities(pk, prefix),
    transact: async (pk, ops) => (await sdk()).transact(pk, ops),
  };
}
