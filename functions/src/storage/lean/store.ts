// The Store on Node's http/https with Shared Key, for account-key connection strings (Azure and
// Azurite): the same calls the SDK store makes, without the SDKs' pipelines, which cost about a
// quarter of an upload's CPU (issue 13). Failures are classified by the same guard as the SDK store.
import { guard } from '../errors';
import type { Store } from '../store';
import { blobCalls } from './blob';
import type { Account } from './connection-string';
import { tableCalls } from './table';

export function createLeanStore(account: Account, containerName: string, tableName: string): Store {
  const blobs = blobCalls(account, containerName);
  const table = tableCalls(account, tableName);
  return {
    init: () =>
      guard('init', async () => {
        await blobs.createContainer();
        await table.createTable();
      }),
    putBlobIfAbsent: (name, bytes, contentType) => guard('putBlob', () => blobs.putIfAbsent(name, bytes, contentType)),
    getBlob: (name) => guard('getBlob', () => blobs.get(name)),
    getEntity: (pk, rk) => guard('getEntity', () => table.getEntity(pk, rk)),
    listEntities: (pk, prefix) => guard('listEntities', () => table.listEntities(pk, prefix)),
    transact: (_pk, ops) => guard('transact', () => table.transact(ops)),
  };
}
