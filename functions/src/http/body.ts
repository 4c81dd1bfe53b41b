// Reading a request body with a cap, chunk by chunk: an oversized body is refused as soon as the
// cap is passed (or before a byte is read when Content-Length says so), never buffered whole.
// Handlers call this only after the credential is checked, so a bad token costs no memory.
import type { HttpRequest } from '@azure/functions';
import { formatBytesOver } from '../../../shared/xlsx/limits';
import { reserveBody, trimBody } from './body-budget';
import { ApiError } from './errors';

/** The body's bytes, at most `limit` of them; `tooLarge(seen)` is thrown past that (seen = declared or received so far). */
export async function readBodyCapped(req: HttpRequest, limit: number, tooLarge: (seen: number, declared: boolean) => ApiError): Promise<Uint8Array> {
  const declared = Number(req.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > limit) throw tooLarge(declared, true);
  const body = req.body;
  if (!body) return new Uint8Array(0);
  // Memory for the body before a byte of it is read: its declared size, or the cap (body-budget.ts).
  const known = Number.isFinite(declared);
  const reserved = known ? declared : limit;
  await reserveBody(req, reserved);
  const reader = body.getReader();
  // With its size declared, the body is copied into one buffer as it arrives: never the chunks and
  // their concatenation both (twice the body) at once.
  const whole = known ? new Uint8Array(reserved) : null;
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    const next = size + value.byteLength;
    // (reserved ≤ limit: past the limit is past the reservation too.)
    if (next > reserved) {
      // Stop reading: the host discards the rest of the upload without keeping it.
      await reader.cancel().catch(() => undefined);
      if (next > limit) throw tooLarge(next, false);
      // More than its Content-Length said: HTTP itself forbids it, so this is not a real client.
      throw new ApiError('REQUEST_BODY_INVALID', { detail: '内容比声明的长度长' });
    }
    if (whole) whole.set(value, size);
    else chunks.push(value);
    size = next;
  }
  if (whole) return size === whole.length ? whole : whole.subarray(0, size);
  trimBody(req, reserved - size);
  if (chunks.length === 1 && chunks[0]) return chunks[0];
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

/** An uploaded file's bytes (a workbook, a 名册): over the cap is UPLOAD_TOO_LARGE, empty is UPLOAD_EMPTY. */
export async function readUploadBody(req: HttpRequest, limit: number): Promise<Uint8Array> {
  const bytes = await readBodyCapped(req, limit, (seen, declared) => {
    const over = formatBytesOver(seen, limit);
    return new ApiError('UPLOAD_TOO_LARGE', { size: declared ? over.size : `至少 ${over.size}`, limit: over.limit });
  });
  if (bytes.length === 0) throw new ApiError('UPLOAD_EMPTY');
  return bytes;
}
