import { defaultScheme, yichunScheme, type Scheme } from '../../../../shared';
import { categoryField } from '../../../../shared/validate/fields/category';
import { cell, type In } from '../../../helpers/models';

const at = { sheet: '一览表', cell: 'D5', org: '东山村党支部' };

test.each<[Scheme, In, string]>([
  [defaultScheme, '村', 'village'],
  [defaultScheme, '农村', 'village'],
  [defaultScheme, '行政村', 'village'],
  [defaultScheme, '農村', 'village'],
  [defaultScheme, '民营企业', 'private'],
  [defaultScheme, '非公经济', 'private'],
  [defaultScheme, '非公企业', 'private'],
  [defaultScheme, '非公有制經濟組織', 'private'],
  [defaultScheme, '事业单位', 'agency'],
  [defaultScheme, ' 社 區 ', 'community'],
  [defaultScheme, '国企', 'soe'],
  [yichunScheme, '村', 'rural'],
  [yichunScheme, '学校', 'eduHealth'],
])('%#: %p reads as %p', (s, x, key) => {
  const f = categoryField(cell(x), s, at);
  expect(f.ok && f.value.key).toBe(key);
});

test.each<[In, string]>([
  [undefined, 'CATEGORY_BLANK'],
  // 两新组织 covers 非公 and 社会组织 alike: the clerk is asked which.
  ['两新组织', 'CATEGORY_UNKNOWN'],
  ['外星组织', 'CATEGORY_UNKNOWN'],
  [{ error: '#N/A' }, 'CELL_ERROR'],
])('%p → %s', (x, code) => {
  const f = categoryField(cell(x), defaultScheme, at);
  expect(f.ok ? null : f.issue.code).toBe(code);
});

test('an unknown category lists the allowed ones', () => {
  const f = categoryField(cell('两新组织'), defaultScheme, at);
  expect(f.ok ? '' : f.issue.message).toContain('应为 村、社区、国有企业、非公有制经济组织、机关事业单位、社会组织 之一');
});
