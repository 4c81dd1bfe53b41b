import { defaultScheme, schemeSchema, defaultSchemeInput } from '../../../../shared';
import { orgTypeField } from '../../../../shared/validate/fields/org-type';
import { cell, type In } from '../../../helpers/models';

const at = { sheet: '一览表', cell: 'E5' };
const withOwnWords = schemeSchema.parse({ ...defaultSchemeInput, vocabulary: { orgTypes: { branch: ['党小组联合支部'] } } });

test.each<[In, string | null]>([
  ['党支部', 'branch'],
  ['黨支部', 'branch'],
  ['支部', 'branch'],
  ['联合党支部', 'branch'],
  ['党总支', 'generalBranch'],
  ['總支', 'generalBranch'],
  ['党委', 'committee'],
  [undefined, null],
])('%p → %p', (x, want) => {
  expect(orgTypeField(cell(x), defaultScheme, at)).toEqual({ ok: true, value: want });
});

test('a county adds its own words in the scheme', () => {
  expect(orgTypeField(cell('党小组联合支部'), withOwnWords, at)).toEqual({ ok: true, value: 'branch' });
  const f = orgTypeField(cell('党小组联合支部'), defaultScheme, at);
  expect(f.ok ? null : f.issue.code).toBe('ORG_TYPE_UNKNOWN');
});

test.each<[In, string]>([
  ['小组', 'ORG_TYPE_UNKNOWN'],
  [{ error: '#REF!' }, 'CELL_ERROR'],
])('%p → %s', (x, code) => {
  const f = orgTypeField(cell(x), defaultScheme, at);
  expect(f.ok ? null : f.issue.code).toBe(code);
});
