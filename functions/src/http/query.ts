// A query string checked by its contract schema, refused like a bad body: the first field's
// Chinese name and problem in the message, every field's in `issues`.
import type { HttpRequest } from '@azure/functions';
import type { z } from 'zod';
import { fieldPath } from '../../../shared/api/zod-zh';
import { makeIssue } from '../../../shared/issues/catalogue';
import { ApiError } from './errors';

export function parseQuery<S extends z.ZodType>(req: HttpRequest, schema: S): z.output<S> {
  const parsed = schema.safeParse(Object.fromEntries(req.query.entries()));
  if (parsed.success) return parsed.data;
  const all = parsed.error.issues.map((i) => ({ field: fieldPath(i.path), problem: i.message }));
  const [first] = all;
  throw new ApiError('REQUEST_FIELD_INVALID', { field: first?.field ?? '查询条件', problem: first?.problem ?? '格式不正确', ...(all.length > 1 ? { more: all.length - 1 } : {}) }, all.map((p) => makeIssue('REQUEST_FIELD_INVALID', p)));
}
