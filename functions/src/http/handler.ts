// Wraps every endpoint so that every answer, refusal or fault, is Chinese JSON the same way on Azure
// and under the dev host:
//   ApiError (a catalogue refusal)              → its status and message
//   storage unreachable / 5xx / timed out        → 503 STORAGE_UNAVAILABLE + Retry-After
//   a township written by too many at once       → 503 STORAGE_BUSY + Retry-After
//   no turn in time for its body or its read     → 503 UPLOADS_BUSY + Retry-After
//   (fifo-budget.ts: body-budget, upload/read-gate)
//   a body that stalled or crawls (body-pace.ts)  → 408 + Connection: close
//   the client went away while sending its body  → 400 REQUEST_ABORTED (nobody reads it), one info line
//   anything else                                → 500 SERVER_FAULT naming the invocation id, which
//                                                  is logged with the error (never the stack to a caller)
import { app, type HttpHandler, type HttpRequest, type HttpResponseInit, type InvocationContext } from '@azure/functions';
import { settings } from '../config';
import { ContentionError } from '../storage/retry';
import { StorageUnavailableError } from '../storage/store';
import { MAX_JSON_BYTES, scanJson } from '../../../shared/api/json-scan';
import type { JsonShape } from '../../../shared/api/json-shape';
import { fieldPath, zodIssuesText } from '../../../shared/api/zod-zh';
import { formatBytes } from '../../../shared/xlsx/limits';
import { ClientGone, readBodyCapped } from './body';
import { releaseBody } from './body-budget';
import { BusyTimeout } from './fifo-budget';
import { ApiError, errorBody } from './errors';

// Request bodies arrive as streams, so a handler can refuse (bad token, too large) without the
// worker having buffered the whole body first. Needs Functions host ≥ 4.28.
app.setup({ enableHttpStream: true });

/** Seconds a client is asked to wait after a 503. */
export const RETRY_AFTER_SECONDS = { unavailable: 5, busy: 2, uploads: 30 } as const;

function refusal(e: ApiError, headers?: Record<string, string>): HttpResponseInit {
  return { status: e.status, jsonBody: errorBody(e), ...(headers ? { headers } : {}) };
}

/** A 503 asking the caller to come back in `seconds`, in its message and its Retry-After. */
function retryLater(code: 'STORAGE_UNAVAILABLE' | 'STORAGE_BUSY' | 'UPLOADS_BUSY', seconds: number): HttpResponseInit {
  return refusal(new ApiError(code, { seconds }), { 'Retry-After': String(seconds) });
}

/** The answer to a thrown value; logs what the caller must not see. */
export function faultResponse(e: unknown, ctx: InvocationContext): HttpResponseInit {
  // A 408 drops a body that is still (barely) arriving: the connection goes with it, rather than
  // draining the rest at the sender's pace.
  if (e instanceof ApiError) return refusal(e, e.status === 408 ? { Connection: 'close' } : undefined);
  if (e instanceof ClientGone) {
    // A closed tab or a lost connection is the client's business, not a fault: one line, no stack.
    ctx.info(`${ctx.functionName}: ${e.message} (invocation ${ctx.invocationId})`);
    return refusal(new ApiError('REQUEST_ABORTED'));
  }
  if (e instanceof StorageUnavailableError) {
    ctx.warn(`${ctx.functionName}: storage unavailable (invocation ${ctx.invocationId})`, e);
    return retryLater('STORAGE_UNAVAILABLE', RETRY_AFTER_SECONDS.unavailable);
  }
  if (e instanceof BusyTimeout) {
    ctx.warn(`${ctx.functionName}: ${e.message} (invocation ${ctx.invocationId})`);
    return retryLater('UPLOADS_BUSY', RETRY_AFTER_SECONDS.uploads);
  }
  if (e instanceof ContentionError) {
    ctx.warn(`${ctx.functionName}: ${e.message} (invocation ${ctx.invocationId})`);
    return retryLater('STORAGE_BUSY', RETRY_AFTER_SECONDS.busy);
  }
  ctx.error(`${ctx.functionName} failed (invocation ${ctx.invocationId})`, e);
  return refusal(new ApiError('SERVER_FAULT', { ref: ctx.invocationId }));
}

export function endpoint(fn: (req: HttpRequest, ctx: InvocationContext) => Promise<HttpResponseInit>): HttpHandler {
  return async (req, ctx) => {
    try {
      return await fn(req, ctx);
    } catch (e) {
      return faultResponse(e, ctx);
    } finally {
      // The body's bytes are the answer's business no longer (body-budget.ts).
      releaseBody(req);
    }
  };
}

export function json(status: number, body: unknown): HttpResponseInit {
  return { status, jsonBody: body };
}

/**
 * A JSON body (empty → {}), read with the JSON cap (at most the upload cap). Its text must be
 * UTF-8 (a broken byte would be stored as U+FFFD in a name) and, with `shape`, within the shape
 * its schema allows (shared/api/json-scan.ts) before JSON.parse builds any of it.
 */
export async function readJson(req: HttpRequest, shape?: JsonShape, labels?: Readonly<Record<string, string>>): Promise<unknown> {
  const limit = Math.min(MAX_JSON_BYTES, settings().maxUploadBytes);
  const bytes = await readBodyCapped(req, limit, () => new ApiError('REQUEST_TOO_LARGE', { limit: formatBytes(limit) }));
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ApiError('REQUEST_BODY_INVALID', { detail: '不是有效的 UTF-8 文字' });
  }
  if (!text.trim()) return {};
  const over = shape ? scanJson(text, shape) : null;
  if (over) throw new ApiError('REQUEST_FIELD_INVALID', { field: fieldPath(over.path, labels), problem: over.problem });
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ApiError('REQUEST_BODY_INVALID', { detail: '不是有效的 JSON' });
  }
}

/** zod issues → one Chinese line, the field's Chinese name first (shared/api/zod-zh). */
export function zodDetail(issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>): string {
  return zodIssuesText(issues);
}
