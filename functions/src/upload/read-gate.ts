// Every server-side read of an untrusted workbook (a township's upload, a county's 名册) goes through
// here. Two things hold for all of them:
//   * Node's inflate for the small parts and its CRC-32 (native-inflate.ts), installed by this module;
//   * at most READ_CONCURRENCY reads at once (default 2), the others waiting their turn, first come
//     first served. A read holds what it has parsed until it is done, and the reader yields now and
//     then (shared/zip/inflate.ts, Pacer), so reads sent together ran interleaved, all holding at
//     once: ten 1.2 MB files of 250,000 rows at once took the host from 85 to 430 MB. One thread
//     parses either way, so the bound costs no throughput: a 50-organization file reads in a few ms.
// A read still waiting after UPLOAD_WAIT_SECONDS is answered 503 UPLOADS_BUSY (fifo-budget.ts).
import { settingsBudget } from '../http/fifo-budget';
import './native-inflate';

const reads = settingsBudget((s) => s.readConcurrency);

/** `read()` run in its turn. */
export async function gatedRead<T>(read: () => Promise<T>): Promise<T> {
  const g = await reads.acquire(1, 'workbook read');
  try {
    return await read();
  } finally {
    g.release(1);
  }
}
