// A thin local stand-in for the Functions host (Core Tools cannot be installed here): it reads the
// registrations exported next to each `app.http(...)` call, matches the request to a route, builds
// the same HttpRequest/InvocationContext the runtime would and runs the same handler. It also serves
// the add-in's built files and answers CORS preflights. Development and tests only.
// Like the runtime with HTTP streaming on, it hands the handler the body as a stream it has not
// read: the handler checks the credential first and reads with its own cap. Whatever a handler
// answers (refusals and faults included) comes from the handler wrapper; the host adds no bodies.
import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { HttpResponse, InvocationContext, type HttpHandler, type HttpResponseInit } from '@azure/functions';
import { configure, type Settings } from '../src/config';
import { ApiError, errorBody } from '../src/http/errors';
import { answerClientErrors } from './client-error';
import { XLSX_MIME } from '../../shared/api/contract';
import type { Store } from '../src/storage/store';
import { resetStore } from '../src/storage/store-singleton';
import { toHttpRequest } from './host-request';

export interface DevHostOptions {
  /** 0 = any free port. */
  port: number;
  connectionString: string;
  secret: string;
  /** The add-in's built dist/, served at "/". */
  staticDir?: string;
  /** Origins allowed to call the API from a browser; default https://localhost:3000 and the host itself. */
  corsOrigins?: string[];
  maxUploadBytes?: number;
  /** Any other setting (e.g. readLimits). */
  settings?: Partial<Settings>;
  /** Tests: wrap the storage (e.g. to fail the Nth write). */
  wrapStore?: (s: Store) => Store;
  /** Print one line per request. */
  log?: boolean;
}

export interface DevHost {
  url: string;
  close(): Promise<void>;
}

interface Registration {
  name: string;
  methods: string[];
  route: string;
  authLevel?: string;
  handler: HttpHandler;
}

interface Route extends Registration {
  pattern: RegExp;
  keys: string[];
}

const FUNCTIONS_DIR = path.join(__dirname, '..', 'src', 'functions');

/** Every module in src/functions exports `registration` beside its app.http call. */
export function loadRegistrations(dir = FUNCTIONS_DIR): Registration[] {
  const files = fs.readdirSync(dir).filter((f) => /\.(ts|js)$/.test(f) && !f.endsWith('.d.ts'));
  // Outside the runtime @azure/functions warns once per app.http call that it is "in test mode",
  // and app.setup says (at debug level) that streaming is on.
  const { warn, debug } = console;
  console.warn = (...a: unknown[]) => {
    if (!/^WARNING: (Skipping call to register|Failed to detect the Azure Functions runtime)/.test(String(a[0]))) warn(...a);
  };
  console.debug = (...a: unknown[]) => {
    if (String(a[0]) !== 'HTTP streaming enabled.') debug(...a);
  };
  try {
    return files.map((f) => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- the route table is whatever files exist
      const mod = require(path.join(dir, f)) as { registration?: Registration };
      if (!mod.registration) throw new Error(`${f} does not export its registration`);
      return mod.registration;
    });
  } finally {
    console.warn = warn;
    console.debug = debug;
  }
}

