// What the browser tests run against: the built page served by the real dev host, Azurite in
// memory, one campaign with a township per test that writes, and filled workbooks made from the
// server's templates. A test that needs its own counts creates its own campaign.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startDevHost, type DevHost } from '../../functions/dev/host';
import { XLSX_MIME, type ReviewAction } from '../../shared/api/contract';
import { defaultScheme } from '../../shared/scheme/default';
import { fillTemplate, type FillOrg } from '../../shared/template/fill';
import { sampleOrgs } from '../../shared/template/sample';
import { startAzurite } from '../helpers/azurite';
import { credentialBook, type CredentialBook } from '../helpers/credentials';
import { ensureDist } from '../../functions/dev/addin-dist';

export const SECRET = 'e2e-secret-not-for-production';
export const CAMPAIGN = 'e2e-2026';

export interface Township {
  id: string;
  name: string;
}

export const A: Township = { id: 'chengguan', name: '城关镇' };
export const B: Township = { id: 'dongshan', name: '东山乡' };
/** Townships for tests that write, so each test's state is its own. */
export const C: Township = { id: 'xishan', name: '西山镇' };
export const D: Township = { id: 'beiling', name: '北岭乡' };
export const E: Township = { id: 'nanhu', name: '南湖镇' };
export const F: Township = { id: 'anhe', name: '安和镇' };
const MAIN_TOWNSHIPS = [A, B, C, D, E, F];

export interface CampaignHandle {
  id: string;
  county: string;
  townships: Township[];
  /** The county's token, or a township's. */
  token(t?: Township): string;
  template(t: Township): Promise<Uint8Array>;
  /** The township's template from the server, filled with 12 valid sample rows (optionally altered). */
  workbook(t: Township, seed: number, alter?: (orgs: FillOrg[]) => FillOrg[]): Promise<Uint8Array>;
  upload(t: Township, bytes: Uint8Array): Promise<void>;
  review(t: Township, action: ReviewAction): Promise<void>;
}

export interface Stack {
  url: string;
  /** Credential records for tests that need an expired, revoked or stray one (call ready() after). */
  credentials: CredentialBook;
  dir: string;
  main: CampaignHandle;
  token: { county: string; a: string; b: string };
  api(path: string, token: string, init?: RequestInit): Promise<Response>;
  /** `more`: further fields of the POST body (a 名册, a predecessor). */
  createCampaign(id: string, townships: Township[], deadline: string, county?: string, year?: number, more?: Record<string, unknown>): Promise<CampaignHandle>;
  /** A handle on a campaign the page created (its township credentials are written now). */
  handle(id: string, townships: Township[], county?: string): Promise<CampaignHandle>;
  /** Writes bytes to a file in the stack's folder (for the page's file input). */
  file(name: string, bytes: Uint8Array): string;
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
  const countyToken = book.county();
  const api = async (p: string, tok: string, init: RequestInit = {}) => {
    const res = await fetch(`${host.url}/api${p}`, { ...init, headers: { Authorization: `Bearer ${tok}`, ...(init.headers ?? {}) } });
    if (!res.ok) throw new Error(`${init.method ?? 'GET'} ${p}: ${res.status} ${await res.text()}`);
    return res;
  };

  const handle = async (id: string, townships: Township[], county = '示范县'): Promise<CampaignHandle> => {
    const tokens = new Map(townships.map((t) => [t.id, book.township(id, t.id)]));
    await book.ready();
    const token = (t?: Township) => (t ? (tokens.get(t.id) ?? '') : countyToken);
    const template = async (t: Township) => new Uint8Array(await (await api(`/campaigns/${id}/townships/${t.id}/template`, token(t))).arrayBuffer());
    return {
      id,
      county,
      townships,
      token,
      template,
      async workbook(t, seed, alter = (o) => o) {
        const sample = sampleOrgs(defaultScheme, 12, seed, { prefix: t.name });
        const info = { township: t.name, filledBy: '王秀英', phone: '0793-1234567', filledOn: '2026-04-20' };
        return fillTemplate(await template(t), { scheme: defaultScheme, info, orgs: alter(sample.orgs), rectifications: sample.rectifications });
      },
      async upload(t, bytes) {
        await api(`/campaigns/${id}/townships/${t.id}/submissions`, token(t), { method: 'POST', headers: { 'Content-Type': XLSX_MIME }, body: bytes as BodyInit });
      },
      async review(t, action) {
        await api(`/campaigns/${id}/townships/${t.id}/review`, countyToken, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(action) });
      },
    };
  };

  const createCampaign = async (id: string, townships: Township[], deadline: string, county = '示范县', year = 2026, more: Record<string, unknown> = {}): Promise<CampaignHandle> => {
    const made = await handle(id, townships, county);
    await api('/campaigns', countyToken, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ id, year, county, deadline, townships, ...more }),
    });
    return made;
  };

  const main = await createCampaign(CAMPAIGN, MAIN_TOWNSHIPS, '2099-04-25');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'taskpane-e2e-'));
  return {
    url: host.url,
    credentials: book,
    dir,
    main,
    token: { county: main.token(), a: main.token(A), b: main.token(B) },
    api,
    createCampaign,
    handle,
    file(name, bytes) {
      const p = path.join(dir, name);
      fs.writeFileSync(p, bytes);
      return p;
    },
    async stop() {
      await host.close();
      await azurite.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
