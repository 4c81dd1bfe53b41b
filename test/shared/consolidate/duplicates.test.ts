import { DuplicateFinder, findCrossTownshipDuplicates, type OrgReport } from '../../../shared';

const r = (townshipId: string, name: string, row = 5): OrgReport => ({ townshipId, township: `${townshipId}镇`, name, row });

test.each([
  ['no duplicates', [r('a', '东山村党支部'), r('b', '西河村党支部')], []],
  ['the same name in two townships', [r('a', '东山村党支部', 5), r('b', '东山村党支部', 9)], [['东山村党支部', ['a:5', 'b:9']]]],
  ['Traditional, full-width and spaced forms are one name', [r('a', '東山村黨支部'), r('b', '东山村 党支部'), r('c', '东山村党支部')], [['东山村党支部', ['a:5', 'b:5', 'c:5']]]],
  ['twice in one township only is the validator’s business', [r('a', '东山村党支部'), r('a', '东山村党支部')], []],
  ['blank names are ignored', [r('a', ''), r('b', '')], []],
])('%s', (_what, reports, expected) => {
  const got = findCrossTownshipDuplicates(reports).map((d) => [d.key, d.reports.map((x) => `${x.townshipId}:${x.row}`)]);
  expect(got).toEqual(expected.map(([k, xs]) => [String(k).replace(/\s/g, ''), xs]));
});

test('the finder takes reports one township at a time (as the county workbook streams them)', () => {
  const f = new DuplicateFinder();
  f.add(r('a', '甲'));
  expect(f.result()).toEqual([]);
  f.add(r('b', '甲'));
  expect(f.result().map((d) => d.reports.map((x) => x.townshipId))).toEqual([['a', 'b']]);
});
