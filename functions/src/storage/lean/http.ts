// One storage call over Node's http/https: kept-alive sockets, a fresh signature per try, tries and
// delays and one deadline for the whole call from STORAGE_LIMITS, and a response body read up to a
// cap chosen by the caller. What reaches the caller is either a reply (any status the caller must
// judge) or an error isOutage understands: StorageHttpError with the status after the last try of a
// 5xx/408, StorageTransportError (never reached the service or lost the answer), or a TimeoutError.
import * as http from 'node:http';
import * as https from 'node:https';
import { STORAGE_LIMITS } from '../errors';
import type { Headers } from './shared-key';

/** An answer the call could not use: its status and the service's x-ms-error-code. */
export class StorageHttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly errorCode: string,
    what: string,
  ) {
    super(`${what}: HTTP ${statusCode}${errorCode ? ` ${errorCode}` : ''}`);
    this.name = 'StorageHttpError';
  }
}

/** The connection failed before a whole answer arrived (refused, reset, DNS, a cut body). */
export class StorageTransportError extends Error {
  /** The code isOutage knows for "never reached the service"; the socket's own code is in the message and cause. */
  readonly code = 'REQUEST_SEND_ERROR';
  constructor(what: string, cause: unknown) {
    const c = cause instanceof Error ? `${'code' in cause ? `${String(cause.code)} ` : ''}${cause.message}` : String(cause);
    super(`${what}: ${c}`, { cause });
    this.name = 'StorageTransportError';
  }
}

/** The answer was larger than the call allows: a fault (500), never retried. */
export class ResponseTooLargeError extends Error {
  constructor(what: string, cap: number) {
    super(`${what}: answer larger than ${cap} bytes`);
    this.name = 'ResponseTooLargeError';
  }
}

/**
 * One agent per protocol for the process: sockets are reused across calls and stores (the SDKs keep
 * them alive too). 64 sockets per host bound what a burst of uploads opens toward storage (a
 * Functions instance has a limited number of outbound connections); more calls wait for a socket.
 */
const agents = { 'http:': new http.Agent({ keepAlive: true, maxSockets: 64 }), 'https:': new https.Agent({ keepAlive: true, maxSockets: 64 }) };

export interface Target {
  protocol: 'http:' | 'https:';
  hostname: string;
  port: number | undefined;
  /** The endpoint's own path ('' or '/devstoreaccount1' for Azurite), prefixed to every request path. */
  basePath: string;
}

export function targetOf(endpoint: string): Target {
  const u = new URL(endpoint);
  const protocol = u.protocol === 'http:' ? 'http:' : 'https:';
  return { protocol, hostname: u.hostname.replace(/^\[(.*)\]$/, '$1'), port: u.port ? Number(u.port) : undefined, basePath: u.pathname.replace(/\/+$/, '') };
}

export interface Call {
  /** Names what is being done, for messages. */
  what: string;
  method: string;
  /** Full request path (basePath included), percent-encoded as sent and signed. */
  path: string;
  /** Query string without '?', or ''. */
  query: string;
  /** Lowercase names; x-ms-date and authorization are added per try. */
  headers: Headers;
  body?: Buffer;
  /** Largest response body read; a larger one is a ResponseTooLargeError. */
  maxBody: number;
  /** When the call gives up, retries included (epoch ms): STORAGE_LIMITS' per-call deadline. */
  deadline: number;
  /** The authorization header for these headers (x-ms-date already set). */
  sign(headers: Headers): string;
}

export interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** What the service answers when it is overloaded or broken: worth another try. */
const retryable = (s: number) => s === 408 || (s >= 500 && s !== 501 && s !== 505);

const timeoutError = (what: string) => Object.assign(new Error(`${what}: no answer before the deadline`), { name: 'TimeoutError' });

/** Half fixed, half random, doubling from retryDelayMs up to maxRetryDelayMs (as the SDKs space their tries). */
function backoffMs(retry: number): number {
  const d = Math.min(STORAGE_LIMITS.maxRetryDelayMs, STORAGE_LIMITS.retryDelayMs * 2 ** (retry - 1));
  return d / 2 + Math.random() * (d / 2);
}

export async function send(t: Target, c: Call): Promise<Reply> {
  let last: Error = new Error(`${c.what}: not tried`);
  for (let n = 0; n < STORAGE_LIMITS.tries; n++) {
    if (n > 0) {
      const wait = backoffMs(n);
      if (Date.now() + wait >= c.deadline) throw timeoutError(c.what);
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
    try {
      const r = await once(t, c);
      if (!retryable(r.status)) return r;
      last = new StorageHttpError(r.status, String(r.headers['x-ms-error-code'] ?? ''), c.what);
    } catch (e) {
      if (!(e instanceof StorageTransportError)) throw e;
      last = e;
    }
  }
  throw last;
}

function once(t: Target, c: Call): Promise<Reply> {
  const left = c.deadline - Date.now();
  if (left <= 0) return Promise.reject(timeoutError(c.what));
  const headers: Headers = { ...c.headers, 'x-ms-date': new Date().toUTCString() };
  headers.authorization = c.sign(headers);
  const mod = t.protocol === 'http:' ? http : https;
  return new Promise<Reply>((resolve, reject) => {
    let settled = false;
    const finish = (e: Error | null, r?: Reply) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (e) reject(e);
      else if (r) resolve(r);
    };
    const req = mod.request({ protocol: t.protocol, hostname: t.hostname, port: t.port, method: c.method, path: c.query ? `${c.path}?${c.query}` : c.path, headers, agent: agents[t.protocol] });
    const timer = setTimeout(() => {
      finish(timeoutError(c.what));
      req.destroy();
    }, left);
    req.on('error', (e) => finish(new StorageTransportError(c.what, e)));
    req.on('response', (res) => {
      const declared = Number(res.headers['content-length'] ?? NaN);
      if (declared > c.maxBody) {
        finish(new ResponseTooLargeError(c.what, c.maxBody));
        res.destroy();
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > c.maxBody) {
          finish(new ResponseTooLargeError(c.what, c.maxBody));
          res.destroy();
        } else chunks.push(chunk);
      });
      res.on('end', () => finish(null, { status: res.statusCode ?? 0, headers: res.headers, body: chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, size) }));
      // A body cut short (the socket closed mid-answer) is a transport failure like a refused connection.
      res.on('close', () => {
        if (!res.complete) finish(new StorageTransportError(c.what, new Error('answer cut short')));
      });
      res.on('error', (e) => finish(new StorageTransportError(c.what, e)));
    });
    req.end(c.body);
  });
}
