import { textField } from '../../../../shared/validate/fields/text';
import { cell, type In } from '../../../helpers/models';

const at = { sheet: '一览表', cell: 'B5', org: '东山村党支部' };

test.each<[string, In, 'name' | 'free', string]>([
  ['trimmed', '  东山村党支部 ', 'name', '东山村党支部'],
  ['whitespace between Chinese characters dropped', '东山村\u3000 第一  党支部', 'name', '东山村第一党支部'],
  ['a line break in a wrapped name (Alt+Enter) dropped', '东山村\n党支部', 'name', '东山村党支部'],
  ['inner whitespace between Latin words folded', 'ABC  Technology', 'name', 'ABC Technology'],
  ['full-width letters made half-width in names', 'ＡＢ公司党支部', 'name', 'AB公司党支部'],
  ['free text keeps its punctuation', ' 按“三会一课”整改；\n年底前完成。 ', 'free', '按“三会一课”整改； 年底前完成。'],
  ['a number is text too', 123, 'name', '123'],
  ['blank', undefined, 'name', ''],
])('%s', (_n, x, kind, want) => {
  expect(textField(cell(x), 'name', '党组织名称', at, kind)).toEqual({ ok: true, value: want });
});

test.each<[string, In, string]>([
  ['one character over the limit', '党'.repeat(101), 'TEXT_TOO_LONG'],
  ['a million characters', 'x'.repeat(1_000_000), 'TEXT_TOO_LONG'],
  ['an error value', { error: '#REF!' }, 'CELL_ERROR'],
])('%s → %s at the cell, naming the organization', (_n, x, code) => {
  const f = textField(cell(x), 'name', '党组织名称', at);
  expect(f.ok).toBe(false);
  if (f.ok) return;
  expect(f.issue).toMatchObject({ code, cell: 'B5', org: '东山村党支部' });
  // Only a short prefix of the value is quoted, whatever its length.
  expect(f.issue.message.length).toBeLessThan(160);
});

test('the limit counts characters, not UTF-16 units', () => {
  expect(textField(cell('𠀀'.repeat(100)), 'name', '党组织名称', at).ok).toBe(true);
});
