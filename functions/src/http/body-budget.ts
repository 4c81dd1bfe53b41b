// How many bytes of request bodies the process holds at once. Each body is capped (MAX_UPLOAD_MB),
// but nothing else bounded how many were held together: 40 townships sending 19 MB files at once
// took the host to 520 MB, and one credential sending many at once could take it past what the
// instance has. A body with a Content-Length reserves that size before a byte of it is read, first
// come first served, so honest big uploads run a few at a time and never wait halfway; the rest
// wait their turn, unread (the sender is held back by TCP), and one still waiting after
// UPLOAD_WAIT_SECONDS is answered 503 with Retry-After (fifo-budget.ts). That reservation lasts only
// while the body arrives at the pace of a real upload (body-pace.ts): a body that falls behind, and
// a body without a Content-Length from its first byte, holds what has arrived and reserves each
// piece as it comes, ahead of new bodies. Everything is given back when the answer is made
// (endpoint, handler.ts). Ordinary uploads (tens of KB) never wait.
import type { HttpRequest } from '@azure/functions';
import { settings } from '../config';
import { BusyTimeout, settingsBudget, type FifoBudget } from './fifo-budget';

const bodies = settingsBudget((s) => Math.max(s.bodyMemoryBytes, s.maxUploadBytes));

/** What one request's body holds of the budget. */
export interface BodyHold {
  readonly bytes: number;
  /** Holds at least `n` bytes, waiting (ahead of new bodies) up to UPLOAD_WAIT_SECONDS; BusyTimeout after that. */
  growTo(n: number): Promise<void>;
  /** Gives back everything above `n` bytes. */
  shrinkTo(n: number): void;
}

const held = new WeakMap<HttpRequest, { budget: FifoBudget; bytes: number }>();

/** Reserves `n` bytes for `req`'s body (0: a body reserved as it arrives), waiting up to UPLOAD_WAIT_SECONDS; BusyTimeout after that. */
export async function reserveBody(req: HttpRequest, n: number): Promise<BodyHold> {
  const budget = await bodies.acquire(n, `request body of ${n} bytes`);
  const h = held.get(req) ?? { budget, bytes: 0 };
  h.bytes += Math.min(n, budget.capacity);
  held.set(req, h);
  return {
    get bytes() {
      return h.bytes;
    },
    async growTo(m) {
      const more = Math.min(m, h.budget.capacity) - h.bytes;
      if (more <= 0) return;
      if (!(await h.budget.grow(more, settings().turnWaitMs))) throw new BusyTimeout(`request body growing to ${m} bytes`);
      // Released while it waited (the answer was made): give the late grant back at once.
      if (held.get(req) !== h) return h.budget.release(more);
      h.bytes += more;
    },
    shrinkTo(m) {
      const less = h.bytes - Math.max(0, m);
      if (less <= 0 || held.get(req) !== h) return;
      h.bytes -= less;
      h.budget.release(less);
    },
  };
}

/** Everything `req` holds, given back: called once its answer is made. */
export function releaseBody(req: HttpRequest): void {
  const h = held.get(req);
  if (!h) return;
  held.delete(req);
  h.budget.release(h.bytes);
}
