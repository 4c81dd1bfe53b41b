// A budget of some resource (bytes of request bodies, workbook reads) handed out first come, first
// served, with a bounded wait: what keeps the host's memory bounded when many heavy requests arrive
// at once. A request that waited too long is answered 503 UPLOADS_BUSY with Retry-After (handler.ts).
import { settings, type Settings } from '../config';

/** A request waited longer than UPLOAD_WAIT_SECONDS for its share: answered 503 UPLOADS_BUSY. */
export class BusyTimeout extends Error {
  constructor(what: string) {
    super(`${what}: waited too long for its turn`);
    this.name = 'BusyTimeout';
  }
}

/** Something waiting its turn: granted once, or given up after its wait. */
export interface Waiter {
  grant(): void;
}

/**
 * True once the waiter `make` builds is granted; false after `waitMs`, when `leave` has taken it
 * out of wherever it waited (and let those behind it move up). `enqueue` puts it there and may
 * grant it at once. The one way a turn is waited for: the budget below and the read turns
 * (read-gate.ts).
 */
export function awaitTurn<W extends Waiter>(make: (grant: () => void) => W, enqueue: (w: W) => void, leave: (w: W) => void, waitMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    // make() only builds the waiter: grant() runs once it is enqueued, after the timer exists.
    const w = make(() => {
      clearTimeout(timer);
      resolve(true);
    });
    const timer = setTimeout(() => {
      leave(w);
      resolve(false);
    }, waitMs);
    enqueue(w);
  });
}

/** One `T` per settings object, made when first asked for: a test's configure() gets a fresh one. */
export function perSettings<T>(make: (s: Settings) => T): () => T {
  let made: { of: Settings; value: T } | undefined;
  return () => {
    const s = settings();
    if (made?.of !== s) made = { of: s, value: make(s) };
    return made.value;
  };
}

interface Units extends Waiter {
  n: number;
}

/**
 * Units reserved first come, first served: a big request at the head is not overtaken by small ones
 * behind it. What a request already holding units needs to finish (more of a body it is reading,
 * grow()) goes ahead of every new reservation: it gives its units back sooner.
 */
export class FifoBudget {
  private used = 0;
  private readonly queue: Units[] = [];
  /** Waiting grow() calls: served before the queue. */
  private readonly ahead: Units[] = [];

  constructor(readonly capacity: number) {}

  get reserved(): number {
    return this.used;
  }

  /** True once `n` units are reserved (at most the capacity); false if that took longer than `waitMs`. */
  reserve(n: number, waitMs: number): Promise<boolean> {
    const want = Math.min(n, this.capacity);
    // Nothing to wait for (a body that reserves as it arrives starts with nothing).
    if (want <= 0) return Promise.resolve(true);
    if (this.queue.length === 0 && this.ahead.length === 0 && this.used + want <= this.capacity) {
      this.used += want;
      return Promise.resolve(true);
    }
    return this.wait(this.queue, want, waitMs);
  }

  /** Like reserve(), for a holder that needs more to finish: taken at once when it fits, else waits ahead of every reserve(). */
  grow(n: number, waitMs: number): Promise<boolean> {
    const want = Math.min(n, this.capacity);
    if (this.ahead.length === 0 && this.used + want <= this.capacity) {
      this.used += want;
      return Promise.resolve(true);
    }
    return this.wait(this.ahead, want, waitMs);
  }

  private wait(queue: Units[], want: number, waitMs: number): Promise<boolean> {
    return awaitTurn(
      (grant) => ({ n: want, grant }),
      (w) => queue.push(w),
      (w) => {
        const i = queue.indexOf(w);
        if (i >= 0) queue.splice(i, 1);
        // The one that left may have been the head that held the others back.
        this.drain();
      },
      waitMs,
    );
  }

  release(n: number): void {
    this.used = Math.max(0, this.used - Math.min(n, this.capacity));
    this.drain();
  }

  private drain(): void {
    for (const q of [this.ahead, this.queue]) {
      for (let w = q[0]; w && this.used + w.n <= this.capacity; w = q[0]) {
        q.shift();
        this.used += w.n;
        w.grant();
      }
      // A holder still waiting keeps new reservations out until it has what it needs.
      if (q.length > 0) return;
    }
  }
}

/**
 * The process's budget of one resource, sized by the settings (a test's configure() gets a fresh
 * one): `acquire(n, what)` is `n` units of it, waited for up to UPLOAD_WAIT_SECONDS, else a
 * BusyTimeout naming `what`. The caller releases them on the budget it got (and grows its share
 * there, budget.grow()).
 */
export function settingsBudget(capacityOf: (s: Settings) => number): { acquire(n: number, what: string): Promise<FifoBudget> } {
  const budget = perSettings((s) => new FifoBudget(capacityOf(s)));
  return {
    async acquire(n, what) {
      const b = budget();
      if (!(await b.reserve(n, settings().turnWaitMs))) throw new BusyTimeout(what);
      return b;
    },
  };
}
