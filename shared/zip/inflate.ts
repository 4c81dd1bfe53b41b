// Inflates one entry a few KB of input at a time and hands each piece of output on, so nothing
// holds a whole part and a bomb is stopped within a few MB of crossing its declared size: the
// output may never exceed what both headers declared, and must end exactly there with the right
// CRC. Long work gives the host back its event loop now and then (see Pacer).
import { Inflate, inflateSync } from 'fflate';
import { makeIssue } from '../issues/catalogue';
import { formatBytes } from '../xlsx/limits';
import { crc32 as jsCrc32 } from './crc32';
import type { ZipEntry } from './directory';
import { Refusal, refuse } from './refusal';

/** Compressed bytes per push: deflate expands at most ~1032×, so one push yields at most ~4 MB. */
const INPUT_SLICE = 4096;
const STORED_SLICE = 65536;
/**
 * Entries this small (compressed) inflate in one call into a buffer of their declared size plus
 * one byte: at most ~16 MB of inflating work even if the entry lies, and one byte too many is
 * enough to see that it did. Most parts of a township's workbook are this small.
 */
const ONE_SHOT = 16384;

/**
 * Inflates a whole raw-deflate stream of a small entry: the bytes, or 'too-large' when they would
 * exceed `limit`; throws on a broken stream. Never produces more than `limit` bytes.
 */
export type OneShotInflate = (data: Uint8Array, limit: number) => Uint8Array | 'too-large';

const fflateOneShot: OneShotInflate = (data, limit) => {
  try {
    // Output past the buffer either stops at its end (one byte over the declared size is enough to
    // see the lie) or, from a stored block, throws RangeError: both are more bytes than declared.
    return inflateSync(data, { out: new Uint8Array(limit) });
  } catch (e) {
    // By name, not instanceof: a RangeError from another realm (a test's vm context) is one too.
    if ((e as { name?: unknown }).name === 'RangeError') return 'too-large';
    throw e;
  }
};
let oneShot: OneShotInflate = fflateOneShot;

/** A OneShotInflate that also says how many input bytes the stream took (where it ended). */
export type MeasuredInflate = (data: Uint8Array, limit: number) => { out: Uint8Array | 'too-large'; read: number };
let measured: MeasuredInflate | null = null;

/** Continues a running CRC-32 (start with 0) over a chunk. */
export type Crc32 = (chunk: Uint8Array, crc: number) => number;
let crc32: Crc32 = jsCrc32;

/** What the server swaps in: Node's inflate for small entries and, where Node has it, its CRC-32. */
export interface NativeZip {
  oneShot: OneShotInflate;
  crc32?: Crc32;
  /** For small deflated entries: the end of the stream comes free with the output (see endsEarly). */
  measured?: MeasuredInflate;
}

/**
 * The server installs Node's zlib (functions/src/upload/native-inflate.ts): its inflate is about
 * twice as fast as fflate on small entries, its CRC-32 about four times as fast as ours on a sheet
 * part; null puts fflate and ours back. Whatever inflates, the output is held to both headers' size
 * and CRC below (the same checksum either way), so a workbook the server accepts has exactly the
 * bytes the pane read. Only which broken stream is refused with which code could differ.
 */
export function setNativeZip(n: NativeZip | null): void {
  oneShot = n?.oneShot ?? fflateOneShot;
  crc32 = n?.crc32 ?? jsCrc32;
  measured = n?.measured ?? null;
}

type Timer = (fn: () => void) => unknown;

function scheduler(): Timer {
  const g = globalThis as unknown as { setImmediate?: Timer; setTimeout?: (fn: () => void, ms: number) => unknown };
  if (g.setImmediate) return g.setImmediate;
  const st = g.setTimeout;
  if (st) return (fn) => st(fn, 0);
  return (fn) => void Promise.resolve().then(fn);
}

/**
 * Lets other requests (a server) or the UI (a task pane) run while a big workbook is read:
 * after every `sliceMs` of work the reader awaits one macrotask.
 */
export class Pacer {
  /** XML elements parsed so far in this read: one pacer is one read's, and xml.ts bounds them. */
  elements = 0;
  private last = Date.now();
  private readonly schedule = scheduler();
  constructor(private readonly sliceMs = 10) {}

