import { gradedFromSubmission, startRoster, type OrgRow } from '../../../shared';
import { rosterMissing } from '../../../shared/roster/graded';

const row = (row: number, name: string, grade: string, forcedBottom = false): OrgRow => ({ row, seq: null, name, committee: null, category: 'village', orgType: null, parentName: null, members: null, scores: [], total: 70, grade, flags: { forcedBottom, newlyEstablished: false }, explanation: '', remark: '' });

test('a submission’s rows are tied to the township’s roster by name, whatever the script', () => {
  const r = startRoster([{ townshipId: 'dongshan', name: '东山村党支部', category: 'village' }, { townshipId: 'xishan', name: '南湖村党支部', category: 'village' }], { campaignId: 'c2026', on: '2026-03-01' });
  if (!r.ok) throw new Error('roster');
  const out = gradedFromSubmission(r.identities, 'dongshan', { orgs: [row(5, '東山村黨支部', 'poor', true), row(6, '南湖村党支部', 'average')] }, { nameCell: (n) => `B${n}`, townshipNames: { dongshan: '东山镇' } });
  expect(out.graded).toEqual([{ orgId: r.identities[0]?.id, townshipId: 'dongshan', name: '东山村党支部', grade: 'poor', total: 70, forcedBottom: true, newlyEstablished: false, where: { sheet: '分类定级情况一览表', cell: 'B5' } }]);
  expect(out.issues.map((i) => [i.severity, i.message])).toEqual([['error', '工作表“分类定级情况一览表”B6 单元格：“南湖村党支部”不在东山镇本年度的党组织名册中，请核对名称或先由县委组织部补入名册']]);
});

test('a list of organizations is indexed once, however many townships are read against it; another list gets its own index', () => {
  const townships = Array.from({ length: 30 }, (_, i) => `t${i}`);
  const r = startRoster(
    townships.flatMap((t) => [1, 2].map((k) => ({ townshipId: t, name: `${t}第${k}村党支部`, category: 'village' }))),
    { campaignId: 'c2026', on: '2026-03-01' },
  );
  if (!r.ok) throw new Error('roster');
  let walks = 0;
  const counted = new Proxy(r.identities, {
    get(target, key, receiver) {
      if (key === Symbol.iterator) walks++;
      return Reflect.get(target, key, receiver) as unknown;
    },
  });
  const graded = townships.flatMap((t) => gradedFromSubmission(counted, t, { orgs: [row(5, `${t}第1村党支部`, 'good'), row(6, `${t}第2村党支部`, 'average')] }).graded);
  expect(graded).toHaveLength(60);
  expect(walks).toBe(1);

  // A renamed roster is a new list: its names are found, not the old list's.
  const renamed = r.identities.map((o) => (o.townshipId === 't0' && o.name === 't0第1村党支部' ? { ...o, name: 't0红旗村党支部' } : o));
  expect(gradedFromSubmission(renamed, 't0', { orgs: [row(5, 't0红旗村党支部', 'good'), row(6, 't0第1村党支部', 'good')] }).graded.map((g) => g.name)).toEqual(['t0红旗村党支部']);
});

describe('organizations on the roster that the grading leaves out', () => {
  const r = startRoster(
    [
      { townshipId: 'dongshan', name: '东山村党支部', category: 'village' },
      { townshipId: 'dongshan', name: '西岭村党支部', category: 'village' },
      { townshipId: 'dongshan', name: '上塘村党支部', category: 'village' },
      { townshipId: 'xishan', name: '南湖村党支部', category: 'village' },
    ],
    { campaignId: 'c2026', on: '2026-03-01' },
  );
  if (!r.ok) throw new Error('roster');
  const missing = (names: string[]) =>
    rosterMissing(r.identities, 'dongshan', { orgs: names.map((n, i) => row(5 + i, n, 'good')) }, { townshipNames: { dongshan: '东山镇' } }).map((i) => [i.severity, i.org]);

  test.each<[string, string[], Array<[string, string]>]>([
    ['every one graded', ['东山村党支部', '西岭村党支部', '上塘村党支部'], []],
    ['in Traditional characters and another order', ['上塘村黨支部', '東山村黨支部', '西嶺村黨支部'], []],
    ['one left out', ['东山村党支部', '上塘村党支部'], [['error', '西岭村党支部']]],
    ['another township’s organization does not stand in for one', ['东山村党支部', '上塘村党支部', '南湖村党支部'], [['error', '西岭村党支部']]],
    ['none', [], [['error', '东山村党支部'], ['error', '西岭村党支部'], ['error', '上塘村党支部']]],
  ])('%s', (_n, names, want) => {
    expect(missing(names)).toEqual(want);
  });

  test('the message names the organization, the township and what to do', () => {
    const [i] = rosterMissing(r.identities, 'dongshan', { orgs: [] }, { townshipNames: { dongshan: '东山镇' } });
    expect(i?.message).toBe('工作表“分类定级情况一览表”“东山村党支部”：在东山镇本年度的党组织名册中，但一览表中没有这个党组织（隐藏或筛选掉的行不读取）；请补填它的评定结果，如已撤销或划出，请联系县委组织部调整名册');
  });
});
