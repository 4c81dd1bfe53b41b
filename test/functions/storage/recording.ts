// A store wrapper for tests that count reads: it notes the row key of every getEntity in `into`
// and passes every call through unchanged.
import type { Store } from '../../../functions/src/storage/store';

export function recordingEntityReads(into: string[]): (inner: Store) => Store {
  return (inner) => ({
    init: () => inner.init(),
    getBlob: (n) => inner.getBlob(n),
    getEntity: (pk, rk) => {
      into.push(rk);
      return inner.getEntity(pk, rk);
    },
    listEntities: (pk, p) => inner.listEntities(pk, p),
    putBlobIfAbsent: (n, b, t) => inner.putBlobIfAbsent(n, b, t),
    transact: (pk, ops) => inner.transact(pk, ops),
  });
}
