// Every server-side read of an untrusted workbook (a township's upload, a county's 名册) goes through
// here. Three things hold for all of them:
//   * Node's inflate for the small parts and its CRC-32 (native-inflate.ts), installed by this module;
//   * at most READ_CONCURRENCY reads at once (default 2), the others waiting their turn. A read holds
//     what it has parsed until it is done, and the reader yields now and then (shared/zip/inflate.ts,
//     Pacer), so reads sent together ran interleaved, all holding at once: ten 1.2 MB files of
//     250,000 rows at once took the host from 85 to 430 MB. One thread parses either way, so the
//     bound costs no throughput: a 50-organization file reads in a few ms;
//   * at most one turn per sender (a township, a county) at a time, and the senders waiting take
//     turns in rotation: fourteen heavy files from one township sent at once held every turn, first
//     come first served, and another township's normal upload waited 30 s for a 503. Now a
//     sender's second file waits for its first, while others' files take the turns left.
// A read still waiting after UPLOAD_WAIT_SECONDS is answered 503 UPLOADS_BUSY (fifo-budget.ts).
import { settings } from '../config';
import { awaitTurn, BusyTimeout, perSettings, type Waiter } from '../http/fifo-budget';
import './native-inflate';

/**
 * Turns of some work, `capacity` at once and one per key at a time. Keys wait in rotation: a key
 * granted a turn, or giving one back, goes behind every other key waiting, so a key with many
 * waiting never keeps the others out; one key's own waiters are served in the order they came.
 */
export class KeyedTurns {
  private readonly holding = new Set<string>();
  /** Keys with waiters, in the order they take turns (a Map keeps insertion order). */
  private readonly waiting = new Map<string, Waiter[]>();

  constructor(readonly capacity: number) {}

  /** Keys holding a turn now. */
  get held(): ReadonlySet<string> {
    return this.holding;
  }

  /** True once `key` holds a turn; false if that took longer than `waitMs`. */
  take(key: string, waitMs: number): Promise<boolean> {
    return awaitTurn<Waiter>(
      (grant) => ({ grant }),
      (w) => {
        const list = this.waiting.get(key);
        if (list) list.push(w);
        else this.waiting.set(key, [w]);
        // Granted now when a turn is free and this key holds none (the others waiting may all be keys that do).
        this.drain();
      },
      (w) => {
        const list = this.waiting.get(key);
        const i = list ? list.indexOf(w) : -1;
        if (list && i >= 0) {
          list.splice(i, 1);
          if (list.length === 0) this.waiting.delete(key);
        }
        this.drain();
      },
      waitMs,
    );
  }

  give(key: string): void {
    this.holding.delete(key);
    // A key that just had its turn waits behind every other key waiting.
    const list = this.waiting.get(key);
    if (list) {
      this.waiting.delete(key);
      this.waiting.set(key, list);
    }
    this.drain();
  }

  private drain(): void {
    for (const [key, list] of this.waiting) {
      if (this.holding.size >= this.capacity) return;
      if (this.holding.has(key)) continue;
      const w = list.shift();
      // Behind the other keys waiting (re-inserted at the end), or gone with its last waiter.
      this.waiting.delete(key);
      if (list.length > 0) this.waiting.set(key, list);
      if (!w) continue;
      this.holding.add(key);
      w.grant();
    }
  }
}

/** The process's turns, sized by the settings (a test's configure() gets fresh ones). */
const turns = perSettings((s) => new KeyedTurns(s.readConcurrency));

/** `read()` run in its turn; `sender` is whose file it is (`township:<campaign>/<id>`, `county:<id>`). */
export async function gatedRead<T>(sender: string, read: () => Promise<T>): Promise<T> {
  const t = turns();
  if (!(await t.take(sender, settings().turnWaitMs))) throw new BusyTimeout('workbook read');
  try {
    return await read();
  } finally {
    t.give(sender);
  }
}
