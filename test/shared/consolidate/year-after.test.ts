// The year after's county forms: which items a campaign's 整改台账（销号情况） lists, each row's
// status (overdue marked) and 销号 date, the targets' rows, the list of those that did not move
// up, the 回头看 table; every definition's columns match its rows.
import {
  applyLedgerAction,
  campaignItems,
  closedOn,
  computeUpgradeTargets,
  createLedgerItem,
  defaultScheme,
  ledgerCounts,
  ledgerStatusForm,
  ledgerStatusRow,
  lookbackForm,
  lookbackRows,
  notMovedForm,
  notMovedRows,
  reviewLookback,
  startRoster,
  targetRows,
  targetsForm,
  type FormContext,
  type GradedOrg,
  type LedgerItem,
  type LedgerStatus,
} from '../../../shared';

const s = defaultScheme;
const ctx: FormContext = { scheme: s, county: '青山县', year: 2026, townships: ['东山镇', '西山镇'], generatedAt: '2026-07-05 10:00' };
const NOW = Date.parse('2026-07-05T02:00:00Z');

function item(campaignId: string, orgId: string, status: LedgerStatus, deadline = '2026-06-30', events: Array<{ campaignId: string; action: 'confirm' | 'edit'; at: string }> = []): LedgerItem {
  const base = createLedgerItem({ orgId, orgName: `${orgId}党支部`, townshipId: 'dongshan', campaignId, grade: 'poor', fields: { matter: '阵地', deadline } }, [], { role: 'system' }, { at: '2025-04-20T00:00:00Z', campaignId }).item;
  const history = [...base.history, ...events.map((e) => ({ ...base.history[0], action: e.action, at: e.at, campaignId: e.campaignId, from: 'requested' as const, to: 'closed' as const, changes: [] }) as LedgerItem['history'][number])];
  return { ...base, status, history };
}

describe('which items a campaign’s sheet lists', () => {
  test.each<[string, boolean, LedgerItem]>([
    ['opened by it', true, item('c2026', 'a', 'closed')],
    ['opened earlier, still open', true, item('c2025', 'a', 'open')],
    ['opened earlier, awaiting 销号', true, item('c2025', 'a', 'requested')],
    ['opened earlier, 复号 since', true, item('c2025', 'a', 'reopened')],
    ['opened earlier, 销号 in its course', true, item('c2025', 'a', 'closed', '2025-06-30', [{ campaignId: 'c2026', action: 'confirm', at: '2026-05-01T00:00:00Z' }])],
    ['opened earlier, closed then and untouched since', false, item('c2025', 'a', 'closed', '2025-06-30', [{ campaignId: 'c2025', action: 'confirm', at: '2025-07-01T00:00:00Z' }])],
    ['of an organization the campaign does not know', false, item('c2026', 'stranger', 'open')],
  ])('%s: listed %s', (_what, listed, i) => {
    expect(campaignItems([i], 'c2026', new Set(['a'])).length).toBe(listed ? 1 : 0);
  });
});

test('a 回头看 lists the items of its own townships only (it regrades those; the others are the grading’s)', () => {
  const west = { ...item('c2025', 'b', 'open'), townshipId: 'xishan' };
  const listed = (townships?: ReadonlySet<string>) => campaignItems([item('c2025', 'a', 'open'), west], 'lb2026', new Set(['a', 'b']), townships).map((i) => i.townshipId);
  expect(listed()).toEqual(['dongshan', 'xishan']);
  expect(listed(new Set(['xishan']))).toEqual(['xishan']);
});

