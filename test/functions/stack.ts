// A real stack for end-to-end tests: in-process Azurite, the dev host over HTTP, credentials and a
// small fetch wrapper. Every test file starts its own.
//
// Credentials are records on the server (test/helpers/credentials.ts): county()/township() return
// a token at once and call() (or ready()) writes its record before the request. The county 青山县
// and the townships of campaign c2026 are written at start, so their tokens work with a bare fetch.
import { startDevHost, type DevHostOptions } from '../../functions/dev/host';
import type { Store } from '../../functions/src/storage/store';
import { startAzurite } from '../helpers/azurite';
import { credentialBook } from '../helpers/credentials';

export const SECRET = 'e2e-secret-0123456789abcdef';
export const COUNTY = { id: 'qingshan', name: '青山县' };

export interface Stack {
  url: string;
  api: string;
  connectionString: string;
  /**
   * The county credential of 青山县. A county credential reaches every campaign of its county; the
   * argument is kept so older call sites read as before, and is not part of the credential.
   */
  county(campaignId?: string): string;
  /** A township's invitation credential (campaign c2026 unless given), in 青山县. */
  township(townshipId: string, campaignId?: string): string;
  /** The county credential of another county (created with it), for isolation tests. */
  countyOf(countyId: string, name: string): string;
  /** Writes the records of every token handed out so far (call() does this itself). */
  ready(): Promise<void>;
  /** The grading store, unwrapped (for tests that look at or change records directly). */
  store(): Store;
  call(method: string, path: string, opts?: { token?: string; json?: unknown; body?: Uint8Array; text?: string; headers?: Record<string, string> }): Promise<Response>;
  stop(): Promise<void>;
}

export async function startStack(extra: Partial<DevHostOptions> = {}, campaignId = 'c2026'): Promise<Stack> {
  const az = await startAzurite();
  const host = await startDevHost({ port: 0, connectionString: az.connectionString, secret: SECRET, ...extra });
  const api = `${host.url}/api`;
  const book = await credentialBook(az.connectionString, SECRET, COUNTY);
  const st: Stack = {
    url: host.url,
    api,
    connectionString: az.connectionString,
    county: () => book.county(),
    township: (t, c = campaignId) => book.township(c, t),
    countyOf: (countyId, name) => book.county(countyId, name),
    ready: () => book.ready(),
    store: () => book.store,
    async call(method, path, o = {}) {
      await book.ready();
      const headers: Record<string, string> = { ...(o.headers ?? {}) };
      if (o.token) headers.Authorization = `Bearer ${o.token}`;
      let body: BodyInit | undefined;
      if (o.json !== undefined) {
        headers['Content-Type'] = 'application/json';
        body = JSON.stringify(o.json);
      } else if (o.text !== undefined) {
        headers['Content-Type'] = 'text/plain; charset=utf-8';
        body = o.text;
      } else if (o.body) {
        headers['Content-Type'] ??= 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
        body = o.body as unknown as BodyInit;
      }
      return fetch(api + path, { method, headers, ...(body !== undefined ? { body } : {}) });
    },
    async stop() {
      await host.close();
      await az.stop();
    },
  };
  st.county();
  for (const t of TOWNSHIPS) st.township(t.id);
  await book.ready();
  return st;
}

export const TOWNSHIPS = [
  { id: 'dongshan', name: '东山镇' },
  { id: 'xihe', name: '西河乡' },
  { id: 'nanling', name: '南岭街道' },
  { id: 'beiping', name: '北坪镇' },
];

export function campaignBody(overrides: Record<string, unknown> = {}) {
  return { id: 'c2026', year: 2026, county: '青山县', deadline: '2099-04-25', townships: TOWNSHIPS, ...overrides };
}
