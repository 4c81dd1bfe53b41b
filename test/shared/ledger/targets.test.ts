import { computeUpgradeTargets, defaultScheme, defaultSchemeInput, defaultUpgradeTargets, loadScheme, loadUpgradeTargets, schemeFingerprint, upgradeTargetsOf, yichunScheme, type GradedOrg, type OrgIdentity, type OrgStatus } from '../../../shared';

const s = defaultScheme;
const names = { dongshan: '东山镇', xishan: '西山镇' };

function ident(id: string, name: string, townshipId: string, status: OrgStatus = 'active', intoId?: string): OrgIdentity {
  const history: OrgIdentity['history'] = [{ kind: 'created', campaignId: 'c2025', on: '2025-03-01' }];
  if (intoId) history.push({ kind: 'mergedInto', campaignId: 'c2026', on: '2026-03-01', intoId });
  if (status === 'dissolved') history.push({ kind: 'dissolved', campaignId: 'c2026', on: '2026-03-01' });
  return { id, name, townshipId, category: 'village', orgType: null, parentName: null, parentId: null, status, lastCampaignId: 'c2026', history };
}
const g = (orgId: string, name: string, townshipId: string, grade: string): GradedOrg => ({ orgId, name, townshipId, grade });

// Last year: 4 较差 and 6 一般 across two townships. This year: what became of each.
const identities = [
  ident('p1', '东山村党支部', 'dongshan'),
  ident('p2', '西河村党支部', 'dongshan'),
  ident('p3', '南湖村党支部', 'xishan'),
  ident('p4', '北岭村党支部', 'xishan'),
  ident('a1', '红星机械有限公司党支部', 'dongshan'), // renamed from 红星机械厂党支部: same id
  ident('a2', '上坪村党支部', 'dongshan', 'merged', 'm1'),
  ident('a3', '下坪村党支部', 'dongshan', 'merged', 'm1'),
  ident('m1', '上下坪联合村党支部', 'dongshan'),
  ident('a4', '东山砖厂党支部', 'dongshan', 'dissolved'),
  ident('a5', '西山社区党支部', 'xishan'),
  ident('a6', '西山中学党支部', 'xishan'),
];
const previous = [
  g('p1', '东山村党支部', 'dongshan', 'poor'),
  g('p2', '西河村党支部', 'dongshan', 'poor'),
  g('p3', '南湖村党支部', 'xishan', 'poor'),
  g('p4', '北岭村党支部', 'xishan', 'poor'),
  g('a1', '红星机械厂党支部', 'dongshan', 'average'),
  g('a2', '上坪村党支部', 'dongshan', 'average'),
  g('a3', '下坪村党支部', 'dongshan', 'average'),
  g('a4', '东山砖厂党支部', 'dongshan', 'average'),
  g('a5', '西山社区党支部', 'xishan', 'average'),
  g('a6', '西山中学党支部', 'xishan', 'average'),
  g('x1', '东山小学党支部', 'dongshan', 'good'),
];
const current = [
  g('p1', '东山村党支部', 'dongshan', 'average'), // 较差 → 一般: up one
  g('p2', '西河村党支部', 'dongshan', 'poor'), //   stays 较差
  g('p3', '南湖村党支部', 'xishan', 'good'), //     较差 → 好: up three
  // p4 not graded yet
  g('a1', '红星机械有限公司党支部', 'dongshan', 'fairlyGood'), // renamed, up
  g('m1', '上下坪联合村党支部', 'dongshan', 'fairlyGood'), // a2 + a3 merged into it: both up
  g('a5', '西山社区党支部', 'xishan', 'poor'), // down
  g('a6', '西山中学党支部', 'xishan', 'average'), // same
];
const report = computeUpgradeTargets({ scheme: s, previous, current, identities, townshipNames: names });
const line = (scope: string | null, grade: string) => (scope === null ? report.county : report.townships.find((t) => t.townshipId === scope))?.lines.find((l) => l.grade === grade);

