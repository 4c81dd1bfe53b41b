// The few storage operations the aggregator needs, over Azure Blob and Table storage. Kept as an
// interface so tests can wrap it (e.g. fail the Nth write) and prove nothing partial is visible.
import { TableClient, TableTransaction, odata, type TableEntity, type TableEntityResult } from '@azure/data-tables';
import { BlobServiceClient, type ContainerClient } from '@azure/storage-blob';

export type Entity = Record<string, string | number | boolean | null>;
export type StoredEntity<T extends Entity = Entity> = T & { partitionKey: string; rowKey: string; etag: string };

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

export interface Store {
  /** Creates the container and table when missing. */
  init(): Promise<void>;
  /** Writes an immutable blob; 'exists' when a blob of that name is already there (never overwritten). */
  putBlobIfAbsent(name: string, bytes: Uint8Array, contentType: string): Promise<'created' | 'exists'>;
  getBlob(name: string): Promise<Buffer | null>;
  getEntity<T extends Entity>(pk: string, rk: string): Promise<StoredEntity<T> | null>;
  /** Entities of one partition whose row key starts with `prefix`, in row-key order. */
  listEntities<T extends Entity>(pk: string, prefix: string): Promise<Array<StoredEntity<T>>>;
  /** All operations or none (one partition). Throws ConflictError on 409/412. */
  transact(pk: string, ops: TxOp[]): Promise<void>;
}

function status(e: unknown): number | undefined {
  const s = (e as { statusCode?: unknown } | null)?.statusCode;
  return typeof s === 'number' ? s : undefined;
}

export function createAzureStore(connectionString: string, containerName: string, tableName: string): Store {
  const local = /UseDevelopmentStorage=true|127\.0\.0\.1|localhost/i.test(connectionString);
  const blobs: ContainerClient = BlobServiceClient.fromConnectionString(connectionString).getContainerClient(containerName);
  const table = TableClient.fromConnectionString(connectionString, tableName, { allowInsecureConnection: local });

  return {
    async init() {
      await blobs.createIfNotExists();
      await table.createTable();
    },

    async putBlobIfAbsent(name, bytes, contentType) {
      try {
        await blobs.getBlockBlobClient(name).uploadData(bytes, {
          conditions: { ifNoneMatch: '*' },
          blobHTTPHeaders: { blobContentType: contentType },
        });
        return 'created';
      } catch (e) {
        // 409 BlobAlreadyExists: same name = same content (names are content hashes).
        if (status(e) === 409) return 'exists';
        throw e;
      }
    },

    async getBlob(name) {
      try {
        // One GET (downloadToBuffer would ask for the properties first).
        const r = await blobs.getBlockBlobClient(name).download();
        const chunks: Buffer[] = [];
        for await (const c of r.readableStreamBody as AsyncIterable<Buffer>) chunks.push(c);
        return Buffer.concat(chunks);
      } catch (e) {
        if (status(e) === 404) return null;
        throw e;
      }
    },

    async getEntity<T extends Entity>(pk: string, rk: string) {
      try {
        const e = await table.getEntity<T>(pk, rk);
        return strip<T>(e);
      } catch (e) {
        if (status(e) === 404) return null;
        throw e;
      }
    },

    async listEntities<T extends Entity>(pk: string, prefix: string) {
      const out: Array<StoredEntity<T>> = [];
      // '\uffff' sorts after every row-key character we use, so [prefix, prefix+'\uffff') is the prefix range.
      const filter = odata`PartitionKey eq ${pk} and RowKey ge ${prefix} and RowKey lt ${prefix + '\uffff'}`;
      for await (const e of table.listEntities<T>({ queryOptions: { filter } })) out.push(strip<T>(e));
      return out;
    },

    async transact(_pk, ops) {
      const tx = new TableTransaction();
      for (const o of ops) {
        const entity = { ...o.props, partitionKey: o.pk, rowKey: o.rk } as TableEntity;
        if (o.op === 'create') tx.createEntity(entity);
        else if (o.op === 'upsert') tx.upsertEntity(entity, 'Replace');
        else tx.updateEntity(entity, 'Replace', { etag: o.etag });
      }
      try {
        await table.submitTransaction(tx.actions);
      } catch (e) {
        const s = status(e);
        if (s === 409 || s === 412) throw new ConflictError(s);
        throw e;
      }
    },
  };
}

function strip<T extends Entity>(e: TableEntityResult<T>): StoredEntity<T> {
  const { timestamp: _t, 'odata.metadata': _m, ...rest } = e as TableEntityResult<T> & { 'odata.metadata'?: unknown };
  return rest as unknown as StoredEntity<T>;
}
