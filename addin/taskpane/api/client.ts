// The page's only way to the county's server. Every JSON answer is parsed with the contract's
// zod schemas; every failure becomes an ApiError with a Chinese message a clerk can act on.
import { z } from 'zod';
import {
  campaignSchema,
  completenessSchema,
  errorBodySchema,
  meSchema,
  receiptSchema,
  routes,
  townshipStatusSchema,
  XLSX_MIME,
  type Campaign,
  type Me,
  type Receipt,
  type ReviewAction,
  type TownshipStatus,
} from '../../../shared/api/contract';
import type { Issue } from '../../../shared/issues/types';

/**
 * The completeness answer as the county table reads it. 填报人, 电话 and the counts by grade label
 * are not in the contract yet; when the county API adds them under these names they show up, until
 * then the table shows "—".
 */
const countyCompletenessSchema = completenessSchema.extend({
  townships: z.array(
    completenessSchema.shape.townships.element.extend({
      filledBy: z.string().nullish(),
      phone: z.string().nullish(),
      counts: z.record(z.string(), z.number()).nullish(),
    }),
  ),
});
export type CountyCompleteness = z.infer<typeof countyCompletenessSchema>;

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

function fromBody(status: number, body: unknown): ApiError {
  const parsed = errorBodySchema.safeParse(body);
  if (parsed.success) {
    const e = parsed.data.error;
    return new ApiError(e.message, status, e.code, (e.issues ?? []) as Issue[]);
  }
  return new ApiError(`${STATUS_TEXT[status] ?? '服务器出错'}（HTTP ${status}）`, status, `HTTP_${status}`);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function checked<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  const r = schema.safeParse(body);
  if (!r.success) throw new ApiError('服务器返回的数据格式不正确，请确认服务器地址，或联系县委组织部', 0, 'BAD_RESPONSE');
  return r.data;
}

const NETWORK = '无法连接服务器，请检查服务器地址和网络';

export type UploadOutcome = { kind: 'receipt'; receipt: Receipt } | { kind: 'rejected'; message: string; issues: Issue[] };

export interface UploadProgress {
  /** 0..1 of the bytes sent; null once sent and the server is checking. */
  sent: number | null;
}

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

export class ApiClient {
  readonly base: string;

  constructor(
    serverUrl: string,
    private readonly token: string,
    private readonly fetchFn: typeof fetch = (...a) => fetch(...a),
  ) {
    this.base = apiBase(serverUrl);
  }

  private headers(extra: Record<string, string> = {}): Record<string, string> {
    return { Authorization: `Bearer ${this.token}`, ...extra };
  }

  private async send(path: string, init: RequestInit = {}): Promise<Response> {
    let res: Response;
    try {
      res = await this.fetchFn(this.base + path, { ...init, headers: this.headers((init.headers as Record<string, string>) ?? {}) });
    } catch {
      throw new ApiError(NETWORK, 0, 'NETWORK');
    }
    if (!res.ok) throw fromBody(res.status, parseJson(await res.text()));
    return res;
  }

  private async json<S extends z.ZodType>(schema: S, path: string, init: RequestInit = {}): Promise<z.output<S>> {
    const res = await this.send(path, { ...init, headers: { Accept: 'application/json', ...((init.headers as Record<string, string>) ?? {}) } });
    return checked(schema, parseJson(await res.text()));
  }

  private async bytes(path: string): Promise<Downloaded> {
    const res = await this.send(path, { headers: { Accept: XLSX_MIME } });
    return { bytes: new Uint8Array(await res.arrayBuffer()), fileName: fileNameFrom(res.headers.get('Content-Disposition')) };
  }

  me(): Promise<Me> {
    return this.json(meSchema, routes.me());
  }

  /** The raw answer too: a server may add the campaign's scheme beside the contract's fields. */
  async campaign(c: string): Promise<{ campaign: Campaign; scheme: unknown }> {
    const res = await this.send(routes.campaign(c), { headers: { Accept: 'application/json' } });
    const body = parseJson(await res.text());
    const scheme = body && typeof body === 'object' ? (body as { scheme?: unknown }).scheme : undefined;
    return { campaign: checked(campaignSchema, body), scheme };
  }

  template(c: string, t: string): Promise<Downloaded> {
    return this.bytes(routes.template(c, t));
  }

  consolidated(c: string): Promise<Downloaded> {
    return this.bytes(routes.consolidated(c));
  }

  status(c: string, t: string): Promise<TownshipStatus> {
    return this.json(townshipStatusSchema, routes.submissions(c, t));
  }

  completeness(c: string): Promise<CountyCompleteness> {
    return this.json(countyCompletenessSchema, routes.completeness(c));
  }

  async review(c: string, t: string, action: ReviewAction): Promise<void> {
    await this.send(routes.review(c, t), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(action),
    });
  }

  /**
   * Uploads the workbook with XMLHttpRequest, because fetch reports no upload progress.
   * A 422 is not an exception: it is the workbook's issues, shown like local ones.
   */
  upload(c: string, t: string, bytes: Uint8Array, onProgress: (p: UploadProgress) => void = () => {}): Promise<UploadOutcome> {
    return new Promise((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      xhr.open('POST', this.base + routes.submissions(c, t));
      for (const [k, v] of Object.entries(this.headers({ 'Content-Type': XLSX_MIME, Accept: 'application/json' }))) xhr.setRequestHeader(k, v);
      xhr.upload.onprogress = (e) => onProgress({ sent: e.lengthComputable && e.total ? e.loaded / e.total : 0 });
      xhr.upload.onload = () => onProgress({ sent: null });
      xhr.onerror = () => reject(new ApiError(NETWORK, 0, 'NETWORK'));
      xhr.onload = () => {
        const body = parseJson(xhr.responseText);
        if (xhr.status === 200 || xhr.status === 201) {
          try {
            resolve({ kind: 'receipt', receipt: checked(receiptSchema, body) });
          } catch (e) {
            reject(e);
          }
          return;
        }
        const err = fromBody(xhr.status, body);
        if (xhr.status === 422) resolve({ kind: 'rejected', message: err.message, issues: err.issues });
        else reject(err);
      };
      xhr.send(new Blob([bytes as BlobPart], { type: XLSX_MIME }));
    });
  }
}