describe('upgrade targets: counts per township and county', () => {
  test.each<[string | null, string, number, number, number | null, number, boolean]>([
    // scope, grade, base, moved, share, needed, met
    [null, 'poor', 4, 2, 0.5, 2, false],
    [null, 'average', 5, 3, 0.6, 0, true],
    ['dongshan', 'poor', 2, 1, 0.5, 1, false],
    ['dongshan', 'average', 3, 3, 1, 0, true],
    ['xishan', 'poor', 2, 1, 0.5, 1, false],
    ['xishan', 'average', 2, 0, 0, 1, false],
  ])('%s %s: base %p, moved %p, share %p, needed %p, met %p', (scope, grade, base, moved, share, needed, met) => {
    expect(line(scope, grade)).toMatchObject({ base, movedUp: moved, share, needed, met });
  });

  test('townships are listed in last year’s order, each with only its own organizations', () => {
    // xishan's organizations come between dongshan's in `previous`.
    expect(report.townships.map((t) => [t.townshipId, t.label])).toEqual([
      ['dongshan', '东山镇'],
      ['xishan', '西山镇'],
    ]);
    for (const t of report.townships) for (const l of t.lines) for (const o of [...l.moved, ...l.notMoved, ...l.dissolved]) expect([t.townshipId, o.townshipId]).toEqual([t.townshipId, t.townshipId]);
  });

  test('a dissolved organization leaves the denominator and is listed', () => {
    expect(line(null, 'average')?.dissolved.map((o) => o.name)).toEqual(['东山砖厂党支部']);
    expect(line('dongshan', 'average')?.base).toBe(3);
  });

  test('merged organizations are judged by the organization they became', () => {
    expect(line('dongshan', 'average')?.moved.map((o) => [o.name, o.nowName, o.after])).toEqual([
      ['红星机械厂党支部', '红星机械有限公司党支部', 'fairlyGood'],
      ['上坪村党支部', '上下坪联合村党支部', 'fairlyGood'],
      ['下坪村党支部', '上下坪联合村党支部', 'fairlyGood'],
    ]);
  });

  test('not graded yet counts as not moved, and the report says it is incomplete', () => {
    expect(line(null, 'poor')?.notGraded.map((o) => o.name)).toEqual(['北岭村党支部']);
    expect(line(null, 'poor')?.notMoved.map((o) => o.name)).toEqual(['西河村党支部', '北岭村党支部']);
    expect(report.complete).toBe(false);
  });

  test('the shortfalls in Chinese, townships first', () => {
    expect(report.issues.map((i) => i.message)).toEqual([
      '东山镇上一年度定为“较差”的 2 个党组织中晋位升级 1 个（50.0%），未达到 100% 的目标，还差 1 个',
      '西山镇上一年度定为“较差”的 2 个党组织中晋位升级 1 个（50.0%），未达到 100% 的目标，还差 1 个',
      '西山镇上一年度定为“一般”的 2 个党组织中晋位升级 0 个（0.0%），未达到 30% 的目标，还差 1 个',
      '全县上一年度定为“较差”的 4 个党组织中晋位升级 2 个（50.0%），未达到 100% 的目标，还差 2 个',
      '上一年度定为“较差”的“北岭村党支部”本年度尚未定级，暂按未晋位升级计算',
    ]);
  });

  test('30 % of 3 needs one; of 10 needs three; of 0 needs none', () => {
    const run = (n: number, up: number) => {
      const prev = Array.from({ length: n }, (_, i) => g(`o${i}`, `组织${i}`, 'dongshan', 'average'));
      const cur = prev.map((p, i) => ({ ...p, grade: i < up ? 'fairlyGood' : 'average' }));
      const ids = prev.map((p) => ident(p.orgId, p.name, 'dongshan'));
      return computeUpgradeTargets({ scheme: s, previous: prev, current: cur, identities: ids }).county.lines.find((l) => l.grade === 'average');
    };
    expect([run(3, 0)?.needed, run(3, 1)?.met, run(10, 2)?.needed, run(10, 3)?.met, run(0, 0)?.met, run(0, 0)?.share]).toEqual([1, true, 1, true, true, null]);
  });
});

