import { z } from 'zod';
import { schemeSchema, type Scheme } from './schema';

// Fields carry their own Chinese messages; zod's zh-CN texts cover the rest (a wrong type deep
// inside), for this parse only, so nothing global changes for other schemas.
const zhCN = z.locales.zhCN().localeError;

export type SchemeLoad = { ok: true; scheme: Scheme } | { ok: false; message: string; problems: string[] };

/**
 * Checks a county's scheme (parsed JSON) and says in Chinese what is wrong with it, path first,
 * so a clerk editing the JSON can find the line.
 */
export function loadScheme(input: unknown): SchemeLoad {
  const r = schemeSchema.safeParse(input, { error: zhCN });
  if (r.success) return { ok: true, scheme: r.data };
  const problems = r.error.issues.map((i) => {
    const where = i.path.length ? i.path.join('.') : '（根）';
    return `${where}：${i.message}`;
  });
  return { ok: false, message: `评定标准（scheme）无效：${problems.join('；')}`, problems };
}

/** Parses JSON text first, so a syntax error gets the same kind of message. */
export function loadSchemeJson(text: string): SchemeLoad {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    return { ok: false, message: `评定标准（scheme）不是有效的 JSON：${msg}`, problems: [msg] };
  }
  return loadScheme(parsed);
}
