// What a storage failure means to the rest of the app, whichever client made the call: a write
// whose condition did not hold (ConflictError), or storage that could not be reached
// (StorageUnavailableError, so the handler wrapper can answer 503 without knowing any client), and
// the limits every client keeps (tries, delays, deadlines). Both clients (lean/ and sdk-store.ts)
// classify their failures through isOutage and guard here.
/** The condition of a write did not hold (412) or the entity/blob already exists (409). */
export class ConflictError extends Error {
  constructor(readonly status: number) {
    super(`storage conflict ${status}`);
    this.name = 'ConflictError';
  }
}

/** Storage could not be reached or answered with a server error: the request may be retried later. */
export class StorageUnavailableError extends Error {
  constructor(
    readonly operation: string,
    cause: unknown,
  ) {
    super(`storage unavailable during ${operation}: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'StorageUnavailableError';
  }
}

/**
 * How long storage may take before the request gives up (and the caller gets 503). The SDKs'
 * defaults retry a refused connection for 4–6 s with exponential delays; a dead storage should be
 * known in about a second, while a slow one still has room for a 20 MB blob.
 */
export const STORAGE_LIMITS = {
  /** Tries per call (the first one included) and the delays between them. */
  tries: 3,
  retryDelayMs: 150,
  maxRetryDelayMs: 600,
  /** Client-side deadline of one call, retries included: table calls and blob transfers. */
  tableCallMs: 10_000,
  blobCallMs: 60_000,
} as const;

/** The HTTP status an error carries (the SDKs' RestError and the lean client's StorageHttpError both name it statusCode). */
export function status(e: unknown): number | undefined {
  const s = e instanceof Error && 'statusCode' in e ? e.statusCode : undefined;
  return typeof s === 'number' ? s : undefined;
}

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ESOCKETTIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'REQUEST_SEND_ERROR']);

/** A refused or reset connection, a deadline passed, or a 5xx/408 from the service. */
export function isOutage(e: unknown): boolean {
  if (!(e instanceof Error)) return false;
  if (e.name === 'AbortError' || e.name === 'TimeoutError') return true;
  const s = status(e);
  if (s !== undefined) return s >= 500 || s === 408;
  const code = 'code' in e ? e.code : undefined;
  if (typeof code === 'string' && NETWORK_CODES.has(code)) return true;
  // The SDKs' RestError without a status never reached the service.
  return e.name === 'RestError';
}

/** Runs one store call and says what its failure means: a conflict, an outage (503) or a fault. */
export async function guard<T>(operation: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof ConflictError || e instanceof StorageUnavailableError) throw e;
    if (isOutage(e)) throw new StorageUnavailableError(operation, e);
    throw e;
  }
}

