// Deflating the lean writer's pieces with native zlib, off the main thread when it can: a piece
// goes to libuv's thread pool while the writer goes on building XML, so on two cores compressing
// costs the consolidation almost no time. At most MAX_IN_FLIGHT pieces wait there; past that a
// piece is compressed on the spot, so memory stays bounded however fast rows come (a piece is
// half a MB of UTF-8 at most).
import { constants, deflateRaw, deflateRawSync, type ZlibOptions } from 'node:zlib';

const MAX_IN_FLIGHT = 16;

/** A compressed piece; `data` is filled in when the thread pool is done with it. */
export interface Slot {
  data: Buffer;
}

export class Deflater {
  private inFlight = 0;
  private readonly pending: Array<Promise<void>> = [];
  private failed: Error | null = null;

  constructor(private readonly level: number) {}

  /**
   * `final`: the piece closes its part's deflate stream. Otherwise it ends on a sync flush
   * (byte-aligned, not final), so pieces compressed apart join into one valid stream.
   */
  piece(raw: Buffer, final: boolean): Slot {
    const opts: ZlibOptions = { level: this.level, finishFlush: final ? constants.Z_FINISH : constants.Z_SYNC_FLUSH, chunkSize: 1 << 18 };
    if (this.inFlight >= MAX_IN_FLIGHT || raw.length < 4096) return { data: deflateRawSync(raw, opts) };
    const slot: Slot = { data: Buffer.alloc(0) };
    this.inFlight++;
    this.pending.push(
      new Promise<void>((resolve) => {
        deflateRaw(raw, opts, (err, data) => {
          this.inFlight--;
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
