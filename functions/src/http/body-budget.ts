// How many bytes of request bodies the process holds at once. Each body is capped (MAX_UPLOAD_MB),
// but nothing else bounded how many were held together: 40 townships sending 19 MB files at once
// took the host to 520 MB, and one credential sending many at once could take it past what the
// instance has. A request reserves its body's size before a byte of it is read (its declared
// Content-Length, or the cap when it declares none, trimmed once read) and gives it back when its
// answer is made (endpoint, handler.ts). While the budget is spent, requests wait their turn,
// unread (the sender is held back by TCP); one still waiting after UPLOAD_WAIT_SECONDS is answered
// 503 with Retry-After (fifo-budget.ts). Ordinary uploads (tens of KB) never wait.
import type { HttpRequest } from '@azure/functions';
import { settingsBudget, type FifoBudget } from './fifo-budget';

const bodies = settingsBudget((s) => Math.max(s.bodyMemoryBytes, s.maxUploadBytes));

const held = new WeakMap<HttpRequest, { budget: FifoBudget; bytes: number }>();

/** Reserves `n` bytes for `req`'s body, waiting up to UPLOAD_WAIT_SECONDS; BusyTimeout after that. */
export async function reserveBody(req: HttpRequest, n: number): Promise<void> {
  const b = await bodies.acquire(n, `request body of ${n} bytes`);
  const h = held.get(req);
  held.set(req, { budget: b, bytes: (h?.bytes ?? 0) + Math.min(n, b.capacity) });
}

/** Gives back `n` of what `req` holds (a body without Content-Length, shorter than the cap it reserved). */
export function trimBody(req: HttpRequest, n: number): void {
  const h = held.get(req);
  if (!h || n <= 0) return;
  const k = Math.min(n, h.bytes);
  h.bytes -= k;
  h.budget.release(k);
}

/** Everything `req` holds, given back: called once its answer is made. */
export function releaseBody(req: HttpRequest): void {
  const h = held.get(req);
  if (!h) return;
  held.delete(req);
  h.budget.release(h.bytes);
}