describe('targets as configuration', () => {
  test('defaults on the scheme’s bands: bottom 100 %, the band above 30 %', () => {
    expect(defaultUpgradeTargets(s)).toEqual([{ grade: 'poor', share: 1 }, { grade: 'average', share: 0.3 }]);
    expect(defaultUpgradeTargets(yichunScheme).map((t) => t.share)).toEqual([1, 0.3]);
  });

  test.each<[string, unknown, string[]]>([
    ['a share over 1', [{ grade: 'poor', share: 100 }], ['晋位升级目标设置有误：0.share：比例不能大于 1（请写成小数，如 0.3）']],
    ['an unknown grade', [{ grade: 'bad', share: 1 }], ['晋位升级目标设置有误：0.grade：未定义的等次键名“bad”']],
    ['the top grade', [{ grade: 'good', share: 1 }], ['晋位升级目标设置有误：0.grade：最高等次无法再晋位升级']],
    ['none at all', [], ['晋位升级目标设置有误：目标：至少需要一项目标']],
  ])('%s is refused in Chinese', (_what, json, messages) => {
    const r = loadUpgradeTargets(s, json);
    expect(r.ok ? [] : r.issues.map((i) => i.message)).toEqual(messages);
  });

  test('a county’s own targets are used', () => {
    const r = loadUpgradeTargets(s, [{ grade: 'average', share: 0.5 }]);
    if (!r.ok) throw new Error('refused');
    const rep = computeUpgradeTargets({ scheme: s, targets: r.targets, previous, current, identities });
    expect(rep.county.lines.map((l) => [l.grade, l.target, l.met])).toEqual([['average', 0.5, true]]);
  });
});

describe('targets in the scheme (an optional section next to quota)', () => {
  test('absent: the defaults, and no key is added (fingerprints of existing schemes stay as they were)', () => {
    expect(Object.keys(defaultScheme)).not.toContain('targets');
    expect(upgradeTargetsOf(defaultScheme)).toEqual(defaultUpgradeTargets(defaultScheme));
    const r = loadScheme({ ...defaultSchemeInput, targets: [{ grade: 'poor', share: 1 }] });
    expect(r.ok && schemeFingerprint(r.scheme)).not.toBe(schemeFingerprint(defaultScheme));
  });

  test('a county’s section is the targets computeUpgradeTargets uses', () => {
    const r = loadScheme({ ...defaultSchemeInput, targets: [{ grade: 'average', share: 0.5 }] });
    if (!r.ok) throw new Error(r.message);
    expect(upgradeTargetsOf(r.scheme)).toEqual([{ grade: 'average', share: 0.5 }]);
    const rep = computeUpgradeTargets({ scheme: r.scheme, previous, current, identities });
    expect(rep.county.lines.map((l) => [l.grade, l.target])).toEqual([['average', 0.5]]);
  });

  test.each<[string, unknown, string]>([
    ['a share over 1', [{ grade: 'poor', share: 30 }], 'targets.0.share：比例不能大于 1（请写成小数，如 0.3）'],
    ['an unknown grade', [{ grade: 'bad', share: 1 }], 'targets.0.grade：未定义的等次键名“bad”'],
    ['the top grade', [{ grade: 'good', share: 1 }], 'targets.0.grade：最高等次“好”无法再晋位升级'],
    ['one grade twice', [{ grade: 'poor', share: 1 }, { grade: 'poor', share: 0.5 }], 'targets.1.grade：等次“poor”的目标重复'],
    ['an empty list', [], 'targets：至少需要一项目标'],
  ])('%s is refused when the scheme is loaded, in Chinese', (_what, targets, problem) => {
    const r = loadScheme({ ...defaultSchemeInput, targets });
    expect(r.ok ? [] : r.problems).toEqual([problem]);
  });
});
