import { beijingDay, beijingText, daysLeft, deadlineEnd, isLate } from '../../../shared/consolidate/deadline';

// Instants in UTC; days and times are Beijing's (UTC+8) whatever the machine's time zone.
const at = (iso: string) => Date.parse(iso);

describe('daysLeft', () => {
  it.each([
    ['2026-04-25', '2026-04-22T04:00:00Z', 3],
    ['2026-04-25', '2026-04-24T15:59:59Z', 1], // 23:59:59 on the 24th in Beijing
    ['2026-04-25', '2026-04-24T16:00:00Z', 0], // midnight of the 25th in Beijing
    ['2026-04-25', '2026-04-25T15:59:59Z', 0],
    ['2026-04-25', '2026-04-25T16:00:00Z', -1],
    ['2026-04-25', '2026-05-05T04:00:00Z', -10],
    ['2026-12-31', '2026-12-31T16:00:00Z', -1], // across the year in Beijing only
    ['年底前', '2026-04-22T04:00:00Z', null],
    ['2026-4-25', '2026-04-22T04:00:00Z', null],
    ['2026-13-01', '2026-04-22T04:00:00Z', null],
  ])('deadline %s at %s: %p', (deadline, now, days) => {
    expect(daysLeft(deadline, at(now))).toBe(days);
  });

  it.each([
    ['2026-04-25T15:59:59.999Z', false],
    ['2026-04-25T16:00:00.000Z', true],
  ])('a day past the deadline (%s) is exactly when an upload becomes late: %p', (now, late) => {
    expect((daysLeft('2026-04-25', at(now)) ?? 0) < 0).toBe(late);
    expect(isLate('2026-04-25', now, at(now))).toBe(late);
    expect(at(now) > deadlineEnd('2026-04-25')).toBe(late);
  });
});

describe('isLate', () => {
  it.each([
    ['received before the end of the day', '2026-04-25T15:00:00Z', '2026-05-01T00:00:00Z', false],
    ['received after the end of the day', '2026-04-25T16:00:01Z', '2026-05-01T00:00:00Z', true],
    ['nothing in, deadline not passed', null, '2026-04-25T15:59:59Z', false],
    ['nothing in, deadline passed', null, '2026-04-25T16:00:01Z', true],
  ])('%s', (_, receivedAt, now, late) => {
    expect(isLate('2026-04-25', receivedAt, at(now))).toBe(late);
  });
});

describe('beijingDay', () => {
  it.each([
    ['2026-04-24T15:59:59Z', '2026-04-24'],
    ['2026-04-24T16:00:00Z', '2026-04-25'],
    ['2026-12-31T16:00:00Z', '2027-01-01'],
  ])('%s → %s', (now, day) => {
    expect(beijingDay(at(now))).toBe(day);
  });
});

describe('beijingText', () => {
  it.each([
    ['2026-04-25T09:03:00Z', '2026-04-25 17:03'],
    ['2026-04-25T16:30:00Z', '2026-04-26 00:30'],
    ['2026-04-25T17:03:00+08:00', '2026-04-25 17:03'],
    ['not a time', ''],
    ['', ''],
    [null, ''],
    [undefined, ''],
  ])('%p → %p', (iso, text) => {
    expect(beijingText(iso)).toBe(text);
  });
});
