// What an 审核通过 confirmation says first when a version breaks the quota.
import { acceptCaveat, bulkAcceptCaveat } from '../../../../addin/taskpane/model/accept-caveat';

const BAD = '西河乡共 26 个：好 12（46.2%）、较好 11（42.3%）、一般 2（7.7%）、较差 1（3.8%）；不符合比例要求：“好”的有 11 个，占 50.0%，超过上限 20%';

describe('acceptCaveat', () => {
  it.each<[string, { ok: boolean; summary: string } | null | undefined, string]>([
    ['breaks the quota: the reason after 不符合比例要求', { ok: false, summary: BAD }, '注意：西河乡的比例不符合要求（“好”的有 11 个，占 50.0%，超过上限 20%）。'],
    ['a summary without the usual words: said whole', { ok: false, summary: '较差比例低于下限。' }, '注意：西河乡的比例不符合要求（较差比例低于下限）。'],
    ['complies', { ok: true, summary: '西河乡共 26 个；比例符合要求' }, ''],
    ['not known', null, ''],
    ['not given', undefined, ''],
  ])('%s', (_name, quota, expected) => {
    expect(acceptCaveat('西河乡', quota)).toBe(expected);
  });
});

describe('bulkAcceptCaveat', () => {
  it.each<[string, Array<{ name: string; quota: { ok: boolean; summary: string } | null }>, string]>([
    ['names the townships that break it, in order', [{ name: '城关镇', quota: { ok: false, summary: BAD } }, { name: '东山镇', quota: { ok: true, summary: '' } }, { name: '西河乡', quota: { ok: false, summary: BAD } }], '注意：其中城关镇、西河乡的比例不符合要求（原因见表中“比例”列）。'],
    ['every one complies or is unknown', [{ name: '城关镇', quota: { ok: true, summary: '' } }, { name: '东山镇', quota: null }], ''],
    ['none', [], ''],
  ])('%s', (_name, rows, expected) => {
    expect(bulkAcceptCaveat(rows)).toBe(expected);
  });
});
