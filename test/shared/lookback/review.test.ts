import { createLedgerItem, defaultScheme, LOOKBACK_HEADERS, lookbackSheetRows, reviewLookback, type GradedOrg, type LedgerItem, type LedgerStatus } from '../../../shared';

const s = defaultScheme;
const g = (orgId: string, name: string, grade: string, extra: Partial<GradedOrg> = {}): GradedOrg => ({ orgId, name, townshipId: 'dongshan', grade, ...extra });

function items(orgId: string, ...statuses: LedgerStatus[]): LedgerItem[] {
  return statuses.map((status, i) => ({
    ...createLedgerItem({ orgId, orgName: orgId, townshipId: 'dongshan', campaignId: 'c2026', grade: 'average', fields: { matter: `事项${i + 1}` } }, [], { role: 'county' }, { at: '2026-04-30T00:00:00Z' }).item,
    id: `l-${orgId}-${i}`,
    status,
  }));
}

describe('回头看: one rule per case', () => {
  test.each<[string, string, Partial<GradedOrg>, LedgerStatus[], string, string, boolean, string[]]>([
    // what, before, regrade (grade + flags), ledger statuses, after, move, flagged, codes
    ['unchanged', 'fairlyGood', { grade: 'fairlyGood' }, [], 'fairlyGood', 'same', false, []],
    ['grades may go down', 'good', { grade: 'average' }, [], 'average', 'down', false, ['LOOKBACK_DOWNGRADED']],
    ['三打两建 forces 较差 whatever the regrade says', 'good', { grade: 'good', forcedBottom: true }, [], 'poor', 'down', false, ['LOOKBACK_FORCED_BOTTOM', 'LOOKBACK_DOWNGRADED']],
    ['三打两建 already graded 较差 is consistent', 'average', { grade: 'poor', forcedBottom: true }, ['open'], 'poor', 'down', false, ['LOOKBACK_DOWNGRADED']],
    ['a newly established organization is capped below 好', 'fairlyGood', { grade: 'good', newlyEstablished: true }, [], 'fairlyGood', 'same', false, ['LOOKBACK_NEW_CAPPED']],
    ['an upgrade with every item 销号 stands', 'average', { grade: 'fairlyGood' }, ['closed', 'closed'], 'fairlyGood', 'up', false, []],
    ['an upgrade with an item still open is flagged', 'average', { grade: 'fairlyGood' }, ['closed', 'open'], 'fairlyGood', 'up', true, ['LOOKBACK_UPGRADE_NO_EFFECT']],
    ['a request awaiting the county is not yet 成效', 'poor', { grade: 'average' }, ['requested'], 'average', 'up', true, ['LOOKBACK_UPGRADE_NO_EFFECT']],
    ['void items of a dissolved predecessor do not count', 'poor', { grade: 'average' }, ['void'], 'average', 'up', false, []],
    ['an organization kept at its grade with open items is fine', 'average', { grade: 'average' }, ['open'], 'average', 'same', false, []],
  ])('%s', (_what, before, regrade, statuses, after, move, flagged, codes) => {
    const r = reviewLookback({ scheme: s, original: [g('o1', '东山村党支部', before)], regrade: [g('o1', '东山村党支部', regrade.grade ?? before, regrade)], items: items('o1', ...statuses) });
    expect(r.rows[0]).toMatchObject({ before, after, move, flagged });
    expect(r.final[0]?.grade).toBe(after);
    expect(r.issues.map((i) => i.code)).toEqual(codes);
  });

  test('the flag is a warning for the county that names the organization, the grades and what is left', () => {
    const r = reviewLookback({ scheme: s, original: [g('o1', '东山村党支部', 'poor')], regrade: [g('o1', '东山村党支部', 'fairlyGood', { where: { sheet: '回头看', cell: 'R6' } })], items: items('o1', 'open', 'requested', 'closed') });
    expect(r.issues.map((i) => [i.severity, i.message])).toEqual([
      ['warning', '工作表“回头看”R6 单元格：“东山村党支部”由“较差”升为“较好”，但还有 2 项整改事项未销号（其中 1 项已申请销号待确认）：整改成效不显著的不得晋位升级，请先完成整改并销号，或维持原等次'],
    ]);
  });

  test('三打两建 message', () => {
    const r = reviewLookback({ scheme: s, original: [g('o1', '红星机械有限公司党支部', 'good')], regrade: [g('o1', '红星机械有限公司党支部', 'fairlyGood', { forcedBottom: true })], items: [] });
    expect(r.issues[0]?.message).toBe('“红星机械有限公司党支部”标记为“涉及三打两建问题”，应一律调整为“较差”，不能定为“较好”');
  });

  test('an organization the regrade left out is a warning; one it added is new', () => {
    const r = reviewLookback({ scheme: s, original: [g('o1', '东山村党支部', 'good'), g('o2', '西河村党支部', 'average')], regrade: [g('o1', '东山村党支部', 'good'), g('o3', '新光物流党支部', 'fairlyGood', { newlyEstablished: true })], items: [] });
    expect(r.notRegraded.map((x) => x.name)).toEqual(['西河村党支部']);
    expect(r.rows.map((x) => [x.name, x.move])).toEqual([['东山村党支部', 'same'], ['新光物流党支部', 'new']]);
    expect(r.issues.map((i) => i.message)).toEqual(['原定为“一般”的“西河村党支部”不在本次回头看的复查结果中']);
  });

  test('the before/after table, in the original order, new ones after their township', () => {
    const original = [g('o1', '东山村党支部', 'good'), g('o2', '西河村党支部', 'average'), g('x1', '南湖村党支部', 'poor', { townshipId: 'xishan' })];
    const regrade = [g('x1', '南湖村党支部', 'average', { townshipId: 'xishan' }), g('o3', '新光物流党支部', 'fairlyGood'), g('o2', '西河村党支部', 'fairlyGood'), g('o1', '东山村党支部', 'good', { forcedBottom: true })];
    const r = reviewLookback({ scheme: s, original, regrade, items: items('o2', 'open') });
    expect(LOOKBACK_HEADERS).toEqual(['序号', '乡镇（街道）', '党组织名称', '原定等次', '回头看等次', '变化', '说明']);
    expect(lookbackSheetRows(s, r, { dongshan: '东山镇', xishan: '西山镇' })).toEqual([
      [1, '东山镇', '东山村党支部', '好', '较差', '降级', '涉及三打两建问题，调整为“较差”'],
      [2, '东山镇', '西河村党支部', '一般', '较好', '晋位', '1 项整改事项未销号，成效不显著不得晋位升级'],
      [3, '东山镇', '新光物流党支部', '', '较好', '新增', ''],
      [4, '西山镇', '南湖村党支部', '较差', '一般', '晋位', ''],
    ]);
  });
});
