import type { CountyCompleteness } from '../../../../addin/taskpane/api/client';
import { countyRows, countyTable, nextSort, sortRows, totalsOf, type CountyFilter, type CountySort } from '../../../../addin/taskpane/model/county-table';
import { CAMPAIGN } from '../controllers/fakes';

const GRADES = ['好', '较好', '一般', '较差'];
type T = CountyCompleteness['townships'][number];

const tw = (id: string, name: string, state: T['state'], more: Partial<T> = {}): T => ({
  id,
  name,
  state,
  late: false,
  currentVersion: state === 'missing' ? null : 1,
  receivedAt: state === 'missing' ? null : '2026-04-20T02:00:00Z',
  quota: state === 'missing' ? null : { ok: true, summary: '比例符合要求' },
  comment: null,
  ...more,
});

// 安 an, 北 bei, 城 cheng, 东 dong, 西 xi (pinyin order).
const DATA: CountyCompleteness = {
  campaign: CAMPAIGN,
  townships: [
    tw('xi', '西山镇', 'submitted', { currentVersion: 2, receivedAt: '2026-04-22T02:00:00Z', counts: { 好: 1, 较好: 5, 一般: 2, 较差: 1 }, filledBy: '李四', phone: '0793-2' }),
    tw('dong', '东山乡', 'missing', { late: true }),
    tw('cheng', '城关镇', 'accepted', { receivedAt: '2026-04-19T02:00:00Z', counts: { 好: 2, 较好: 6, 一般: 3, 较差: 1 }, filledBy: '王秀英', phone: '0793-1' }),
    tw('bei', '北岭乡', 'returned', { currentVersion: 3, late: true, receivedAt: '2026-04-27T02:00:00Z', quota: { ok: false, summary: '不符合比例要求' }, comment: '请补充' }),
    tw('an', '安和镇', 'submitted', { receivedAt: '2026-04-21T02:00:00Z' }),
  ],
  totals: { missing: 1, submitted: 2, returned: 1, accepted: 1, late: 2 },
};

const names = (sort: CountySort, filter: CountyFilter = 'all') => countyTable(DATA, sort, filter, GRADES).rows.map((r) => r.name);

describe('sorting', () => {
  it.each([
    [{ key: 'name', dir: 'asc' }, ['安和镇', '北岭乡', '城关镇', '东山乡', '西山镇']],
    [{ key: 'name', dir: 'desc' }, ['西山镇', '东山乡', '城关镇', '北岭乡', '安和镇']],
    // 未上报, 已退回, 待审核 (by name), 已通过.
    [{ key: 'state', dir: 'asc' }, ['东山乡', '北岭乡', '安和镇', '西山镇', '城关镇']],
    // Nothing received sorts last in either direction.
    [{ key: 'receivedAt', dir: 'asc' }, ['城关镇', '安和镇', '西山镇', '北岭乡', '东山乡']],
    [{ key: 'receivedAt', dir: 'desc' }, ['北岭乡', '西山镇', '安和镇', '城关镇', '东山乡']],
    [{ key: 'version', dir: 'desc' }, ['北岭乡', '西山镇', '安和镇', '城关镇', '东山乡']],
    [{ key: 'late', dir: 'desc' }, ['北岭乡', '东山乡', '安和镇', '城关镇', '西山镇']],
    [{ key: 'grade:好', dir: 'desc' }, ['城关镇', '西山镇', '安和镇', '北岭乡', '东山乡']],
    [{ key: 'filledBy', dir: 'asc' }, ['西山镇', '城关镇', '安和镇', '北岭乡', '东山乡']],
    [{ key: 'quota', dir: 'asc' }, ['北岭乡', '安和镇', '城关镇', '西山镇', '东山乡']],
  ] as Array<[CountySort, string[]]>)('%j', (sort, expected) => {
    expect(names(sort)).toEqual(expected);
  });

  it.each([
    [{ key: 'name', dir: 'asc' }, 'name', { key: 'name', dir: 'desc' }],
    [{ key: 'name', dir: 'desc' }, 'name', { key: 'name', dir: 'asc' }],
    [{ key: 'name', dir: 'desc' }, 'late', { key: 'late', dir: 'asc' }],
  ] as Array<[CountySort, CountySort['key'], CountySort]>)('clicking from %j on %s gives %j', (from, key, to) => {
    expect(nextSort(from, key)).toEqual(to);
  });

  it('does not reorder the input', () => {
    const rows = countyRows(DATA);
    sortRows(rows, { key: 'name', dir: 'asc' });
    expect(rows.map((r) => r.id)).toEqual(['xi', 'dong', 'cheng', 'bei', 'an']);
  });
});

describe('filters and totals', () => {
  it.each([
    ['all', ['安和镇', '北岭乡', '城关镇', '东山乡', '西山镇']],
    ['missing', ['东山乡']],
    ['submitted', ['安和镇', '西山镇']],
    ['returned', ['北岭乡']],
    ['accepted', ['城关镇']],
    ['late', ['北岭乡', '东山乡']],
  ] as Array<[CountyFilter, string[]]>)('filter %s shows %j', (filter, expected) => {
    expect(names({ key: 'name', dir: 'asc' }, filter)).toEqual(expected);
  });

  it('counts per filter for the buttons, over all townships', () => {
    expect(countyTable(DATA, { key: 'name', dir: 'asc' }, 'late', GRADES).filterCounts).toEqual({ all: 5, missing: 1, submitted: 2, returned: 1, accepted: 1, late: 2 });
  });

  it.each([
    // 北岭乡, returned, breaks the quota: not counted, as the 汇总表's 比例检查 does not list it.
    ['all', { townships: 5, byState: { missing: 1, submitted: 2, returned: 1, accepted: 1 }, late: 2, counts: { 好: 3, 较好: 11, 一般: 5, 较差: 2 }, quotaBad: 0 }],
    ['late', { townships: 2, byState: { missing: 1, submitted: 0, returned: 1, accepted: 0 }, late: 2, counts: null, quotaBad: 0 }],
    ['submitted', { townships: 2, byState: { missing: 0, submitted: 2, returned: 0, accepted: 0 }, late: 0, counts: { 好: 1, 较好: 5, 一般: 2, 较差: 1 }, quotaBad: 0 }],
  ] as const)('the totals row counts what filter %s shows', (filter, totals) => {
    expect(countyTable(DATA, { key: 'name', dir: 'asc' }, filter, GRADES).totals).toEqual(totals);
  });

  it('a returned township’s figures are not added to the grade totals, as the 汇总表 leaves them out', () => {
    const withReturned = { ...DATA, townships: DATA.townships.map((t) => (t.id === 'bei' ? { ...t, counts: { 好: 5, 较好: 1, 一般: 0, 较差: 0 } } : t)) };
    const t = countyTable(withReturned, { key: 'name', dir: 'asc' }, 'all', GRADES).totals;
    expect(t.counts).toEqual({ 好: 3, 较好: 11, 一般: 5, 较差: 2 });
    expect(t.byState.returned).toBe(1);
    expect(countyTable(withReturned, { key: 'name', dir: 'asc' }, 'returned', GRADES).totals.counts).toBeNull();
  });

  it('has no grade counts while the server sends none', () => {
    const rows = countyRows({ ...DATA, townships: DATA.townships.map(({ counts: _c, ...t }) => t) });
    expect(totalsOf(rows, GRADES).counts).toBeNull();
    expect(rows.map((r) => r.counts)).toEqual([null, null, null, null, null]);
  });
});
