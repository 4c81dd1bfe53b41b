import { deadlineNote } from '../../../../addin/taskpane/model/deadline';

// Instants in UTC; the days are counted in Beijing time (UTC+8) by shared/consolidate/deadline.ts.
const at = (iso: string) => Date.parse(iso);

describe('deadlineNote', () => {
  it.each([
    ['2026-04-22T04:00:00Z', null, '截止日期：2026-04-25（北京时间当天 24 时前），还有 3 天', false],
    ['2026-04-25T04:00:00Z', null, '截止日期：今天（2026-04-25）24 时前，请尽快上报', false],
    ['2026-04-27T04:00:00Z', null, '截止日期：2026-04-25，已逾期 2 天', true],
    ['2026-04-27T04:00:00Z', { state: 'missing', late: true }, '截止日期：2026-04-25，已逾期 2 天', true],
    ['2026-04-27T04:00:00Z', { state: 'returned', late: true }, '截止日期：2026-04-25，已逾期 2 天', true],
    ['2026-04-27T04:00:00Z', { state: 'submitted', late: false }, '截止日期：2026-04-25，已过；本单位已按时上报', false],
  ] as const)('at %s with %j: %s', (now, state, text, late) => {
    expect(deadlineNote('2026-04-25', at(now), state)).toEqual({ text, late });
  });
});