describe('整改台账（销号情况）', () => {
  test('a row per item: the status with its overdue days, the 销号 date in Beijing time', () => {
    const late = item('c2026', '东山村', 'open', '2026-06-30');
    expect(ledgerStatusRow(s, 1, '东山镇', late, NOW)).toEqual([1, '东山镇', '东山村党支部', '较差', '阵地', null, null, '2026-06-30', null, null, null, '整改中（逾期 5 天）', null]);
    const done = applyLedgerAction({ ...late, status: 'requested' }, { kind: 'confirm' }, { role: 'county' }, { at: '2026-07-01T17:30:00Z', campaignId: 'c2026' });
    if (!done.ok) throw new Error('refused');
    expect(closedOn(done.item)).toBe('2026-07-02');
    expect(ledgerStatusRow(s, 2, '东山镇', done.item, NOW).slice(11)).toEqual(['已销号', '2026-07-02']);
  });

  test('the counts under the title, and a definition as wide as its rows', () => {
    const items = [item('c2026', 'a', 'open', '2026-06-30'), item('c2026', 'b', 'requested', '2026-06-30'), item('c2026', 'c', 'closed'), item('c2026', 'd', 'void')];
    expect(ledgerCounts(items, NOW)).toBe('共 4 项：整改中 1 项、申请销号 1 项、已销号 1 项、已复号 0 项、已撤销 1 项；其中逾期 1 项。');
    const def = ledgerStatusForm(ctx, items, NOW);
    expect(def.columns).toHaveLength(ledgerStatusRow(s, 1, '东山镇', items[0] as LedgerItem, NOW).length);
    expect(def.title).toBe('青山县2026年度基层党组织整改台账（销号情况）');
  });
});

describe('晋位升级 and 回头看 rows', () => {
  const r = startRoster(
    [
      { townshipId: 'dongshan', name: '东山村党支部', category: 'village' },
      { townshipId: 'dongshan', name: '西河村党支部', category: 'village' },
      { townshipId: 'xishan', name: '北岭村党支部', category: 'village' },
    ],
    { campaignId: 'c2025', on: '2025-03-01' },
  );
  if (!r.ok) throw new Error('roster');
  const ids = r.identities;
  const g = (name: string, grade: string): GradedOrg => {
    const o = ids.find((x) => x.name === name);
    return { orgId: o?.id ?? '', townshipId: o?.townshipId ?? '', name, grade };
  };
  const names = { dongshan: '东山镇', xishan: '西山镇' };
  const report = computeUpgradeTargets({ scheme: s, previous: [g('东山村党支部', 'poor'), g('西河村党支部', 'average'), g('北岭村党支部', 'average')], current: [g('东山村党支部', 'average'), g('西河村党支部', 'average')], identities: ids, townshipNames: names, countyLabel: '青山县' });

  test('targets: a row per township and grade, then the county’s', () => {
    const rows = targetRows(report);
    expect(rows.townships).toEqual([
      ['东山镇', '较差', 1, 1, 1, 1, '是', 0, null],
      ['东山镇', '一般', 1, 0, 0, 0.3, '否', 1, null],
      ['西山镇', '较差', 0, 0, null, 1, '是', 0, null],
      ['西山镇', '一般', 1, 0, 0, 0.3, '否', 1, '其中 1 个本年度尚未定级'],
    ]);
    expect(rows.county).toEqual([
      ['青山县', '较差', 1, 1, 1, 1, '是', 0, null],
      ['青山县', '一般', 2, 0, 0, 0.3, '否', 1, '其中 1 个本年度尚未定级'],
    ]);
    expect(targetsForm(ctx, 2025, false).columns).toHaveLength(9);
  });

  test('those that did not move up, the not yet graded said so', () => {
    const rows = notMovedRows(s, report, names);
    expect(rows).toEqual([
      [1, '东山镇', '西河村党支部', null, '一般', '一般', '未晋位升级'],
      [2, '西山镇', '北岭村党支部', null, '一般', null, '本年度尚未定级'],
    ]);
    expect(notMovedForm(ctx).columns).toHaveLength(7);
  });

  test('回头看: every regraded organization, then those left out', () => {
    const lb = reviewLookback({ scheme: s, original: [g('东山村党支部', 'average'), g('西河村党支部', 'average'), g('北岭村党支部', 'poor')], regrade: [g('东山村党支部', 'fairlyGood'), g('西河村党支部', 'poor')], items: [] });
    expect(lookbackRows(s, lb, names)).toEqual([
      [1, '东山镇', '东山村党支部', '一般', '较好', '晋位', null],
      [2, '东山镇', '西河村党支部', '一般', '较差', '降级', null],
      [3, '西山镇', '北岭村党支部', '较差', null, '未复查', '回头看结果中没有该党组织'],
    ]);
    expect(lookbackForm(ctx, 2026).columns).toHaveLength(7);
  });
});