  /** A promise to await when the time slice is used up, otherwise null (no allocation on the fast path). */
  due(): Promise<void> | null {
    const now = Date.now();
    if (now - this.last < this.sliceMs) return null;
    return new Promise<void>((resolve) => {
      this.schedule(() => {
        this.last = Date.now();
        resolve();
      });
    });
  }
}

function mismatch(e: ZipEntry): never {
  refuse(makeIssue('ZIP_SIZE_MISMATCH', { entry: e.name, declared: formatBytes(e.size) }));
}

export async function inflateEntry(b: Uint8Array, e: ZipEntry, onChunk: (chunk: Uint8Array) => void, pacer: Pacer): Promise<void> {
  const data = b.subarray(e.dataOffset, e.dataOffset + e.compressedSize);
  let out = 0;
  let crc = 0;
  const deflated = e.method === 8;
  /** Where the deflate stream ended, when the inflater said. */
  let streamEnd = -1;
  const take = (chunk: Uint8Array) => {
    if (chunk.length === 0) return;
    out += chunk.length;
    if (out > e.size) mismatch(e);
    crc = crc32(chunk, crc);
    onChunk(chunk);
  };
  if (e.method === 0) {
    for (let i = 0; i < data.length; i += STORED_SLICE) {
      take(data.subarray(i, Math.min(data.length, i + STORED_SLICE)));
      const y = pacer.due();
      if (y) await y;
    }
  } else if (e.compressedSize <= ONE_SHOT) {
    let whole: Uint8Array | 'too-large';
    try {
      if (measured) {
        const r = measured(data, e.size + 1);
        whole = r.out;
        streamEnd = r.read;
      } else whole = oneShot(data, e.size + 1);
    } catch {
      refuse(makeIssue('ZIP_TRUNCATED'));
    }
    if (whole === 'too-large' || whole.length > e.size) mismatch(e);
    for (let i = 0; i < whole.length; i += STORED_SLICE) take(whole.subarray(i, Math.min(whole.length, i + STORED_SLICE)));
  } else {
    let ended = false;
    const inflater = new Inflate((chunk, final) => {
      take(chunk);
      if (final) ended = true;
    });
    try {
      for (let i = 0; i < data.length && !ended; i += INPUT_SLICE) {
        const end = Math.min(data.length, i + INPUT_SLICE);
        inflater.push(data.subarray(i, end), end === data.length);
        const y = pacer.due();
        if (y) await y;
      }
      if (!ended) inflater.push(new Uint8Array(0), true);
    } catch (err) {
      if (err instanceof Refusal) throw err;
      // fflate's own complaint (a broken deflate stream) is English: the clerk gets ours.
      refuse(makeIssue('ZIP_TRUNCATED'));
    }
  }
  if (out !== e.size || crc !== e.crc) mismatch(e);
  if (deflated) {
    if (streamEnd >= 0 ? streamEnd !== data.length : await endsEarly(data, e, pacer)) refuse(makeIssue('ZIP_LAYOUT', { what: '部件的压缩数据之后夹带了其他数据' }));
  }
}

/**
 * With a data descriptor, a streaming reader (java.util.zip.ZipInputStream) looks for the
 * descriptor, and then the next entry, where the deflate stream ends, not where the directory
 * says the data ends: bytes between the two are entries only it would read. Without one, readers
 * go by the size both headers give, but bytes after the stream are still bytes no spreadsheet
 * program writes (the tiling of directory.ts: nothing in the file that no reader accounts for), so
 * every deflated entry is held to it. The stream must need its last byte: inflating all but that
 * byte must fail for want of input. (The server's zlib says where the stream of a small entry
 * ended, so only fflate and big entries pay for this second pass.)
 */
async function endsEarly(data: Uint8Array, e: ZipEntry, pacer: Pacer): Promise<boolean> {
  if (data.length < 2) return false;
  const cut = data.subarray(0, data.length - 1);
  let complete = true;
  try {
    if (cut.length <= ONE_SHOT) oneShot(cut, e.size + 1);
    else {
      const inflater = new Inflate(() => undefined);
      for (let i = 0; i < cut.length; i += INPUT_SLICE) {
        const end = Math.min(cut.length, i + INPUT_SLICE);
        inflater.push(cut.subarray(i, end), end === cut.length);
        const y = pacer.due();
        if (y) await y;
      }
    }
  } catch {
    complete = false;
  }
  return complete;
}
