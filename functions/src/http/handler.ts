// Wraps every endpoint: refusals become Chinese JSON bodies; faults are logged and rethrown so the
// Functions host answers 500 without any detail reaching the caller.
import type { HttpHandler, HttpRequest, HttpResponseInit, InvocationContext } from '@azure/functions';
import { zodIssuesText } from '../../../shared/api/zod-zh';
import { ApiError, errorBody } from './errors';

export function endpoint(fn: (req: HttpRequest, ctx: InvocationContext) => Promise<HttpResponseInit>): HttpHandler {
  return async (req, ctx) => {
    try {
      return await fn(req, ctx);
    } catch (e) {
      if (e instanceof ApiError) return { status: e.status, jsonBody: errorBody(e) };
      ctx.error(`${ctx.functionName} failed`, e);
      throw e;
    }
  };
}

export function json(status: number, body: unknown): HttpResponseInit {
  return { status, jsonBody: body };
}

export async function readJson(req: HttpRequest): Promise<unknown> {
  const text = await req.text();
  if (!text.trim()) return {};
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
