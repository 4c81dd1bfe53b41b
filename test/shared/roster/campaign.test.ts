// A campaign's stored 名册 as this year's entries (categories and types by key), and last year's
// active organizations carried into a new campaign's roster (by township name, ids kept).
import { carriedRoster, defaultScheme, rosterEntries, startRoster } from '../../../shared';

const s = defaultScheme;
const townships = [
  { id: 'dongshan', name: '东山镇' },
  { id: 'xishan', name: '西山镇' },
];

test('entries in the campaign’s township order, categories and types by key, a blank category kept blank', () => {
  const roster = {
    xishan: [{ name: '南湖村党支部', category: '村', orgType: '支部' }],
    dongshan: [
      { name: '红星机械厂党总支', category: '民营企业', orgType: '党总支' },
      { name: '红星机械厂一支部', category: '非公有制经济组织', orgType: '党支部', parent: '红星机械厂党总支', id: 'o-1' },
      { name: '新建党支部' },
    ],
  };
  expect(rosterEntries(s, townships, roster).map((e) => [e.townshipId, e.name, e.category, e.orgType, e.parentName, e.id ?? null, e.where?.sheet])).toEqual([
    ['dongshan', '红星机械厂党总支', 'private', 'generalBranch', null, null, '东山镇名册'],
    ['dongshan', '红星机械厂一支部', 'private', 'branch', '红星机械厂党总支', 'o-1', '东山镇名册'],
    ['dongshan', '新建党支部', '', null, null, null, '东山镇名册'],
    ['xishan', '南湖村党支部', 'village', 'branch', null, null, '西山镇名册'],
  ]);
});

test('carried: active organizations by township name, with ids, names in the scheme’s words; townships no longer listed left out', () => {
  const r = startRoster(
    [
      { townshipId: 'dongshan', name: '东山村党支部', category: 'village', orgType: 'branch' },
      { townshipId: 'dongshan', name: '红星机械厂党支部', category: 'private', parentName: '红星党总支' },
      { townshipId: 'xishan', name: '南湖村党支部', category: 'village' },
    ],
    { campaignId: 'c2025', on: '2025-03-01' },
  );
  if (!r.ok) throw new Error('roster');
  const ids = r.identities;
  const id = (n: string) => ids.find((o) => o.name === n)?.id;
  expect(carriedRoster(s, ids, townships, ['東山鎮'])).toEqual({
    东山镇: [
      { name: '东山村党支部', id: id('东山村党支部'), category: '村', orgType: '党支部' },
      { name: '红星机械厂党支部', id: id('红星机械厂党支部'), category: '非公有制经济组织', parent: '红星党总支' },
    ],
  });
});
