// The local county of `npm start`, and the storage the admin tools talk to. On empty storage the
// county is created with a county credential; later starts find that credential and show the
// same sign-in link again (a token is re-derived from its record, never stored). The record (no
// secret in it) goes to .data/local-county.json, so `npm run demo -- --url` can sign in as the
// county with the local development secret.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { signInLink } from '../../shared/api/link';
import { beijingText } from '../../shared/consolidate/deadline';
import { issueCountyCredential } from '../src/auth/issue';
import { tokenFor, type CredentialScope } from '../src/auth/token';
import { credentialStatus, ensureCounty, listCountyCredentials, type CredentialRecord } from '../src/storage/credentials';
import { createAzureStore, type Store } from '../src/storage/store';
import { DEV_ACCOUNT, DEV_KEY } from './azurite';
import { dataDir } from './env';

export const LOCAL_LABEL = '本地县委组织部（npm start）';
const LOCAL_FILE = (dir = dataDir()) => path.join(dir, 'local-county.json');

/** STORAGE_CONNECTION_STRING / AzureWebJobsStorage, else the local Azurite of `npm start`. */
export function adminConnectionString(): string {
  const env = process.env.STORAGE_CONNECTION_STRING ?? process.env.AzureWebJobsStorage;
  if (env) return env;
  const blob = process.env.AZURITE_BLOB_PORT ?? '10000';
  const table = process.env.AZURITE_TABLE_PORT ?? '10002';
  return `DefaultEndpointsProtocol=http;AccountName=${DEV_ACCOUNT};AccountKey=${DEV_KEY};BlobEndpoint=http://127.0.0.1:${blob}/${DEV_ACCOUNT};TableEndpoint=http://127.0.0.1:${table}/${DEV_ACCOUNT};`;
}

/** The grading store, ready; refuses after `ms` with a Chinese hint instead of retrying for minutes. */
export async function openStore(connectionString: string, ms = 15_000): Promise<Store> {
  const store = createAzureStore(connectionString, process.env.GRADING_CONTAINER ?? 'grading', process.env.GRADING_TABLE ?? 'grading');
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('无法连接存储：请先运行 npm start（本地 Azurite），或设置 STORAGE_CONNECTION_STRING')), ms);
  });
  try {
    await Promise.race([store.init(), timeout]);
  } finally {
    clearTimeout(timer);
  }
  return store;
}

export interface SignIn {
  countyName: string;
  record: CredentialRecord;
  token: string;
  link: string;
  created: boolean;
}

/** The local county and an active county credential for it (created when missing). `dataDir`: where its record goes (tests keep theirs apart). */
export async function localSignIn(o: { store: Store; secret: string; countyId: string; countyName: string; page: string; server: string; now?: number; dataDir?: string }): Promise<SignIn> {
  const now = o.now ?? Date.now();
  const county = await ensureCounty(o.store, o.countyId, o.countyName, new Date(now));
  const existing = (await listCountyCredentials(o.store, o.countyId)).filter((r) => r.label === LOCAL_LABEL && credentialStatus(r, now + 86_400_000) === 'active').at(-1);
  const record = existing ?? (await issueCountyCredential(o.store, { countyId: o.countyId, countyName: county.name, days: 365, label: LOCAL_LABEL, now })).record;
  const token = tokenFor(record, o.secret);
  fs.mkdirSync(o.dataDir ?? dataDir(), { recursive: true });
  const { id, kind, countyId, campaignId, townshipId, issuedAt, expiresAt } = record;
  fs.writeFileSync(LOCAL_FILE(o.dataDir), JSON.stringify({ id, kind, countyId, campaignId, townshipId, issuedAt, expiresAt }, null, 2) + '\n');
  return { countyName: county.name, record, token, link: signInLink(o.page, { server: o.server, token }), created: !existing };
}

/** The local county's token as `npm start` recorded its credential (the server still checks the record). */
export function localCountyToken(secret: string): string | null {
  if (!fs.existsSync(LOCAL_FILE())) return null;
  const r = JSON.parse(fs.readFileSync(LOCAL_FILE(), 'utf8')) as Partial<CredentialScope>;
  if (!r.id || r.kind !== 'county' || !r.countyId || !r.issuedAt || !r.expiresAt) return null;
  return tokenFor({ id: r.id, kind: 'county', countyId: r.countyId, campaignId: null, townshipId: null, issuedAt: r.issuedAt, expiresAt: r.expiresAt }, secret);
}

/**
 * The banner's heading over the sign-in link. The expiry is shown in Beijing time, as the page shows
 * it (令牌有效期至 …): the record is in UTC, and its date alone was the day before from 16:00 UTC on.
 */
export function signInHeading(s: Pick<SignIn, 'countyName' | 'record' | 'created'>): string {
  return `${s.countyName}委组织部登录链接（有效期至 ${beijingText(s.record.expiresAt)}${s.created ? '，新建' : ''}）：`;
}
