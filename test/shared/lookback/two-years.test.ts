// Two years and a 回头看 through the pure functions only, in the order the server will call them.
// The later API test does the same over HTTP with stored records.
import {
  applyLedgerAction,
  applyReconciliation,
  computeUpgradeTargets,
  defaultDecisions,
  defaultScheme,
  followRoster,
  gradedFromSubmission,
  lineFromRectification,
  lookbackSheetRows,
  overdueIssues,
  reconcileRoster,
  reviewLookback,
  startRoster,
  syncLedgerWithGrading,
  type Actor,
  type GradedOrg,
  type IncomingOrg,
  type LedgerItem,
  type OrgIdentity,
  type OrgRow,
  type RectificationRow,
} from '../../../shared';

const s = defaultScheme;
const names = { dongshan: '东山镇', xishan: '西山镇' };
const county: Actor = { role: 'county', label: '县委组织部' };
const township = (townshipId: string): Actor => ({ role: 'township', townshipId });

const entry = (townshipId: string, name: string, category: string): IncomingOrg => ({ townshipId, name, category });
const org = (row: number, name: string, grade: string, category = 'village'): OrgRow => ({ row, seq: row - 4, name, committee: null, category, orgType: null, parentName: null, members: null, scores: [], total: 0, grade, flags: { forcedBottom: false, newlyEstablished: false }, explanation: '', remark: '' });
const rect = (row: number, orgName: string, problems: string, deadline: string, status = ''): RectificationRow => ({ row, orgName, problems, measures: `${problems}整改`, owner: '支部书记', deadline, status });

/** One township's upload: rows → graded organizations → ledger, as the upload handler will do it. */
function upload(ids: OrgIdentity[], items: LedgerItem[], campaignId: string, townshipId: string, orgs: OrgRow[], rects: RectificationRow[], at: string) {
  const g = gradedFromSubmission(ids, townshipId, { orgs }, { townshipNames: names });
  expect(g.issues).toEqual([]);
  const l = syncLedgerWithGrading({ scheme: s, campaignId, townshipId, graded: g.graded, lines: rects.map((r) => lineFromRectification(r)), items, identities: ids, actor: township(townshipId), at });
  return { graded: g.graded, ledger: l };
}

function act(items: LedgerItem[], id: string, action: Parameters<typeof applyLedgerAction>[1], by: Actor, at: string): LedgerItem[] {
  const cur = items.find((i) => i.id === id);
  if (!cur) throw new Error(`no item ${id}`);
  const r = applyLedgerAction(cur, action, by, { at });
  if (!r.ok) throw new Error(r.issues.map((i) => i.message).join('\n'));
  return items.map((i) => (i.id === id ? r.item : i));
}

