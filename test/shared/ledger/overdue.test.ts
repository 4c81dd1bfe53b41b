import { overdueDays, overdueIssues, type LedgerItem, type LedgerStatus } from '../../../shared';

// Instants in Beijing time (UTC+8), where the deadline day ends.
const bj = (s: string) => Date.parse(`${s}+08:00`);

describe('overdueDays: past the end of the deadline day in Beijing', () => {
  test.each<[string, LedgerStatus, string | null, string, number]>([
    ['the deadline day itself', 'open', '2026-06-30', '2026-06-30T23:59:59', 0],
    ['the first moment after it', 'open', '2026-06-30', '2026-07-01T00:00:00', 1],
    ['late on the next day', 'open', '2026-06-30', '2026-07-01T23:59:59', 1],
    ['ten days on', 'open', '2026-06-30', '2026-07-10T08:00:00', 10],
    ['a reopened item counts', 'reopened', '2026-06-30', '2026-07-02T08:00:00', 2],
    ['a request waits on the county, not overdue', 'requested', '2026-06-30', '2026-07-10T08:00:00', 0],
    ['a closed item is never overdue', 'closed', '2026-06-30', '2027-01-01T08:00:00', 0],
    ['a void item is never overdue', 'void', '2026-06-30', '2027-01-01T08:00:00', 0],
    ['no date, no lateness', 'open', null, '2027-01-01T08:00:00', 0],
  ])('%s', (_what, status, deadline, now, days) => {
    expect(overdueDays({ status, deadline }, bj(now))).toBe(days);
  });
});

test('overdueIssues: one warning per overdue item, longest first, naming the organization and matter', () => {
  const mk = (id: string, orgName: string, matter: string, deadline: string, status: LedgerStatus = 'open') => ({ id, orgName, matter, deadline, status }) as LedgerItem;
  const items = [mk('l-1', '东山村党支部', '活动阵地简陋', '2026-06-30'), mk('l-2', '南湖村党支部', '', '2026-05-31'), mk('l-3', '西山社区党支部', '制度不健全', '2026-12-31'), mk('l-4', '新光物流有限公司党支部', '未按期换届', '2026-05-31', 'requested')];
  expect(overdueIssues(items, bj('2026-07-05T09:00:00')).map((i) => [i.severity, i.message])).toEqual([
    ['warning', '“南湖村党支部”的整改事项“（未填写）”已超过完成时限 2026-05-31（逾期 35 天）'],
    ['warning', '“东山村党支部”的整改事项“活动阵地简陋”已超过完成时限 2026-06-30（逾期 5 天）'],
  ]);
});
