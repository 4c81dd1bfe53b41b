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

/**
 * JSON text → value, or a Chinese message with the line and column (JSON.parse speaks English:
 * “Expected property name or '}' in JSON at position 1” reached clerks through =DJ.GRADE).
 * `subject` names what the text is: a county's file, or the formula's 评定标准 argument.
 */
export function parseJsonText(text: string, subject = '评定标准文件'): { ok: true; value: unknown } | { ok: false; message: string } {
  try {
    return { ok: true, value: JSON.parse(text.replace(/^\uFEFF/, '')) as unknown };
  } catch (e) {
    const said = e instanceof Error ? e.message : '';
    // Text cut short has no position in V8's message: it ends where the text does.
    const pos = /position (\d+)/.exec(said)?.[1] ?? (/end of JSON/i.test(said) ? String(text.length) : undefined);
    let where = '';
    if (pos !== undefined) {
      const before = text.slice(0, Number(pos)).split('\n');
      where = `（第 ${before.length} 行第 ${(before.at(-1)?.length ?? 0) + 1} 个字符附近）`;
    }
    return { ok: false, message: `${subject}不是有效的 JSON${where}，请检查括号、引号和逗号是否成对` };
  }
}

/** Parses JSON text first, so a syntax error gets the same kind of message. */
export function loadSchemeJson(text: string): SchemeLoad {
  const parsed = parseJsonText(text, '评定标准（scheme）');
  if (!parsed.ok) return { ok: false, message: parsed.message, problems: [parsed.message] };
  return loadScheme(parsed.value);
}

/**
 * The message for a cell or a tooltip: the first problems whole (a cut one lost its advice, as in
 * “quota.top.maxShare：比例不能大于…（共 55 字）”), then how many more.
 */
export function schemeLoadBrief(r: { message: string; problems: string[] }, shown = 3): string {
  if (r.problems.length <= shown) return r.message;
  return `评定标准（scheme）无效：${r.problems.slice(0, shown).join('；')}；另有 ${r.problems.length - shown} 处问题`;
}
