// Store wrappers for tests. passThrough delegates every call (a store may keep its methods on a
// prototype, so spreading it would lose them); a test overrides the calls it watches or breaks.
// recordingEntityReads notes the row key of every getEntity in `into`.
import type { Store } from '../../../functions/src/storage/store';

export function passThrough(inner: Store): Store {
  return {
    init: () => inner.init(),
    getBlob: (n) => inner.getBlob(n),
    getEntity: (pk, rk) => inner.getEntity(pk, rk),
    listEntities: (pk, p) => inner.listEntities(pk, p),
    putBlobIfAbsent: (n, b, t) => inner.putBlobIfAbsent(n, b, t),
    transact: (pk, ops) => inner.transact(pk, ops),
  };
}

export function recordingEntityReads(into: string[]): (inner: Store) => Store {
  return (inner) => ({
    ...passThrough(inner),
    getEntity: (pk, rk) => {
      into.push(rk);
      return inner.getEntity(pk, rk);
    },
  });
}
