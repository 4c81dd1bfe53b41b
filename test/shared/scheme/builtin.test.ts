// The built-in standards by what a clerk types for them: id, full name, the short name the page
// shows (六类, 宜春五类), Traditional or full width.
import { builtInSchemeChoices, findBuiltInScheme, shortSchemeName } from '../../../shared/scheme/builtin';
import { defaultScheme, yichunScheme } from '../../../shared/scheme/default';

test.each<[string, string | null]>([
  ['default6', 'default6'],
  ['DEFAULT6', 'default6'],
  ['基层党组织分类定级标准（六类）', 'default6'],
  ['六类', 'default6'],
  ['六类标准', 'default6'],
  ['默认', 'default6'],
  ['默认标准', 'default6'],
  ['yichun5', 'yichun5'],
  ['ｙｉｃｈｕｎ５', 'yichun5'],
  ['宜春五类', 'yichun5'],
  ['宜春五類', 'yichun5'],
  [' 宜春 五类 ', 'yichun5'],
  ['宜春五类标准', 'yichun5'],
  ['基层党组织分类定级标准（宜春五类）', 'yichun5'],
  ['五类', null],
  ['宜春', null],
  ['北京', null],
  ['', null],
])('%p → %p', (text, id) => {
  expect(findBuiltInScheme(text)?.id ?? null).toBe(id);
});

test('short names come from the bracketed part of the name', () => {
  expect([shortSchemeName(defaultScheme), shortSchemeName(yichunScheme), shortSchemeName({ ...defaultScheme, name: '本县标准' })]).toEqual(['六类', '宜春五类', null]);
  expect(builtInSchemeChoices()).toBe('default6（六类）、yichun5（宜春五类）');
});
