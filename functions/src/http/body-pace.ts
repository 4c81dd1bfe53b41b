// How fast a request body arrives, and what that entitles it to. Four connections sending a
// declared 64 MB at one byte a second held the whole body budget (body-budget.ts) for five minutes:
// every upload and county POST behind them waited its 30 s and got 503. So a body keeps the
// reservation of its declared size only while it arrives at the pace of a real upload; one that
// falls behind holds what has arrived and no more, and one that all but stops is dropped (408).
// Time counts only while the server waits for the client: a body held back by the budget is not
// the client's delay. Pure (the caller passes the clock), so tests drive time themselves.

export interface PaceLimits {
  /** No byte for this long: dropped (408). */
  stallMs: number;
  /** In each window of this length at least `minWindowBytes` must arrive, else dropped (408). */
  windowMs: number;
  minWindowBytes: number;
  /** A declared body keeps its whole reservation while, after `trustGraceMs`, it has arrived at `trustBytesPerSecond` on average. */
  trustGraceMs: number;
  trustBytesPerSecond: number;
}

/**
 * 30 s without a byte, or under 1 KB/s over a minute (dial-up and GPRS manage several times that):
 * no real upload is that slow. Below 64 KB/s (512 kbit/s) a body holds only what has arrived; the
 * 2 s of grace cover TCP's slow start, so an ordinary upload is done long before.
 */
export const DEFAULT_PACE: PaceLimits = {
  stallMs: 30_000,
  windowMs: 60_000,
  minWindowBytes: 60 * 1024,
  trustGraceMs: 2_000,
  trustBytesPerSecond: 64 * 1024,
};

/** What changed at a check: nothing, the body lost its claim to its declared size, or it is dropped. */
export type PaceVerdict = 'ok' | 'demote' | 'stalled' | 'slow';

export class BodyPace {
  /** Time spent waiting for the client, up to the start of the current wait. */
  private active = 0;
  /** When the current wait for the client began (null: not waiting, e.g. held back by the budget). */
  private since: number | null;
  private lastByte = 0;
  private windowStart = 0;
  private windowBytes = 0;
  private received = 0;
  private trusted: boolean;

  /** `trusted`: the body holds a reservation of its declared size (false: it reserves bytes as they arrive). */
  constructor(
    private readonly L: PaceLimits,
    now: number,
    trusted: boolean,
  ) {
    this.since = now;
    this.trusted = trusted;
  }

  get holdsDeclared(): boolean {
    return this.trusted;
  }

  /** Bytes of the window being judged (after 'slow': the one that got too little). */
  get windowReceived(): number {
    return this.windowBytes;
  }

  /** The server stopped waiting for the client (bytes arrived, or it waits for the budget). */
  pause(now: number): void {
    if (this.since === null) return;
    this.active += Math.max(0, now - this.since);
    this.since = null;
  }

  /** The server waits for the client again. */
  resume(now: number): void {
    if (this.since === null) this.since = now;
  }

  /**
   * `n` bytes arrived at `now` (the wait for them ends). A window that closed before them, and the
   * trusted pace, are judged first: a check may not have run while pieces kept coming.
   */
  arrived(n: number, now: number): PaceVerdict {
    const t = this.clock(now);
    this.pause(now);
    const verdict = this.judge(t);
    this.received += n;
    this.windowBytes += n;
    this.lastByte = t;
    return verdict;
  }

  /** The verdict at `now`, while waiting for the client. 'demote' is said once. */
  check(now: number): PaceVerdict {
    const t = this.clock(now);
    if (t - this.lastByte >= this.L.stallMs) return 'stalled';
    return this.judge(t);
  }

  /** Windows closed by `t`, then the trusted pace ('demote' is said once). */
  private judge(t: number): PaceVerdict {
    const rolled = this.roll(t);
    if (rolled !== 'ok') return rolled;
    if (this.trusted && t >= this.trustDeadline()) {
      this.trusted = false;
      return 'demote';
    }
    return 'ok';
  }

  /** Milliseconds from `now` until a check could say something new (while waiting for the client). */
  nextCheckIn(now: number): number {
    const t = this.clock(now);
    let next = Math.min(this.lastByte + this.L.stallMs, this.windowStart + this.L.windowMs);
    if (this.trusted) next = Math.min(next, this.trustDeadline());
    return Math.max(0, Math.ceil(next - t));
  }

  private clock(now: number): number {
    return this.active + (this.since === null ? 0 : Math.max(0, now - this.since));
  }

  /** The moment the bytes received so far stop being enough for the trusted pace. */
  private trustDeadline(): number {
    return this.L.trustGraceMs + (this.received / this.L.trustBytesPerSecond) * 1000;
  }

  /** Closes every window that ended by `t`; 'slow' if one of them got too little. */
  private roll(t: number): PaceVerdict {
    while (t >= this.windowStart + this.L.windowMs) {
      if (this.windowBytes < this.L.minWindowBytes) return 'slow';
      this.windowStart += this.L.windowMs;
      this.windowBytes = 0;
    }
    return 'ok';
  }
}
