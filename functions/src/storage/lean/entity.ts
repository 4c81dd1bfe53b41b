// Entities on the wire, written and read exactly as @azure/data-tables does, so a row written by one
// client reads the same through the other:
//   out: the properties as plain JSON, then PartitionKey and RowKey. No type annotations, so the
//        service types a number as Int32 when it is a whole number in range and as Double otherwise
//        (the SDK sends numbers the same way); a null is not stored.
//   in:  minimal metadata; a value annotated Int64/DateTime/Binary/Guid becomes a bigint/Date/
//        bytes/{value,type} as in the SDK (entities.ts then refuses what it did not write), and the
//        bookkeeping (Timestamp, odata.*) is dropped; the ETag is the entity's odata.etag.
import type { Entity, StoredEntity } from '../store';

export function entityJson(pk: string, rk: string, props: Entity): string {
  return JSON.stringify({ ...props, PartitionKey: pk, RowKey: rk });
}

function typed(value: unknown, type: unknown): unknown {
  switch (type) {
    case 'Edm.Boolean':
    case 'Edm.Double':
    case 'Edm.Int32':
    case 'Edm.String':
      return value;
    case 'Edm.Int64':
      return BigInt(String(value));
    case 'Edm.DateTime':
      return new Date(String(value));
    case 'Edm.Binary':
      return new Uint8Array(Buffer.from(String(value), 'base64'));
    case 'Edm.Guid':
      return { value, type: 'Guid' };
    default:
      throw new Error(`Unknown EDM type ${String(type)}`);
  }
}

/** One entity of a GET or a query page, as the store hands it on (etag given when the body has none). */
export function fromWire(o: Record<string, unknown>, etag?: string): StoredEntity {
  const props: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) {
    if (k.includes('@odata.type') || k === 'PartitionKey' || k === 'RowKey' || k === 'Timestamp' || k.startsWith('odata.')) continue;
    const type = o[`${k}@odata.type`];
    props[k] = type === undefined ? v : typed(v, type);
  }
  const tag = o['odata.etag'];
  return { ...props, partitionKey: String(o.PartitionKey), rowKey: String(o.RowKey), etag: typeof tag === 'string' ? tag : (etag ?? '') };
}

/** A key inside an entity's path: quotes doubled as in an OData literal, then percent-encoded (as the SDK does). */
export function keyInPath(key: string): string {
  return `'${encodeURIComponent(key.replace(/'/g, "''"))}'`;
}

export function entityPath(tablePath: string, pk: string, rk: string): string {
  return `${tablePath}(PartitionKey=${keyInPath(pk)},RowKey=${keyInPath(rk)})`;
}

/** A string literal in an OData $filter: single quotes doubled. */
export function odataString(s: string): string {
  return `'${s.replace(/'/g, "''")}'`;
}

/**
 * Row keys of one partition that start with `prefix`. '\uffff' sorts after every row-key character
 * we use, so [prefix, prefix+'\uffff') is the prefix range.
 */
export function prefixFilter(pk: string, prefix: string): string {
  return `PartitionKey eq ${odataString(pk)} and RowKey ge ${odataString(prefix)} and RowKey lt ${odataString(prefix + '\uffff')}`;
}

/** A query-string value: percent-encoded, quotes too (as the SDK sends a $filter). */
export function queryValue(s: string): string {
  return encodeURIComponent(s).replace(/'/g, '%27');
}
