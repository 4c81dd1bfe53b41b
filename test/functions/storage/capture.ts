// A stand-in for storage that records every request as it arrives on the wire (method, path, query,
// headers, body) and answers 404 with no body, or what `answer` says. Pointed at by the SDK store
// and the lean store in turn, it shows what each one sends for the same Store call.
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Captured {
  method: string;
  path: string;
  /** Without the '?'. */
  query: string;
  /** Lowercase names, as Node reports them. */
  headers: Record<string, string>;
  body: Buffer;
}

export interface Answer {
  status: number;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** Sent chunked, without a Content-Length. */
  chunked?: boolean;
}

export interface CaptureServer {
  url: string;
  requests: Captured[];
  /** What to answer; defaults to 404 with no body (nothing the clients retry). */
  answer: (r: Captured) => Answer | 'hang' | 'reset';
  close(): Promise<void>;
}

export const DEV_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

/** An account-key connection string whose blob and table endpoints are `base` (plus `path`). */
export const connectionStringFor = (base: string, path = '') =>
  `DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=${DEV_KEY};BlobEndpoint=${base}${path};TableEndpoint=${base}${path};`;

export async function startCapture(): Promise<CaptureServer> {
  const hung: http.ServerResponse[] = [];
  const cap: CaptureServer = {
    url: '',
    requests: [],
    answer: () => ({ status: 404 }),
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of hung) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = req.url ?? '/';
      const q = raw.indexOf('?');
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers[k] = v;
      const r: Captured = { method: req.method ?? '', path: q < 0 ? raw : raw.slice(0, q), query: q < 0 ? '' : raw.slice(q + 1), headers, body: Buffer.concat(chunks) };
      cap.requests.push(r);
      const a = cap.answer(r);
      if (a === 'hang') {
        hung.push(res);
        return;
      }
      if (a === 'reset') {
        req.socket.destroy();
        return;
      }
      const body = a.body === undefined ? Buffer.alloc(0) : Buffer.from(a.body);
      res.writeHead(a.status, { ...(a.chunked ? {} : { 'content-length': String(body.length) }), ...(a.headers ?? {}) });
      res.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cap.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return cap;
}