function compile(r: Registration): Route {
  const keys: string[] = [];
  const re = r.route
    .split('/')
    .map((seg) => {
      const m = /^\{(\w+)\}$/.exec(seg);
      if (m?.[1]) {
        keys.push(m[1]);
        return '([^/]+)';
      }
      return seg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('/');
  return { ...r, methods: r.methods.map((m) => m.toUpperCase()), pattern: new RegExp(`^/api/${re}/?$`), keys };
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.map': 'application/json; charset=utf-8',
  '.xlsx': XLSX_MIME,
};

function send(res: http.ServerResponse, status: number, body: string | Buffer, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Length': Buffer.byteLength(body), ...headers });
  res.end(body);
}

function sendError(res: http.ServerResponse, status: number, body: unknown): void {
  send(res, status, JSON.stringify(body), { 'Content-Type': 'application/json; charset=utf-8' });
}

/** decodeURIComponent, or null for a malformed escape such as "%E0%A4%A". */
function decoded(s: string): string | null {
  try {
    return decodeURIComponent(s);
  } catch {
    return null;
  }
}

const TEXT = { 'Content-Type': 'text/plain; charset=utf-8' };

export function serveStatic(dir: string | undefined, urlPath: string, res: http.ServerResponse): void {
  const hint = '加载项页面尚未构建：请先运行 npm run build:addin（生成 dist/），然后刷新本页。';
  const notFound = '找不到这个页面或文件，请检查地址是否正确。';
  let rel = decoded(urlPath);
  if (rel === null) return send(res, 400, '请求地址含有无法识别的百分号编码，请检查链接是否完整。', TEXT);
  // No file name holds a control character; fs refuses a NUL by throwing, not through its callback.
  // eslint-disable-next-line no-control-regex -- exactly what is looked for
  if (/[\u0000-\u001f\u007f]/.test(rel)) return send(res, 400, '请求地址含有不允许的控制字符，请检查链接是否完整。', TEXT);
  if (!dir || !fs.existsSync(dir)) return send(res, 404, hint, TEXT);
  if (rel === '/' || rel === '') rel = '/taskpane.html';
  const file = path.normalize(path.join(dir, rel));
  if (!file.startsWith(path.normalize(dir + path.sep))) return send(res, 403, '不能访问加载项目录以外的文件。', TEXT);
  const missing = () => send(res, 404, rel === '/taskpane.html' ? hint : notFound, TEXT);
  try {
    fs.readFile(file, (err, data) => {
      if (err) return missing();
      send(res, 200, data, { 'Content-Type': TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream', 'Cache-Control': 'no-cache' });
    });
  } catch {
    // Any other path fs refuses outright (its arguments' checks throw): no such file either.
    missing();
  }
}

export async function startDevHost(opts: DevHostOptions): Promise<DevHost> {
  const maxUpload = opts.maxUploadBytes ?? opts.settings?.maxUploadBytes ?? 20 * 1024 * 1024;
  configure({ ...opts.settings, connectionString: opts.connectionString, secret: opts.secret, maxUploadBytes: maxUpload }, opts.wrapStore);
  resetStore();
  const routes = loadRegistrations().map(compile);
  let selfOrigin = '';
  const allowed = () => new Set([...(opts.corsOrigins ?? ['https://localhost:3000']), selfOrigin]);

  const server = http.createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', selfOrigin || 'http://localhost');
      const origin = req.headers.origin;
      const cors: Record<string, string> = {};
      if (origin && (allowed().has(origin) || allowed().has('*'))) {
        cors['Access-Control-Allow-Origin'] = origin;
        cors['Vary'] = 'Origin';
        cors['Access-Control-Expose-Headers'] = 'Content-Disposition';
      }
      if (req.method === 'OPTIONS') {
        return send(res, 204, '', {
          ...cors,
          'Access-Control-Allow-Methods': 'GET, POST, PUT, OPTIONS',
          'Access-Control-Allow-Headers': 'Authorization, Content-Type',
          'Access-Control-Max-Age': '600',
        });
      }
      if (!url.pathname.startsWith('/api/')) return serveStatic(opts.staticDir, url.pathname, res);

      const method = (req.method ?? 'GET').toUpperCase();
      let route: Route | undefined;
      let match: RegExpExecArray | null = null;
      for (const r of routes) {
        const m = r.pattern.exec(url.pathname);
        if (m && r.methods.includes(method)) {
          route = r;
          match = m;
          break;
        }
      }
      if (!route || !match) return sendError(res, 404, errorBody(new ApiError('REQUEST_NOT_FOUND', { path: `${method} ${url.pathname}` })));
      const params: Record<string, string> = {};
      for (const [i, k] of route.keys.entries()) {
        const v = decoded(match[i + 1] ?? '');
        if (v === null) return sendError(res, 400, errorBody(new ApiError('REQUEST_URL_INVALID', { path: url.pathname })));
        params[k] = v;
      }

      const { request, body } = toHttpRequest(req, method, url, params);
      const context = new InvocationContext({
        invocationId: randomUUID(),
        functionName: route.name,
        logHandler: (level, ...args) => {
          if (level === 'error' || level === 'critical' || level === 'warning') console.error(`[${route.name}]`, ...args);
          else if (opts.log) console.log(`[${route.name}]`, ...args);
        },
      });
      let result: HttpResponseInit | HttpResponse;
      try {
        result = await route.handler(request, context);
      } catch (e) {
        // The handler wrapper answers every fault itself; a throw past it is what the Functions
        // host would answer with a bare 500, so that is what this host does too.
        console.error(`[${route.name}] threw past the handler wrapper`, e);
        await body?.discard();
        return send(res, 500, '');
      }
      await body?.discard();
      const out = result instanceof HttpResponse ? result : new HttpResponse(result);
      const bytes = Buffer.from(await out.arrayBuffer());
      const outHeaders: Record<string, string> = { ...cors };
      out.headers.forEach((v, k) => (outHeaders[k] = v));
      if (opts.log) console.log(`${method} ${url.pathname} → ${out.status}`);
      send(res, out.status, bytes, outHeaders);
    })().catch((e: unknown) => {
      console.error('dev host: request failed', e);
      if (!res.headersSent) send(res, 500, '');
      else res.destroy();
    });
  });

  answerClientErrors(server);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  selfOrigin = `http://localhost:${port}`;
  return {
    url: selfOrigin,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
