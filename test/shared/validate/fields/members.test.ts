import { membersField } from '../../../../shared/validate/fields/members';
import { cell, type In } from '../../../helpers/models';

const at = { sheet: '一览表', cell: 'G5' };

test.each<[In, number | null]>([
  [23, 23],
  ['23', 23],
  ['２３', 23],
  ['23人', 23],
  ['23名', 23],
  [' 23 ', 23],
  [0, 0],
  [undefined, null],
])('%p → %p', (x, want) => {
  expect(membersField(cell(x), at)).toEqual({ ok: true, value: want });
});

test.each<[In, string]>([
  ['很多', 'MEMBERS_MALFORMED'],
  [2.5, 'MEMBERS_MALFORMED'],
  [-1, 'MEMBERS_MALFORMED'],
  [{ error: '#VALUE!' }, 'CELL_ERROR'],
])('%p → %s', (x, code) => {
  const f = membersField(cell(x), at);
  expect(f.ok ? null : f.issue.code).toBe(code);
});
