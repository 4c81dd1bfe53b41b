// Deflating the lean writer's pieces with native zlib, off the main thread when it can: a piece
// goes to libuv's thread pool while the writer goes on building XML, so on two cores compressing
// costs the consolidation almost no time. At most MAX_IN_FLIGHT pieces wait there; past that a
// piece is compressed on the spot, so memory stays bounded however fast rows come (a piece is
// half a MB of UTF-8 at most).
import { constants, deflateRaw, deflateRawSync, type ZlibOptions } from 'node:zlib';

const MAX_IN_FLIGHT = 16;

/** Bytes of UTF-8 gathered into a piece before it is compressed. */
export const PIECE = 1 << 19;

/** A compressed piece; `data` is filled in when the thread pool is done with it. */
export interface Slot {
  data: Buffer;
}

export class Deflater {
  private inFlight = 0;
  private readonly pending: Array<Promise<void>> = [];
  private failed: Error | null = null;
  /**
   * Piece buffers back from compression, used again: left to the garbage collector, hundreds of
   * half-MB buffers would sit dead outside the heap (raising RSS) until V8 got round to them.
   */
  private readonly free: Buffer[] = [];

  constructor(private readonly level: number) {}

  /** A buffer of PIECE bytes to gather a piece's text in; give it back through `piece`. */
  buffer(): Buffer {
    return this.free.pop() ?? Buffer.allocUnsafeSlow(PIECE);
  }

  /** A buffer from `buffer()` no longer needed. */
  release(owner: Buffer | undefined): void {
    if (owner && this.free.length < MAX_IN_FLIGHT) this.free.push(owner);
  }

  /**
   * `final`: the piece closes its part's deflate stream. Otherwise it ends on a sync flush
   * (byte-aligned, not final), so pieces compressed apart join into one valid stream. `owner`:
   * the buffer from `buffer()` that `raw` lies in, taken back once compressed.
   */
  piece(raw: Buffer, final: boolean, owner?: Buffer): Slot {
    const opts: ZlibOptions = { level: this.level, finishFlush: final ? constants.Z_FINISH : constants.Z_SYNC_FLUSH };
    if (this.inFlight >= MAX_IN_FLIGHT || raw.length < 4096) {
      const data = deflateRawSync(raw, opts);
      this.release(owner);
      return { data };
    }
    const slot: Slot = { data: Buffer.alloc(0) };
    this.inFlight++;
    this.pending.push(
      new Promise<void>((resolve) => {
        deflateRaw(raw, opts, (err, data) => {
          this.inFlight--;
          this.release(owner);
          if (err) this.failed ??= err;
          else slot.data = data;
          resolve();
        });
      }),
    );
    return slot;
  }

  /** Every piece given so far is compressed (or the first failure is thrown). */
  async settle(): Promise<void> {
    await Promise.all(this.pending);
    this.pending.length = 0;
    if (this.failed) throw this.failed;
  }
}
