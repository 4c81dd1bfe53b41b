// A county's standard as JSON text (a file, or the functions' 评定标准 argument): syntax errors in
// Chinese with line and column, never JSON.parse's English; problems whole, the first few at most.
import { loadSchemeJson, parseJsonText, schemeLoadBrief } from '../../../shared/scheme/load';
import { defaultSchemeInput } from '../../../shared/scheme/default';

test.each<[string, string]>([
  ['{', '评定标准（scheme）不是有效的 JSON（第 1 行第 2 个字符附近），请检查括号、引号和逗号是否成对'],
  ['{\n  "id": "x",\n  "name" "y"\n}', '评定标准（scheme）不是有效的 JSON（第 3 行第 10 个字符附近），请检查括号、引号和逗号是否成对'],
  ["{'id': 'x'}", '评定标准（scheme）不是有效的 JSON（第 1 行第 2 个字符附近），请检查括号、引号和逗号是否成对'],
])('syntax error %p → %p', (text, message) => {
  const r = loadSchemeJson(text);
  expect(r.ok ? null : r.message).toBe(message);
  expect(r.ok ? '' : r.message).not.toMatch(/Expected|Unexpected|position|token/);
});

test('a file keeps its own subject', () => {
  const r = parseJsonText('{"id": ');
  expect(r.ok ? null : r.message).toMatch(/^评定标准文件不是有效的 JSON/);
});

const bad = (patch: object) => JSON.stringify({ ...defaultSchemeInput, ...patch });

test.each<[string, string, string]>([
  [
    'one problem, whole with its advice',
    bad({ quota: { ...defaultSchemeInput.quota, top: { ...defaultSchemeInput.quota.top, maxShare: 20 } } }),
    '评定标准（scheme）无效：quota.top.maxShare：比例不能大于 1（请写成小数，如 0.2）',
  ],
  ['a wrong type', bad({ totalMax: 'x' }), '评定标准（scheme）无效：totalMax：总分满分应为数字'],
])('%s', (_name, text, message) => {
  const r = loadSchemeJson(text);
  expect(r.ok ? null : schemeLoadBrief(r)).toBe(message);
});

test('many problems: the first three whole, then how many more', () => {
  const r = { message: 'x', problems: ['a：1', 'b：2', 'c：3', 'd：4', 'e：5'] };
  expect(schemeLoadBrief(r)).toBe('评定标准（scheme）无效：a：1；b：2；c：3；另有 2 处问题');
  expect(schemeLoadBrief({ message: '评定标准（scheme）无效：a：1', problems: ['a：1'] })).toBe('评定标准（scheme）无效：a：1');
});
