// Credentials for tests and benches. A credential is a record on the server and a token is its
// signed form, so a token only works once its record is stored. To keep test code short, the
// book hands out a token at once and remembers its record; ready() writes what it remembers (the
// stacks call it before each request). Record ids are fixed per scope, so a token is stable.
import { tokenFor } from '../../functions/src/auth/token';
import { ensureCounty, putCredential, type CredentialRecord } from '../../functions/src/storage/credentials';
import { ConflictError, createAzureStore, type Store } from '../../functions/src/storage/store';

export interface CredentialBook {
  /** The county credential of `countyId` (default: the book's county). */
  county(countyId?: string, name?: string): string;
  /** A township's invitation credential in the book's county (expired or revoked when asked). */
  township(campaignId: string, townshipId: string, opts?: { expiresAt?: string; revoked?: boolean }): string;
  /** Writes the records of every token handed out so far. */
  ready(): Promise<void>;
  store: Store;
}

export async function credentialBook(connectionString: string, secret: string, county: { id: string; name: string }, days = 1): Promise<CredentialBook> {
  const store = createAzureStore(connectionString, 'grading', 'grading');
  await store.init();
  const issuedAt = new Date().toISOString();
  const expiresAt = new Date(Date.now() + days * 86_400_000).toISOString();
  const counties = new Map<string, string>([[county.id, county.name]]);
  const pending = new Map<string, CredentialRecord>();
  const written = new Set<string>();
  const base = { issuedAt, expiresAt, revokedAt: null, revokedBy: null };
  const remember = (r: CredentialRecord): string => {
    if (!written.has(r.id)) pending.set(r.id, r);
    return tokenFor(r, secret);
  };
  return {
    store,
    county(countyId = county.id, name) {
      if (name) counties.set(countyId, name);
      return remember({ ...base, id: `county-${countyId}`, kind: 'county', countyId, campaignId: null, townshipId: null, label: '测试' });
    },
    township(campaignId, townshipId, opts = {}) {
      // A record per variant (and per expiry), so each test's token matches its own record.
      const special = `${opts.revoked ? '-r' : ''}${opts.expiresAt ? `-x${Date.parse(opts.expiresAt).toString(36)}` : ''}`;
      const record: CredentialRecord = { ...base, id: `t-${campaignId}-${townshipId}`.slice(0, 64 - special.length) + special, kind: 'township', countyId: county.id, campaignId, townshipId, label: townshipId };
      if (opts.expiresAt) record.expiresAt = opts.expiresAt;
      if (opts.revoked) Object.assign(record, { revokedAt: issuedAt, revokedBy: 'county' });
      return remember(record);
    },
    async ready() {
      if (!pending.size) return;
      const todo = [...pending.values()];
      pending.clear();
      for (const [id, name] of counties) await ensureCounty(store, id, name);
      await Promise.all(
        todo.map(async (r) => {
          try {
            await putCredential(store, r);
          } catch (e) {
            if (!(e instanceof ConflictError)) throw e;
          }
          written.add(r.id);
        }),
      );
    },
  };
}
