// Reading a request body with a cap, chunk by chunk: an oversized body is refused as soon as the
// cap is passed (or before a byte is read when Content-Length says so), never buffered whole.
// Handlers call this only after the credential is checked, so a bad token costs no memory.
// While it reads, it watches the pace (body-pace.ts): what a slow body holds of the shared budget
// (body-budget.ts) is what it has sent, and one that stalls is answered 408.
import type { HttpRequest } from '@azure/functions';
import { formatBytes, formatBytesOver } from '../../../shared/xlsx/limits';
import { settings } from '../config';
import { reserveBody, type BodyHold } from './body-budget';
import { BodyPace } from './body-pace';
import { ApiError } from './errors';

/** The client's connection failed while its body was arriving: not a fault of ours (logged as info, handler.ts). */
export class ClientGone extends Error {
  constructor(readonly reason: string) {
    super(`the client's connection ended before its request body was read (${reason})`);
    this.name = 'ClientGone';
  }
}

/** The next piece of the body, or a 408 when the pace says it stalled; a lagging body gives back its unreceived reservation. */
async function nextChunk(reader: ReadableStreamDefaultReader<Uint8Array>, pace: BodyPace, hold: BodyHold, received: number): Promise<ReadableStreamReadResult<Uint8Array>> {
  const read = reader.read().then(
    (r) => ({ r }),
    (e: unknown) => ({ failed: e }),
  );
  pace.resume(Date.now());
  for (;;) {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tick = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), pace.nextCheckIn(Date.now()))));
    const got = await Promise.race([read, tick]);
    clearTimeout(timer);
    if (got && 'r' in got) return got.r;
    if (got) throw new ClientGone(got.failed instanceof Error ? got.failed.message : String(got.failed));
    const verdict = pace.check(Date.now());
    if (verdict === 'demote') hold.shrinkTo(received);
    if (verdict === 'stalled' || verdict === 'slow') throw dropped(verdict, pace, reader);
  }
}

/** The 408 for a body that stalled or crawls. The reader is cancelled, not awaited: a stalled socket may never let it finish; the answer closes the connection (handler.ts). */
function dropped(verdict: 'stalled' | 'slow', pace: BodyPace, reader: ReadableStreamDefaultReader<Uint8Array>): ApiError {
  void reader.cancel().catch(() => undefined);
  const L = settings().bodyPace;
  if (verdict === 'stalled') return new ApiError('REQUEST_BODY_STALLED', { seconds: Math.ceil(L.stallMs / 1000) });
  return new ApiError('REQUEST_BODY_TOO_SLOW', { seconds: Math.ceil(L.windowMs / 1000), got: formatBytes(pace.windowReceived) });
}

/** The body's bytes, at most `limit` of them; `tooLarge(seen)` is thrown past that (seen = declared or received so far). */
export async function readBodyCapped(req: HttpRequest, limit: number, tooLarge: (seen: number, declared: boolean) => ApiError): Promise<Uint8Array> {
  const declared = Number(req.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > limit) throw tooLarge(declared, true);
  const body = req.body;
  if (!body) return new Uint8Array(0);
  const known = Number.isFinite(declared);
  const expected = known ? declared : limit;
  // A declared size is reserved before a byte is read, first come first served; a body without one
  // reserves each piece as it arrives (body-budget.ts).
  const hold = await reserveBody(req, known ? declared : 0);
  const pace = new BodyPace(settings().bodyPace, Date.now(), known);
  const reader = body.getReader();
  // With its size declared, the body is copied into one buffer as it arrives: never the chunks and
  // their concatenation both (twice the body) at once. The buffer's pages are the system's zeroed
  // pages until written, so a body that lags holds in memory what has arrived, as it does in the budget.
  const whole = known ? new Uint8Array(declared) : null;
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await nextChunk(reader, pace, hold, size);
    if (done) break;
    const next = size + value.byteLength;
    const verdict = pace.arrived(value.byteLength, Date.now());
    if (next > expected) {
      // Stop reading: the host discards the rest of the upload without keeping it.
      await reader.cancel().catch(() => undefined);
      if (next > limit) throw tooLarge(next, false);
      // More than its Content-Length said: HTTP itself forbids it, so this is not a real client.
      throw new ApiError('REQUEST_BODY_INVALID', { detail: '内容比声明的长度长' });
    }
    if (verdict === 'slow') throw dropped(verdict, pace, reader);
    if (verdict === 'demote') hold.shrinkTo(size);
    // A body without its declared reservation holds what has arrived: this piece, before it is kept.
    // (The wait for the budget is the server's, not the client's: the pace stands still meanwhile.)
    if (!pace.holdsDeclared) await hold.growTo(next);
    if (whole) whole.set(value, size);
    else chunks.push(value);
    size = next;
  }
  if (whole) return size === whole.length ? whole : whole.subarray(0, size);
  if (chunks.length === 1 && chunks[0]) return chunks[0];
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

/**
 * A form post (curl -F, an HTML <form>): its header says so, or its first line is a boundary and
 * the next a form part's header. Told apart from a file that is not a workbook (CSV, text), whose
 * refusal would send the clerk to re-save a workbook that is fine.
 */
export function isMultipart(contentType: string | null, bytes?: Uint8Array): boolean {
  if (/^\s*multipart\//i.test(contentType ?? '')) return true;
  if (!bytes || bytes[0] !== 0x2d || bytes[1] !== 0x2d) return false;
  const head = String.fromCharCode(...bytes.subarray(0, 256));
  return /^--[\x21-\x7e]{1,70}\r?\ncontent-(disposition|type):/i.test(head);
}

/** An uploaded file's bytes (a workbook, a 名册): over the cap is UPLOAD_TOO_LARGE, empty is UPLOAD_EMPTY, a form post UPLOAD_MULTIPART. */
export async function readUploadBody(req: HttpRequest, limit: number): Promise<Uint8Array> {
  const type = req.headers.get('content-type');
  // Before a byte is read: the form's wrapping is the whole problem, whatever is inside it.
  if (isMultipart(type)) throw new ApiError('UPLOAD_MULTIPART');
  const bytes = await readBodyCapped(req, limit, (seen, declared) => {
    const over = formatBytesOver(seen, limit);
    return new ApiError('UPLOAD_TOO_LARGE', { size: declared ? over.size : `至少 ${over.size}`, limit: over.limit });
  });
  if (bytes.length === 0) throw new ApiError('UPLOAD_EMPTY');
  if (isMultipart(null, bytes)) throw new ApiError('UPLOAD_MULTIPART');
  return bytes;
}
