// An upload is stored under the roster's spelling of each organization it names.
import type { OrgIdentity } from '../../../shared/roster/identity';
import { withRosterNames } from '../../../shared/roster/spelling';
import type { OrgRow, RectificationRow } from '../../../shared/submission/types';

function identity(id: string, name: string, townshipId = 'dongshan', status: OrgIdentity['status'] = 'active'): OrgIdentity {
  return { id, name, townshipId, category: 'village', orgType: 'branch', parentName: null, parentId: null, status, lastCampaignId: 'c2026', history: [] };
}

const ROSTER = [identity('o1', '东山村党支部'), identity('o2', 'ABC科技有限公司党支部'), identity('o3', '西山村党支部', 'xishan'), identity('o4', '旧村党支部', 'dongshan', 'dissolved')];

function org(name: string, row = 5): OrgRow {
  return { row, seq: null, name, committee: null, category: 'village', orgType: 'branch', parentName: null, members: 12, scores: [13, 13, 9, 9, 9, 17, 22], total: 92, grade: 'good', flags: { forcedBottom: false, newlyEstablished: false }, explanation: '', remark: '' };
}

function rect(orgName: string): RectificationRow {
  return { row: 5, orgName, problems: '阵地不足', measures: '新建活动室', owner: '张三', deadline: '2026-12-31', status: '整改中' };
}

test.each([
  ['the roster’s own spelling', '东山村党支部', '东山村党支部'],
  ['Traditional characters', '東山村黨支部', '东山村党支部'],
  ['a wrap kept as a space (versions read before names dropped it)', '东山村 党支部', '东山村党支部'],
  ['full-width letters', 'ＡＢＣ科技有限公司党支部', 'ABC科技有限公司党支部'],
  ['quotes and a dot', '“东山村”·党支部', '东山村党支部'],
  ['an organization of another township: kept as typed', '西山村黨支部', '西山村黨支部'],
  ['a dissolved organization: kept as typed', '舊村黨支部', '舊村黨支部'],
  ['not on the roster: kept as typed', '新村黨支部', '新村黨支部'],
])('%s: %s is stored as %s, in the list and in the ledger lines', (_n, typed, stored) => {
  const out = withRosterNames(ROSTER, 'dongshan', { orgs: [org(typed)], rectifications: [rect(typed)] });
  expect([out.orgs[0]?.name, out.rectifications[0]?.orgName]).toEqual([stored, stored]);
});

test('所属党总支 takes the roster’s spelling too; one not on the roster stays as typed', () => {
  const roster = [...ROSTER, identity('g1', '东山村党总支')];
  const out = withRosterNames(roster, 'dongshan', { orgs: [{ ...org('东山村党支部'), parentName: '東山村黨總支' }, { ...org('ABC科技有限公司党支部'), parentName: '查无此党总支' }], rectifications: [] });
  expect(out.orgs.map((o) => o.parentName)).toEqual(['东山村党总支', '查无此党总支']);
});

test('the submission itself when every name is spelled as on the roster; other fields untouched', () => {
  const sub = { orgs: [org('东山村党支部')], rectifications: [rect('东山村党支部')], info: { township: '东山镇' } };
  expect(withRosterNames(ROSTER, 'dongshan', sub)).toBe(sub);
  const typed = { ...sub, orgs: [org('東山村黨支部', 7)] };
  const out = withRosterNames(ROSTER, 'dongshan', typed);
  expect(out).toEqual({ ...typed, orgs: [org('东山村党支部', 7)] });
  expect(typed.orgs[0]?.name).toBe('東山村黨支部');
});
