import { cleanText, normalizeLabel, toHalfWidth, toSimplified } from '../../../shared';

test.each([
  ['１２３．５', '123.5'], ['ＡＢＣ', 'ABC'], ['a\u3000b', 'a b'],
])('toHalfWidth %p', (a, b) => expect(toHalfWidth(a)).toBe(b));

test.each([
  ['較差', '较差'], ['較好', '较好'], ['黨總支', '党总支'], ['機關事業單位', '机关事业单位'],
  ['非公有制經濟組織', '非公有制经济组织'], ['社會組織', '社会组织'], ['社區', '社区'], ['國有企業', '国有企业'],
  ['群眾反映', '群众反映'], ['情況說明', '情况说明'], ['總分', '总分'], ['等次', '等次'],
])('toSimplified %p', (a, b) => expect(toSimplified(a)).toBe(b));

test('normalizeLabel folds width, script, spaces and case', () => {
  expect(normalizeLabel(' 較 差 ')).toBe('较差');
  expect(normalizeLabel('ＧＯＯＤ')).toBe('good');
});

test('cleanText keeps one space between words', () => {
  expect(cleanText('  城关镇\u3000 第一  支部 ')).toBe('城关镇 第一 支部');
});