test('two years and a 回头看', () => {
  // ── Year 1 (c2025): the first roster and the grading ─────────────────────────────────────────
  const r1 = startRoster(
    [
      entry('dongshan', '东山村党支部', 'village'),
      entry('dongshan', '西河村党支部', 'village'),
      entry('dongshan', '红星机械厂党支部', 'private'),
      entry('dongshan', '东山镇中心小学党支部', 'agency'),
      entry('xishan', '西山社区党支部', 'community'),
      entry('xishan', '南湖村党支部', 'village'),
      entry('xishan', '北岭村党支部', 'village'),
    ],
    { campaignId: 'c2025', on: '2025-03-01' },
  );
  if (!r1.ok) throw new Error('roster 1');
  const ids1 = r1.identities;
  let ids = ids1;
  const id1 = (n: string) => ids1.find((o) => o.name === n)?.id ?? '';

  let items: LedgerItem[] = [];
  const d1 = upload(ids, items, 'c2025', 'dongshan', [org(5, '东山村党支部', 'poor'), org(6, '西河村党支部', 'average'), org(7, '红星机械厂党支部', 'average', 'private'), org(8, '东山镇中心小学党支部', 'good', 'agency')], [rect(3, '东山村党支部', '活动阵地简陋', '2025-06-30'), rect(4, '西河村党支部', '组织生活不规范', '2025年9月'), rect(5, '红星机械厂党支部', '党员发展停滞', '2025-12-31')], '2025-04-20T02:00:00Z');
  items = d1.ledger.items;
  const x1 = upload(ids, items, 'c2025', 'xishan', [org(5, '西山社区党支部', 'fairlyGood', 'community'), org(6, '南湖村党支部', 'poor'), org(7, '北岭村党支部', 'average')], [rect(3, '南湖村党支部', '班子不健全', '2025-06-30'), rect(4, '南湖村党支部', '经费保障不足', '2025-08-31')], '2025-04-21T02:00:00Z');
  items = x1.ledger.items;
  expect(x1.ledger.issues.map((i) => i.message)).toEqual(['工作表“分类定级情况一览表”：“北岭村党支部”定为“一般”，整改台账中没有它的整改事项，已建立一条待填写的整改记录']);
  expect(items.map((i) => [i.orgName, i.grade, i.matter, i.status])).toEqual([
    ['东山村党支部', 'poor', '活动阵地简陋', 'open'],
    ['西河村党支部', 'average', '组织生活不规范', 'open'],
    ['红星机械厂党支部', 'average', '党员发展停滞', 'open'],
    ['南湖村党支部', 'poor', '班子不健全', 'open'],
    ['南湖村党支部', 'poor', '经费保障不足', 'open'],
    ['北岭村党支部', 'average', '', 'open'],
  ]);
  const year1 = [...d1.graded, ...x1.graded];

  // Overdue on 1 July 2025 (Beijing): the two items due 30 June.
  expect(overdueIssues(items, Date.parse('2025-07-01T09:00:00+08:00')).map((i) => i.params?.name).sort()).toEqual(['东山村党支部', '南湖村党支部'].sort());

  // ── The year: 申请销号 by the townships (in the pane and by a re-upload), 销号 by the county ──
  const item = (name: string, matter?: string) => items.find((i) => i.orgName === name && (matter === undefined || i.matter === matter))?.id ?? '';
  items = act(items, item('东山村党支部'), { kind: 'request', progress: '活动室已改造', completedOn: '2025-06-28' }, township('dongshan'), '2025-06-29T02:00:00Z');
  items = act(items, item('东山村党支部'), { kind: 'confirm' }, county, '2025-07-05T02:00:00Z');
  items = act(items, item('红星机械厂党支部'), { kind: 'request', progress: '发展党员2名', completedOn: '2025-11-30' }, township('dongshan'), '2025-12-01T02:00:00Z');
  items = act(items, item('红星机械厂党支部'), { kind: 'confirm' }, county, '2025-12-10T02:00:00Z');
  // 西山镇 re-uploads with 申请销号 written in 完成情况 of 南湖村's first item.
  const x1b = upload(ids, items, 'c2025', 'xishan', [org(5, '西山社区党支部', 'fairlyGood', 'community'), org(6, '南湖村党支部', 'poor'), org(7, '北岭村党支部', 'average')], [rect(3, '南湖村党支部', '班子不健全', '2025-06-30', '已于2025年6月20日配齐班子，申请销号'), rect(4, '南湖村党支部', '经费保障不足', '2025-08-31')], '2025-06-21T02:00:00Z');
  expect(x1b.ledger.events.map((e) => [e.action, e.to])).toEqual([['edit', 'open'], ['request', 'requested']]);
  items = x1b.ledger.items;
  items = act(items, item('南湖村党支部', '班子不健全'), { kind: 'confirm' }, county, '2025-07-01T02:00:00Z');
  expect(items.map((i) => i.status)).toEqual(['closed', 'open', 'closed', 'closed', 'open', 'open']);

  // ── Year 2 (c2026): roster carried over with one renamed, one dissolved, one new, one twice ──
  const roster2 = [
    entry('dongshan', '東山村黨支部', 'village'),
    entry('dongshan', '红星机械有限公司党支部', 'private'),
    entry('dongshan', '东山镇中心小学党支部', 'agency'),
    entry('dongshan', '新光物流有限公司党支部', 'private'),
    entry('xishan', '西山社区党支部', 'community'),
    entry('xishan', '南湖村党支部', 'village'),
    entry('xishan', '北岭村党支部', 'village'),
    entry('xishan', '东山镇中心小学党支部', 'agency'),
  ];
  const p = reconcileRoster(ids, roster2, { campaignId: 'c2026', townshipNames: names });
  expect({ created: p.created, missing: p.missing.map((x) => ids.find((o) => o.id === x)?.name), renames: p.renames.map((r) => [r.fromName, r.toName, r.score]), twice: p.twice.map((t) => [t.name, t.suggestedTownshipId]) }).toEqual({
    created: ['dongshan|红星机械有限公司党支部', 'dongshan|新光物流有限公司党支部'],
    missing: ['西河村党支部', '红星机械厂党支部'],
    renames: [['红星机械厂党支部', '红星机械有限公司党支部', 1]],
    twice: [['东山镇中心小学党支部', 'dongshan']],
  });
  const decisions = defaultDecisions(p);
  const a2 = applyReconciliation(ids, p, decisions, { campaignId: 'c2026', on: '2026-03-01' }, { townshipNames: names });
  if (!a2.ok) throw new Error(a2.issues.map((i) => i.message).join('\n'));
  const followed = followRoster(items, a2.events, a2.identities, 'c2026', '2026-03-01T02:00:00Z');
  items = followed.items;
  ids = a2.identities;
  const id2 = (n: string) => ids.find((o) => o.name === n && o.status === 'active')?.id ?? '';
  expect(id2('红星机械有限公司党支部')).toBe(id1('红星机械厂党支部'));
  expect(ids.filter((o) => o.status === 'active')).toHaveLength(7);
  expect(items.map((i) => [i.orgName, i.status])).toEqual([
    ['东山村党支部', 'closed'],
    ['西河村党支部', 'void'],
    ['红星机械有限公司党支部', 'closed'],
    ['南湖村党支部', 'closed'],
    ['南湖村党支部', 'open'],
    ['北岭村党支部', 'open'],
  ]);

  // Year-2 grading: 东山村 is 较差 again (its closed item is reopened), 红星 and 南湖村 move up.
  const d2 = upload(ids, items, 'c2026', 'dongshan', [org(5, '東山村黨支部', 'poor'), org(6, '红星机械有限公司党支部', 'fairlyGood', 'private'), org(7, '东山镇中心小学党支部', 'good', 'agency'), org(8, '新光物流有限公司党支部', 'average', 'private')], [rect(3, '东山村党支部', '村务公开不及时', '2026-06-30'), rect(4, '新光物流有限公司党支部', '未建活动阵地', '2026-09-30')], '2026-04-20T02:00:00Z');
  items = d2.ledger.items;
  expect(d2.ledger.events.filter((e) => e.action === 'autoReopen').map((e) => e.itemId)).toEqual([item('东山村党支部', '活动阵地简陋')]);
  const x2 = upload(ids, items, 'c2026', 'xishan', [org(5, '西山社区党支部', 'good', 'community'), org(6, '南湖村党支部', 'average'), org(7, '北岭村党支部', 'average')], [rect(3, '南湖村党支部', '集体经济薄弱', '2026-10-31')], '2026-04-21T02:00:00Z');
  items = x2.ledger.items;
  const year2 = [...d2.graded, ...x2.graded];
  expect(items.filter((i) => i.status === 'reopened').map((i) => i.orgName)).toEqual(['东山村党支部']);

  // Targets: against an independent count over names (not ids) of what became of last year's.
  const t = computeUpgradeTargets({ scheme: s, previous: year1, current: year2, identities: ids, townshipNames: names });
  const rank = (k: string) => s.grades.findIndex((x) => x.key === k);
  const lastYear: Array<[string, string, string | null]> = [
    // last year's name, grade, this year's name (null: dissolved)
    ['东山村党支部', 'poor', '东山村党支部'],
    ['西河村党支部', 'average', null],
    ['红星机械厂党支部', 'average', '红星机械有限公司党支部'],
    ['南湖村党支部', 'poor', '南湖村党支部'],
    ['北岭村党支部', 'average', '北岭村党支部'],
  ];
  for (const grade of ['poor', 'average']) {
    const mine = lastYear.filter(([, gr, now]) => gr === grade && now !== null);
    const moved = mine.filter(([, gr, now]) => rank(year2.find((x) => x.name === now)?.grade ?? gr) < rank(gr)).length;
    const l = t.county.lines.find((x) => x.grade === grade);
    expect([grade, l?.base, l?.movedUp]).toEqual([grade, mine.length, moved]);
  }
  expect(t.county.lines.map((l) => [l.gradeLabel, l.base, l.movedUp, l.met, l.dissolved.map((o) => o.name)])).toEqual([
    ['较差', 2, 1, false, []],
    ['一般', 2, 1, true, ['西河村党支部']],
  ]);
  expect(t.complete).toBe(true);

  // ── 回头看 of c2026: 西山社区 goes down; 北岭村 moves up with its items not 销号 (flagged) ──
  const regrade: GradedOrg[] = year2.map((x) =>
    x.name === '西山社区党支部' ? { ...x, grade: 'fairlyGood' } : x.name === '北岭村党支部' ? { ...x, grade: 'fairlyGood' } : { ...x },
  );
  const lb = reviewLookback({ scheme: s, original: year2, regrade, items });
  expect(lb.rows.filter((r) => r.move !== 'same').map((r) => [r.name, r.move, r.flagged, r.unclosed])).toEqual([
    ['西山社区党支部', 'down', false, 0],
    ['北岭村党支部', 'up', true, 1],
  ]);
  expect(lb.issues.filter((i) => i.code === 'LOOKBACK_UPGRADE_NO_EFFECT').map((i) => i.message)).toEqual([
    '工作表“分类定级情况一览表”：“北岭村党支部”由“一般”升为“较好”，但还有 1 项整改事项未销号：整改成效不显著的不得晋位升级，请先完成整改并销号，或维持原等次',
  ]);
  expect(lookbackSheetRows(s, lb, names).map((r) => r.slice(1, 6))).toEqual([
    ['东山镇', '东山村党支部', '较差', '较差', '不变'],
    ['东山镇', '红星机械有限公司党支部', '较好', '较好', '不变'],
    ['东山镇', '东山镇中心小学党支部', '好', '好', '不变'],
    ['东山镇', '新光物流有限公司党支部', '一般', '一般', '不变'],
    ['西山镇', '西山社区党支部', '好', '较好', '降级'],
    ['西山镇', '南湖村党支部', '一般', '一般', '不变'],
    ['西山镇', '北岭村党支部', '一般', '较好', '晋位'],
  ]);

  // Every change to an item is in its history and in the audit events of the batch that made it.
  const allEvents = items.flatMap((i) => i.history);
  expect(allEvents.filter((e) => e.action === 'confirm')).toHaveLength(3);
  expect(allEvents.every((e) => e.itemId !== '' && e.at !== '')).toBe(true);
});
