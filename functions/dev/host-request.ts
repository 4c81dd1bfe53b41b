// The dev host's half of the runtime: a Node request becomes the HttpRequest a handler receives,
// built the way the Functions worker builds it with HTTP streaming on (createStreamRequest in
// @azure/functions): the body is a stream nobody has read yet.
import type * as http from 'node:http';
import { HttpRequest, type HttpRequestInit } from '@azure/functions';

/**
 * The request body as a web stream that reads the socket only when the handler reads it. discard()
 * lets whatever the handler did not read flow past without being kept (the client may still be
 * sending a 20 MB body we refused).
 */
function bodyStream(req: http.IncomingMessage): { stream: ReadableStream<Uint8Array>; discard(): Promise<void> } {
  const it = req.iterator({ destroyOnReturn: false });
  let released = false;
  const discard = async () => {
    if (released) return;
    released = true;
    await it.return?.();
    if (!req.complete) req.resume();
  };
  const stream = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const r = await it.next();
        if (r.done) return controller.close();
        const b: Buffer = r.value;
        controller.enqueue(new Uint8Array(b.buffer, b.byteOffset, b.byteLength));
      },
      cancel: discard,
    },
    { highWaterMark: 0 },
  );
  return { stream, discard };
}

/** The handler's request, and the body's discard() for after the answer. */
export function toHttpRequest(req: http.IncomingMessage, method: string, url: URL, params: Record<string, string>): { request: HttpRequest; body: { discard(): Promise<void> } | null } {
  const headers = new Headers();
  for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) headers.set(k, Array.isArray(v) ? v.join(', ') : v);
  const body = method !== 'GET' && method !== 'HEAD' ? bodyStream(req) : null;
  const requestInit: RequestInit & { duplex: 'half' } = { method, headers, duplex: 'half', ...(body ? { body: body.stream } : {}) };
  // nativeRequest is the init field the worker itself uses; HttpRequestInit documents only the buffered form.
  const init: HttpRequestInit & { nativeRequest: Request } = { params, nativeRequest: new Request(url.toString(), requestInit) };
  return { request: new HttpRequest(init), body };
}
