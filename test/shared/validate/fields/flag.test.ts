import { defaultScheme, defaultSchemeInput, schemeSchema } from '../../../../shared';
import { flagField } from '../../../../shared/validate/fields/flag';
import { cell, type In } from '../../../helpers/models';

const at = { sheet: '一览表', cell: 'P5' };
const ownWords = schemeSchema.parse({ ...defaultSchemeInput, vocabulary: { yes: ['涉及问题'], no: ['未涉及'] } });

test.each<[In, boolean]>([
  ['是', true],
  ['√', true],
  ['Y', true],
  [1, true],
  [true, true],
  ['否', false],
  ['×', false],
  [0, false],
  [undefined, false],
])('%p → %p', (x, want) => {
  expect(flagField(cell(x), defaultScheme, at)).toEqual({ ok: true, value: want });
});

test('a county adds its own yes/no words in the scheme', () => {
  expect(flagField(cell('涉及问题'), ownWords, at)).toEqual({ ok: true, value: true });
  expect(flagField(cell('未涉及'), ownWords, at)).toEqual({ ok: true, value: false });
  expect(flagField(cell('未涉及'), defaultScheme, at).ok).toBe(false);
});

test.each<[In, string]>([
  ['也许', 'FLAG_MALFORMED'],
  [2, 'FLAG_MALFORMED'],
  [{ error: '#N/A' }, 'CELL_ERROR'],
])('%p → %s', (x, code) => {
  const f = flagField(cell(x), defaultScheme, at);
  expect(f.ok ? null : f.issue.code).toBe(code);
});
