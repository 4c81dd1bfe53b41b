// The server reads every township's workbook, so the small parts of each (all of a 50-organization
// template's) are inflated by Node's zlib rather than fflate: about twice as fast, and the reader
// still holds the output to both zip headers' size and CRC (shared/zip/inflate.ts), that CRC also
// computed by zlib (0.025 ms for a 73 KB sheet part against 0.10–0.13 for ours). The task pane
// keeps fflate and our CRC. Installed by read-gate.ts, which every server-side read goes through.
import { crc32, inflateRawSync } from 'node:zlib';
import { setNativeZip, type MeasuredInflate, type NativeZip, type OneShotInflate } from '../../../shared/zip/inflate';

export const nativeOneShot: OneShotInflate = (data, limit) => {
  try {
    // maxOutputLength stops zlib as soon as the output passes the limit: a lying entry costs at most that.
    return inflateRawSync(data, { maxOutputLength: limit });
  } catch (e) {
    if ((e as { code?: unknown }).code === 'ERR_BUFFER_TOO_LARGE') return 'too-large';
    throw e;
  }
};

/** The same, and how many input bytes the stream took: zlib stops at the stream's end and counts what it read. */
export const nativeMeasured: MeasuredInflate = (data, limit) => {
  try {
    const r = inflateRawSync(data, { maxOutputLength: limit, info: true }) as unknown as { buffer: Buffer; engine: { bytesWritten: number } };
    return { out: r.buffer, read: r.engine.bytesWritten };
  } catch (e) {
    if ((e as { code?: unknown }).code === 'ERR_BUFFER_TOO_LARGE') return { out: 'too-large', read: 0 };
    throw e;
  }
};

/** Node's inflate, and its CRC-32 where it has one (from 20.15; before, ours stays). */
export const nodeZip: NativeZip = typeof crc32 === 'function' ? { oneShot: nativeOneShot, measured: nativeMeasured, crc32 } : { oneShot: nativeOneShot, measured: nativeMeasured };

setNativeZip(nodeZip);
