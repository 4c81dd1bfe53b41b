// The server reads every township's workbook, so the small parts of each (all of a 50-organization
// template's) are inflated by Node's zlib rather than fflate: about twice as fast, and the reader
// still holds the output to both zip headers' size and CRC (shared/zip/inflate.ts). The task pane
// keeps fflate. Installed by read-gate.ts, which every server-side read goes through.
import { inflateRawSync } from 'node:zlib';
import { setOneShotInflate, type OneShotInflate } from '../../../shared/zip/inflate';

export const nativeOneShot: OneShotInflate = (data, limit) => {
  try {
    // maxOutputLength stops zlib as soon as the output passes the limit: a lying entry costs at most that.
    return inflateRawSync(data, { maxOutputLength: limit });
  } catch (e) {
    if ((e as { code?: unknown }).code === 'ERR_BUFFER_TOO_LARGE') return 'too-large';
    throw e;
  }
};

setOneShotInflate(nativeOneShot);
