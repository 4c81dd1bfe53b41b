// How many bytes of request bodies the process holds at once. Each body is capped (MAX_UPLOAD_MB),
// but nothing else bounded how many were held together: 40 townships sending 19 MB files at once
// took the host to 520 MB, and one credential sending many at once could take it past what the
// instance has. A request reserves its body's size before a byte of it is read (its declared
// Content-Length, or the cap when it declares none, trimmed once read) and gives it back when its
// answer is made (endpoint, handler.ts). While the budget is spent, requests wait their turn,
// unread (the sender is held back by TCP); one still waiting after UPLOAD_WAIT_SECONDS is answered
// 503 with Retry-After. Ordinary uploads (tens of KB) never wait.
import type { HttpRequest } from '@azure/functions';
import { settings } from '../config';

/** The body budget's wait ran out: answered 503 UPLOADS_BUSY with Retry-After (handler.ts). */
export class BodyBudgetTimeout extends Error {
  constructor(readonly bytes: number) {
    super(`request body of ${bytes} bytes waited too long for memory`);
    this.name = 'BodyBudgetTimeout';
  }
}

interface Waiter {
  n: number;
  grant(): void;
}

/** Bytes reserved first come, first served: a big body at the head is not overtaken by small ones behind it. */
export class ByteBudget {
  private used = 0;
  private readonly queue: Waiter[] = [];

  constructor(readonly capacity: number) {}

  get reserved(): number {
    return this.used;
  }

  /** True once `n` bytes are reserved; false if that took longer than `waitMs`. `n` is at most the capacity. */
  reserve(n: number, waitMs: number): Promise<boolean> {
    const want = Math.min(n, this.capacity);
    if (this.queue.length === 0 && this.used + want <= this.capacity) {
      this.used += want;
      return Promise.resolve(true);
    }
    return new Promise((resolve) => {
      const w: Waiter = {
        n: want,
        grant: () => {
          clearTimeout(timer);
          resolve(true);
        },
      };
      const timer = setTimeout(() => {
        const i = this.queue.indexOf(w);
        if (i >= 0) this.queue.splice(i, 1);
        resolve(false);
        // The one that left may have been the head that held the others back.
        this.drain();
      }, waitMs);
      this.queue.push(w);
    });
  }

  release(n: number): void {
    this.used = Math.max(0, this.used - Math.min(n, this.capacity));
    this.drain();
  }

  private drain(): void {
    for (let w = this.queue[0]; w && this.used + w.n <= this.capacity; w = this.queue[0]) {
      this.queue.shift();
      this.used += w.n;
      w.grant();
    }
  }
}

let budget: { of: object; b: ByteBudget } | undefined;

/** The process's budget, sized by the current settings (a test's configure() gets a fresh one). */
export function bodyBudget(): ByteBudget {
  const s = settings();
  if (budget?.of !== s) budget = { of: s, b: new ByteBudget(Math.max(s.bodyMemoryBytes, s.maxUploadBytes)) };
  return budget.b;
}

const held = new WeakMap<HttpRequest, { budget: ByteBudget; bytes: number }>();

/** Reserves `n` bytes for `req`'s body, waiting up to UPLOAD_WAIT_SECONDS; BodyBudgetTimeout after that. */
export async function reserveBody(req: HttpRequest, n: number): Promise<void> {
  const b = bodyBudget();
  if (!(await b.reserve(n, settings().bodyWaitMs))) throw new BodyBudgetTimeout(n);
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
