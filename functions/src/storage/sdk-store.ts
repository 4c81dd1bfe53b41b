// The Store over the Azure SDKs (@azure/data-tables, @azure/storage-blob). The lean client in lean/
// serves every account-key connection string; this one serves the rest (a SAS, a proxy, http to a
// remote host) and any deployment that sets STORAGE_CLIENT=sdk, so nothing that worked before is lost.
import { TableClient, TableTransaction, odata, type TableEntity, type TableEntityResult } from '@azure/data-tables';
import { BlobServiceClient, type ContainerClient } from '@azure/storage-blob';
import { ConflictError, guard, status, STORAGE_LIMITS } from './errors';
import type { Entity, StoredEntity, Store } from './store';

export function createSdkStore(connectionString: string, containerName: string, tableName: string): Store {
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
