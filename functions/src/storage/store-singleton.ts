// One store per process (per configuration), created on first use with its container and table
// ensured. A failed start (storage down) is forgotten, so the next request tries again.
import { settings, wrapStore } from '../config';
import { createAzureStore, type Store } from './store';

let storePromise: Promise<Store> | undefined;
let storeKey = '';

export function getStore(): Promise<Store> {
  const s = settings();
  const key = `${s.connectionString}|${s.container}|${s.table}|${s.storageClient}`;
  if (!storePromise || storeKey !== key) {
    storeKey = key;
    const p = (async () => {
      const store = wrapStore(createAzureStore(s.connectionString, s.container, s.table, s.storageClient));
      await store.init();
      return store;
    })();
    p.catch(() => {
      if (storePromise === p) storePromise = undefined;
    });
    storePromise = p;
  }
  return storePromise;
}

/** The next getStore() builds a new store (the dev host calls this when it is configured). */
export function resetStore(): void {
  storePromise = undefined;
}
