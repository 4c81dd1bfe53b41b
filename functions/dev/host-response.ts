// The dev host's other half of the runtime: a handler's answer becomes status, headers and bytes.
// Most answers are a plain { status, jsonBody, headers? }. For those, building an @azure/functions
// HttpResponse means a fetch Response around the JSON text, only to read the same text back out
// of it as bytes (a web stream, a copy and a few promises per request). The plain path writes what
// HttpResponse would have given — the same JSON.stringify, the headers through the same Headers
// class (lowercase names, in order, content-type application/json unless the handler set one) —
// and leaves everything else (bodies, streams, 204s, HttpResponse objects) to HttpResponse itself.
import { HttpResponse, type HttpResponseInit } from '@azure/functions';

export interface Answer {
  status: number;
  headers: Record<string, string>;
  bytes: Buffer;
}

/** Statuses a fetch Response refuses a body for (HttpResponse then drops jsonBody). */
const NULL_BODY = new Set([204, 205, 304]);

function plainJson(r: HttpResponseInit | HttpResponse): r is HttpResponseInit & { jsonBody: unknown } {
  if (r instanceof HttpResponse) return false;
  if (r.jsonBody === undefined || r.jsonBody === null || r.body !== undefined) return false;
  // Outside 200–599 a Response throws: HttpResponse answers that (the host's 500), not this path.
  const status = r.status ?? 200;
  return Number.isInteger(status) && status >= 200 && status <= 599 && !NULL_BODY.has(status);
}

function headerRecord(h: Headers): Record<string, string> {
  const out: Record<string, string> = {};
  h.forEach((v, k) => (out[k] = v));
  return out;
}

export async function answerOf(result: HttpResponseInit | HttpResponse): Promise<Answer> {
  if (plainJson(result)) {
    const bytes = Buffer.from(JSON.stringify(result.jsonBody));
    const headers = new Headers(result.headers);
    if (!headers.has('content-type')) headers.set('content-type', 'application/json');
    return { status: result.status ?? 200, headers: headerRecord(headers), bytes };
  }
  const out = result instanceof HttpResponse ? result : new HttpResponse(result);
  const bytes = Buffer.from(await out.arrayBuffer());
  return { status: out.status, headers: headerRecord(out.headers), bytes };
}
