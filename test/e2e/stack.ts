// What the browser tests run against: the built page served by the real dev host, Azurite in
// memory, one campaign with two townships, and filled workbooks made from the server's templates.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startDevHost, type DevHost } from '../../functions/dev/host';
import { XLSX_MIME } from '../../shared/api/contract';
import { defaultScheme } from '../../shared/scheme/default';
import { fillTemplate, type FillOrg } from '../../shared/template/fill';
import { sampleOrgs } from '../../shared/template/sample';
import { startAzurite } from '../helpers/azurite';
import { credentialBook } from '../helpers/credentials';
import { ensureDist } from '../../functions/dev/addin-dist';

export const SECRET = 'e2e-secret-not-for-production';
export const CAMPAIGN = 'e2e-2026';
export const A = { id: 'chengguan', name: '城关镇' };
export const B = { id: 'dongshan', name: '东山乡' };

export interface Stack {
  url: string;
  dir: string;
  token: { county: string; a: string; b: string };
  api(path: string, token: string, init?: RequestInit): Promise<Response>;
  /** The township's template from the server, filled with 12 valid sample rows (optionally altered). */
  workbook(t: { id: string; name: string }, seed: number, alter?: (orgs: FillOrg[]) => FillOrg[]): Promise<Uint8Array>;
  template(t: { id: string }): Promise<Uint8Array>;
  upload(t: { id: string }, bytes: Uint8Array): Promise<void>;
  stop(): Promise<void>;
}

export async function startStack(): Promise<Stack> {
  const dist = await ensureDist();
  const azurite = await startAzurite();
  let host: DevHost;
  try {
    host = await startDevHost({ port: 0, connectionString: azurite.connectionString, secret: SECRET, staticDir: dist });
  } catch (e) {
    await azurite.stop();
    throw e;
  }
  // Credentials are records on the server: the book writes them before the page uses the tokens.
  const book = await credentialBook(azurite.connectionString, SECRET, { id: 'shifan', name: '示范县' }, 30);
  const token = { county: book.county(), a: book.township(CAMPAIGN, A.id), b: book.township(CAMPAIGN, B.id) };
  await book.ready();
  const tokenFor = (id: string) => (id === A.id ? token.a : token.b);
  const api = async (p: string, tok: string, init: RequestInit = {}) => {
    const res = await fetch(`${host.url}/api${p}`, { ...init, headers: { Authorization: `Bearer ${tok}`, ...(init.headers ?? {}) } });
    if (!res.ok) throw new Error(`${init.method ?? 'GET'} ${p}: ${res.status} ${await res.text()}`);
    return res;
  };
  await api('/campaigns', token.county, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ id: CAMPAIGN, year: 2026, county: '示范县', deadline: '2099-04-25', townships: [A, B] }),
  });
  const template = async (t: { id: string }) => new Uint8Array(await (await api(`/campaigns/${CAMPAIGN}/townships/${t.id}/template`, tokenFor(t.id))).arrayBuffer());
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'taskpane-e2e-'));
  return {
    url: host.url,
    dir,
    token,
    api,
    template,
    async workbook(t, seed, alter = (o) => o) {
      const sample = sampleOrgs(defaultScheme, 12, seed, { prefix: t.name });
      const info = { township: t.name, filledBy: '王秀英', phone: '0793-1234567', filledOn: '2026-04-20' };
      return fillTemplate(await template(t), { scheme: defaultScheme, info, orgs: alter(sample.orgs), rectifications: sample.rectifications });
    },
    async upload(t, bytes) {
      await api(`/campaigns/${CAMPAIGN}/townships/${t.id}/submissions`, tokenFor(t.id), { method: 'POST', headers: { 'Content-Type': XLSX_MIME }, body: bytes as BodyInit });
    },
    async stop() {
      await host.close();
      await azurite.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
