// The Table calls the store makes: create the table, read one entity, query a row-key range of one
// partition (following continuations), and one entity-group transaction. Headers and versions are
// the ones @azure/data-tables 13.3.2 sends (x-ms-version 2019-02-02, DataServiceVersion 3.0,
// SharedKeyLite), which the service and Azurite 3.37 accept.
import { ConflictError, STORAGE_LIMITS } from '../errors';
import type { StoredEntity, TxOp } from '../store';
import { batchBody, batchContentType, batchFailure, newBatchIds } from './batch';
import type { Account } from './connection-string';
import { entityPath, fromWire, prefixFilter, queryValue } from './entity';
import { send, StorageHttpError, targetOf, type Call, type Reply } from './http';
import { tableAuthorization, type Headers } from './shared-key';

export const TABLE_VERSION = '2019-02-02';

/**
 * Largest answers read. An entity is at most 1 MiB in the service (its JSON a little more); a query
 * page holds at most 1,000 entities, ours a few KB each; a transaction's answer is a few status lines.
 */
const MAX_ENTITY = 4 * 1024 * 1024;
const MAX_PAGE = 64 * 1024 * 1024;
const MAX_SMALL = 1024 * 1024;

const READ_HEADERS: Headers = { accept: 'application/json;odata=minimalmetadata', 'x-ms-version': TABLE_VERSION, dataserviceversion: '3.0' };

/** The service's error code: the x-ms-error-code header, else the odata.error in the body. */
function errorCode(r: Reply): string {
  const h = r.headers['x-ms-error-code'];
  if (typeof h === 'string') return h;
  return /"code"\s*:\s*"([^"]*)"/.exec(r.body.toString('utf8', 0, Math.min(r.body.length, 4096)))?.[1] ?? '';
}

const failed = (r: Reply, what: string) => new StorageHttpError(r.status, errorCode(r), what);

export interface TableCalls {
  createTable(): Promise<void>;
  getEntity(pk: string, rk: string): Promise<StoredEntity | null>;
  listEntities(pk: string, prefix: string): Promise<StoredEntity[]>;
  transact(ops: readonly TxOp[]): Promise<void>;
}

export function tableCalls(account: Account, table: string): TableCalls {
  const target = targetOf(account.tableEndpoint);
  const tablePath = `${target.basePath}/${table}`;
  const call = (what: string, method: string, path: string, query: string, headers: Headers, maxBody: number, deadline: number, body?: Buffer): Promise<Reply> => {
    const c: Call = {
      what,
      method,
      path,
      query,
      headers: body ? { ...headers, 'content-length': String(body.length) } : headers,
      maxBody,
      deadline,
      sign: (h) => tableAuthorization(account.name, account.key, path, query, h['x-ms-date'] ?? ''),
      ...(body ? { body } : {}),
    };
    return send(target, c);
  };
  const deadline = () => Date.now() + STORAGE_LIMITS.tableCallMs;

  return {
    async createTable() {
      const body = Buffer.from(JSON.stringify({ TableName: table }));
      const headers = { ...READ_HEADERS, 'content-type': 'application/json;odata=nometadata' };
      const r = await call('create table', 'POST', `${target.basePath}/Tables`, '', headers, MAX_SMALL, deadline(), body);
      if (r.status === 201 || r.status === 204) return;
      // Already there is what we want; any other 409 (TableBeingDeleted) is a fault, as in the SDK.
      if (r.status === 409 && errorCode(r) === 'TableAlreadyExists') return;
      throw failed(r, 'create table');
    },

    async getEntity(pk, rk) {
      const r = await call('get entity', 'GET', entityPath(tablePath, pk, rk), '', READ_HEADERS, MAX_ENTITY, deadline());
      if (r.status === 404) return null;
      if (r.status !== 200) throw failed(r, 'get entity');
      const etag = r.headers.etag;
      return fromWire(JSON.parse(r.body.toString('utf8')) as Record<string, unknown>, typeof etag === 'string' ? etag : undefined);
    },

    async listEntities(pk, prefix) {
      // One deadline for every page, as the SDK gives its whole iteration one abort signal.
      const by = deadline();
      const filter = `$filter=${queryValue(prefixFilter(pk, prefix))}`;
      const out: StoredEntity[] = [];
      let next = '';
      do {
        const r = await call('query entities', 'GET', `${tablePath}()`, filter + next, READ_HEADERS, MAX_PAGE, by);
        if (r.status !== 200) throw failed(r, 'query entities');
        const page = JSON.parse(r.body.toString('utf8')) as { value?: Array<Record<string, unknown>> };
        for (const e of page.value ?? []) out.push(fromWire(e));
        // A page may end early (1,000 entities, a partition boundary, five seconds); the service says where to go on.
        const npk = r.headers['x-ms-continuation-nextpartitionkey'];
        const nrk = r.headers['x-ms-continuation-nextrowkey'];
        next = typeof npk === 'string' && npk ? `&NextPartitionKey=${queryValue(npk)}${typeof nrk === 'string' && nrk ? `&NextRowKey=${queryValue(nrk)}` : ''}` : '';
      } while (next);
      return out;
    },

    async transact(ops) {
      const ids = newBatchIds();
      const body = Buffer.from(batchBody(`${account.tableEndpoint}/${table}`, ops, ids), 'utf8');
      const headers: Headers = {
        accept: 'application/json',
        'x-ms-version': TABLE_VERSION,
        dataserviceversion: '3.0;',
        maxdataserviceversion: '3.0;NetFx',
        'content-type': batchContentType(ids),
        'accept-charset': 'UTF-8',
      };
      const r = await call('table transaction', 'POST', `${target.basePath}/$batch`, '', headers, MAX_SMALL, deadline(), body);
      if (r.status === 409 || r.status === 412) throw new ConflictError(r.status);
      if (r.status < 200 || r.status >= 300) throw failed(r, 'table transaction');
      const bad = batchFailure(r.body.toString('utf8'));
      if (!bad) return;
      if (bad.status === 409 || bad.status === 412) throw new ConflictError(bad.status);
      throw new StorageHttpError(bad.status, bad.code, 'table transaction');
    },
  };
}
