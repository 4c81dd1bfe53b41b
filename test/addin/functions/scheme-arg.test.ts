// The functions' 评定标准 argument: blank for the default, a built-in standard by id or the
// Chinese name a clerk reads in the page, or a county's standard as JSON text.
import { resolveScheme } from '../../../addin/functions/scheme-arg';
import { FnInputError } from '../../../addin/functions/values';
import { defaultScheme, defaultSchemeInput, yichunScheme } from '../../../shared/scheme/default';

test.each<[unknown, string]>([
  [null, 'default6'],
  ['', 'default6'],
  [[['  ']], 'default6'],
  ['六类', 'default6'],
  ['默认', 'default6'],
  ['yichun5', 'yichun5'],
  ['宜春五类', 'yichun5'],
  [[['宜春五類']], 'yichun5'],
])('%p → %s', (arg, id) => {
  expect(resolveScheme(arg).id).toBe(id);
});

test('the built-in objects themselves come back (the engine caches lookups per scheme)', () => {
  expect(resolveScheme('宜春五类')).toBe(yichunScheme);
  expect(resolveScheme('六类')).toBe(defaultScheme);
});

test('an unknown name lists the choices by id and Chinese name', () => {
  expect(() => resolveScheme('宜春')).toThrow(FnInputError);
  expect(() => resolveScheme('宜春')).toThrow('“宜春”不是已知的评定标准，应为 default6（六类）、yichun5（宜春五类） 之一，或填写评定标准的 JSON 文本');
});

test.each<[string, string]>([
  // The argument is trimmed: the text ends after its sixth character.
  ['{"id": ', '评定标准（scheme）不是有效的 JSON（第 1 行第 7 个字符附近），请检查括号、引号和逗号是否成对'],
  [
    JSON.stringify({ ...defaultSchemeInput, quota: { ...defaultSchemeInput.quota, top: { ...defaultSchemeInput.quota.top, maxShare: 20 } } }),
    '评定标准（scheme）无效：quota.top.maxShare：比例不能大于 1（请写成小数，如 0.2）',
  ],
])('a county standard that does not load: the whole message, in Chinese (%#)', (text, message) => {
  expect(() => resolveScheme(text)).toThrow(new FnInputError(message));
});
