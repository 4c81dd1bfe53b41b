// The one retry loop for writes under an ETag. A ConflictError means another request changed the
// row between our read and our write: read again and try again, after a pause that grows and is
// jittered so that racing requests spread out instead of colliding again in lockstep.
import { ConflictError } from './store';

export interface RetryOptions {
  /** Attempts in all, the first included. */
  tries: number;
  /** Upper bound of the first pause; doubles with every conflict up to maxMs. */
  baseMs: number;
  maxMs: number;
}

/** Enough for a dozen writers on one township; the last pause is at most 250 ms. */
export const CONFLICT_RETRY: RetryOptions = { tries: 12, baseMs: 8, maxMs: 250 };

/** Injected by tests so the schedule can be checked without waiting. */
export interface RetryClock {
  sleep(ms: number): Promise<void>;
  random(): number;
}

const realClock: RetryClock = {
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: Math.random,
};

/** "Full jitter": the pause before attempt n+1 (n ≥ 1 conflicts so far) is uniform in [0, min(max, base·2^(n-1))). */
export function backoffMs(conflicts: number, o: RetryOptions, random: () => number): number {
  const cap = Math.min(o.maxMs, o.baseMs * 2 ** Math.max(0, conflicts - 1));
  return Math.floor(random() * cap);
}

/** Still conflicting after every try: the township is being written by many requests at once. */
export class ContentionError extends Error {
  constructor(
    readonly label: string,
    readonly tries: number,
  ) {
    super(`${label} kept conflicting after ${tries} tries`);
    this.name = 'ContentionError';
  }
}

/**
 * Runs `attempt` (which reads, decides and writes under the ETag it read) until it returns. Only a
 * ConflictError is retried; anything else, and any result, goes straight to the caller.
 */
export async function retryOnConflict<T>(label: string, attempt: (n: number) => Promise<T>, o: RetryOptions = CONFLICT_RETRY, clock: RetryClock = realClock): Promise<T> {
  for (let n = 0; n < o.tries; n++) {
    if (n > 0) await clock.sleep(backoffMs(n, o, clock.random));
    try {
      return await attempt(n);
    } catch (e) {
      if (!(e instanceof ConflictError)) throw e;
    }
  }
  throw new ContentionError(label, o.tries);
}
