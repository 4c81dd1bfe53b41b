// App settings. On Azure they are Function App application settings; locally the dev host passes
// them in (or they come from the environment). One process serves one configuration.
import { readLimitsSchema, type ReadLimits } from '../../shared/xlsx/limits';
import { DEFAULT_PACE, type PaceLimits } from './http/body-pace';
import type { Store } from './storage/store';

export interface Settings {
  /** Storage account connection string: STORAGE_CONNECTION_STRING, else AzureWebJobsStorage. */
  connectionString: string;
  /** HMAC key for access tokens: TOKEN_SECRET. */
  secret: string;
  /** Upload size cap in bytes: MAX_UPLOAD_MB (default 20). */
  maxUploadBytes: number;
  /** Request bodies held at once, in bytes: UPLOAD_MEMORY_MB (default 64, never below the upload cap). See http/body-budget.ts. */
  bodyMemoryBytes: number;
  /** How long a request waits for that memory, or for its read, before a 503: UPLOAD_WAIT_SECONDS (default 30). */
  turnWaitMs: number;
  /** How slowly a request body may arrive before it holds only what has arrived, or is dropped (408): http/body-pace.ts. Fixed; tests shorten it. */
  bodyPace: PaceLimits;
  /** Workbook reads at once: READ_CONCURRENCY (default 2). See upload/read-gate.ts. */
  readConcurrency: number;
  /** Blob container (GRADING_CONTAINER, default "grading") and table (GRADING_TABLE, default "grading"). */
  container: string;
  table: string;
  /** Bounds of the workbook reader beyond the upload cap: READ_LIMITS, JSON such as {"maxRowsPerSheet":50000} (default: none changed). */
  readLimits: Partial<ReadLimits>;
  /**
   * STORAGE_CLIENT: 'auto' (default) serves an account-key connection string with the lean client
   * (storage/lean/) and anything else with the Azure SDKs; 'sdk' always uses the SDKs.
   */
  storageClient: 'auto' | 'sdk';
}

let overrides: Partial<Settings> = {};
let storeWrapper: ((s: Store) => Store) | undefined;

export function configure(s: Partial<Settings>, wrapStore?: (s: Store) => Store): void {
  overrides = { ...s };
  storeWrapper = wrapStore;
  settingsCache = undefined;
}

let settingsCache: Settings | undefined;

export function settings(): Settings {
  if (settingsCache) return settingsCache;
  const env = process.env;
  const mb = Number(env.MAX_UPLOAD_MB ?? '20');
  const memoryMb = Number(env.UPLOAD_MEMORY_MB ?? '64');
  const waitS = Number(env.UPLOAD_WAIT_SECONDS ?? '30');
  const reads = Number(env.READ_CONCURRENCY ?? '2');
  const s: Settings = {
    connectionString: overrides.connectionString ?? env.STORAGE_CONNECTION_STRING ?? env.AzureWebJobsStorage ?? '',
    secret: overrides.secret ?? env.TOKEN_SECRET ?? '',
    maxUploadBytes: overrides.maxUploadBytes ?? (Number.isFinite(mb) && mb > 0 ? mb : 20) * 1024 * 1024,
    bodyMemoryBytes: overrides.bodyMemoryBytes ?? (Number.isFinite(memoryMb) && memoryMb > 0 ? memoryMb : 64) * 1024 * 1024,
    turnWaitMs: overrides.turnWaitMs ?? (Number.isFinite(waitS) && waitS >= 0 ? waitS : 30) * 1000,
    bodyPace: overrides.bodyPace ?? DEFAULT_PACE,
    readConcurrency: overrides.readConcurrency ?? (Number.isInteger(reads) && reads > 0 ? reads : 2),
    container: overrides.container ?? env.GRADING_CONTAINER ?? 'grading',
    table: overrides.table ?? env.GRADING_TABLE ?? 'grading',
    readLimits: overrides.readLimits ?? parseReadLimits(env.READ_LIMITS),
    storageClient: overrides.storageClient ?? parseStorageClient(env.STORAGE_CLIENT),
  };
  // Missing settings are a deployment fault, not a user's problem: fail loudly in the log.
  if (!s.connectionString) throw new Error('STORAGE_CONNECTION_STRING (or AzureWebJobsStorage) is not set');
  if (s.secret.length < 16) throw new Error('TOKEN_SECRET is not set or shorter than 16 characters');
  if (!/^[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]$/.test(s.container)) throw new Error(`GRADING_CONTAINER "${s.container}" is not a valid container name`);
  if (!/^[A-Za-z][A-Za-z0-9]{2,62}$/.test(s.table)) throw new Error(`GRADING_TABLE "${s.table}" is not a valid table name`);
  settingsCache = s;
  return s;
}

export function parseReadLimits(json: string | undefined): Partial<ReadLimits> {
  if (!json) return {};
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw new Error('READ_LIMITS is not valid JSON');
  }
  const r = readLimitsSchema.safeParse(value);
  if (!r.success) throw new Error(`READ_LIMITS is not valid: ${r.error.message}`);
  return r.data;
}

export function parseStorageClient(v: string | undefined): Settings['storageClient'] {
  const c = (v ?? '').trim().toLowerCase();
  if (c === '' || c === 'auto') return 'auto';
  if (c === 'sdk') return 'sdk';
  throw new Error(`STORAGE_CLIENT "${v ?? ''}" is not valid: auto or sdk`);
}

export function wrapStore(s: Store): Store {
  return storeWrapper ? storeWrapper(s) : s;
}
