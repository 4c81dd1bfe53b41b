// The HTTP plumbing under ApiClient: the token on every request, Chinese errors for every failure,
// zod-checked JSON and downloaded bytes with their file names.
import type { z } from 'zod';
import { errorBodySchema, XLSX_MIME } from '../../../shared/api/contract';
import type { Issue } from '../../../shared/issues/types';

export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: string,
    readonly issues: Issue[] = [],
  ) {
    super(message);
  }
}

/** "http://host:7071", "http://host:7071/", "http://host:7071/api" → "http://host:7071/api". */
export function apiBase(serverUrl: string): string {
  const trimmed = serverUrl.trim().replace(/\/+$/, '');
  if (!/^https?:\/\/[^/\s]+/i.test(trimmed)) throw new ApiError('服务器地址应以 http:// 或 https:// 开头，例如 http://localhost:7071', 0, 'BAD_URL');
  return /\/api$/i.test(trimmed) ? trimmed : `${trimmed}/api`;
}

const STATUS_TEXT: Record<number, string> = {
  400: '请求有误',
  401: '令牌无效或已过期，请向县委组织部重新索取令牌',
  403: '当前令牌无权进行此操作',
  404: '服务器上找不到该项目',
  409: '数据已被他人更新，请刷新后重试',
  413: '文件太大，服务器拒收',
  422: '工作簿未通过检查',
};

export function fromBody(status: number, body: unknown): ApiError {
  const parsed = errorBodySchema.safeParse(body);
  if (parsed.success) {
    const e = parsed.data.error;
    return new ApiError(e.message, status, e.code, (e.issues ?? []) as Issue[]);
  }
  return new ApiError(`${STATUS_TEXT[status] ?? '服务器出错'}（HTTP ${status}）`, status, `HTTP_${status}`);
}

export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export function checked<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  const r = schema.safeParse(body);
  if (!r.success) throw new ApiError('服务器返回的数据格式不正确，请确认服务器地址，或联系县委组织部', 0, 'BAD_RESPONSE');
  return r.data;
}

export const NETWORK = '无法连接服务器，请检查服务器地址和网络';

export interface Downloaded {
  bytes: Uint8Array;
  fileName: string | null;
}

function fileNameFrom(disposition: string | null): string | null {
  if (!disposition) return null;
  const star = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(disposition);
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1]);
    } catch {
      // fall back to the plain parameter
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/i.exec(disposition);
  return plain?.[1] ?? null;
}

export class HttpClient {
  readonly base: string;

  constructor(
    serverUrl: string,
    protected readonly token: string,
    private readonly fetchFn: typeof fetch = (...a) => fetch(...a),
  ) {
    this.base = apiBase(serverUrl);
  }

  protected headers(extra: Record<string, string> = {}): Record<string, string> {
    return { Authorization: `Bearer ${this.token}`, ...extra };
  }

  protected async send(path: string, init: RequestInit = {}): Promise<Response> {
    let res: Response;
    try {
      res = await this.fetchFn(this.base + path, { ...init, headers: this.headers((init.headers as Record<string, string>) ?? {}) });
    } catch {
      throw new ApiError(NETWORK, 0, 'NETWORK');
    }
    if (!res.ok) throw fromBody(res.status, parseJson(await res.text()));
    return res;
  }

  protected async json<S extends z.ZodType>(schema: S, path: string, init: RequestInit = {}): Promise<z.output<S>> {
    const res = await this.send(path, { ...init, headers: { Accept: 'application/json', ...((init.headers as Record<string, string>) ?? {}) } });
    return checked(schema, parseJson(await res.text()));
  }

  /** A JSON body sent with `method`, the answer checked by `schema`. */
  protected sendJson<S extends z.ZodType>(schema: S, method: 'POST' | 'PUT', path: string, body: unknown): Promise<z.output<S>> {
    return this.json(schema, path, { method, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  }

  protected async bytes(path: string): Promise<Downloaded> {
    const res = await this.send(path, { headers: { Accept: XLSX_MIME } });
    return { bytes: new Uint8Array(await res.arrayBuffer()), fileName: fileNameFrom(res.headers.get('Content-Disposition')) };
  }
}
