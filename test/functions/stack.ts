// A real stack for end-to-end tests: in-process Azurite, the dev host over HTTP, token minting and a
// small fetch wrapper. Every test file starts its own.
import { mintToken } from '../../functions/src/auth/token';
import { startDevHost, type DevHostOptions } from '../../functions/dev/host';
import { startAzurite } from '../helpers/azurite';

export const SECRET = 'e2e-secret-0123456789abcdef';

export interface Stack {
  url: string;
  api: string;
  connectionString: string;
  county(campaignId?: string): string;
  township(townshipId: string, campaignId?: string): string;
  call(method: string, path: string, opts?: { token?: string; json?: unknown; body?: Uint8Array; headers?: Record<string, string> }): Promise<Response>;
  stop(): Promise<void>;
}

export async function startStack(extra: Partial<DevHostOptions> = {}, campaignId = 'c2026'): Promise<Stack> {
  const az = await startAzurite();
  const host = await startDevHost({ port: 0, connectionString: az.connectionString, secret: SECRET, ...extra });
  const api = `${host.url}/api`;
  return {
    url: host.url,
    api,
    connectionString: az.connectionString,
    county: (c = campaignId) => mintToken({ role: 'county', campaignId: c, days: 1 }, SECRET),
    township: (t, c = campaignId) => mintToken({ role: 'township', campaignId: c, townshipId: t, days: 1 }, SECRET),
    call(method, path, o = {}) {
      const headers: Record<string, string> = { ...(o.headers ?? {}) };
      if (o.token) headers.Authorization = `Bearer ${o.token}`;
      let body: BodyInit | undefined;
      if (o.json !== undefined) {
        headers['Content-Type'] = 'application/json';
        body = JSON.stringify(o.json);
      } else if (o.body) {
        headers['Content-Type'] = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
        body = o.body as unknown as BodyInit;
      }
      return fetch(api + path, { method, headers, ...(body !== undefined ? { body } : {}) });
    },
    async stop() {
      await host.close();
      await az.stop();
    },
  };
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
