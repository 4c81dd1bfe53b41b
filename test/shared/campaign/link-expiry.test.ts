// Links that stop working before the deadline day is over (Beijing): after the county moves the
// deadline later, the links issued for the old one.
import { endsBeforeDeadline, linksEndingEarly, type LinkState } from '../../../shared/campaign/link-expiry';

// 2026-04-25 ends at 2026-04-25T15:59:59.999Z (Beijing midnight).
describe('endsBeforeDeadline', () => {
  it.each<[string, LinkState, string, boolean]>([
    ['issued for the old deadline, the deadline moved a month later', { status: 'active', expiresAt: '2026-05-25T15:59:59.999Z' }, '2026-06-30', true],
    ['issued for this deadline (30 days after it)', { status: 'active', expiresAt: '2026-05-25T15:59:59.999Z' }, '2026-04-25', false],
    ['ends at the deadline day’s last moment: still usable that day', { status: 'active', expiresAt: '2026-04-25T15:59:59.999Z' }, '2026-04-25', false],
    ['ends one minute before the deadline day is over (Beijing)', { status: 'active', expiresAt: '2026-04-25T15:59:00Z' }, '2026-04-25', true],
    ['ends in the morning of the deadline day (Beijing), UTC the day before', { status: 'active', expiresAt: '2026-04-24T23:00:00Z' }, '2026-04-25', true],
    ['revoked: not a link that works', { status: 'revoked', expiresAt: '2026-04-01T00:00:00Z' }, '2026-04-25', false],
    ['expired already: said as 已过期, not here', { status: 'expired', expiresAt: '2026-04-01T00:00:00Z' }, '2026-04-25', false],
    ['never issued', { status: 'none', expiresAt: null }, '2026-04-25', false],
    ['a deadline that is not a date', { status: 'active', expiresAt: '2026-04-01T00:00:00Z' }, '年底前', false],
    ['an expiry that is not a time', { status: 'active', expiresAt: '下月' }, '2026-04-25', false],
  ])('%s', (_name, link, deadline, expected) => {
    expect(endsBeforeDeadline(link, deadline)).toBe(expected);
  });
});

describe('linksEndingEarly', () => {
  it('keeps the rows that end early, in their order, with their own fields', () => {
    const rows = [
      { townshipId: 'a', status: 'active' as const, expiresAt: '2026-05-01T00:00:00Z' },
      { townshipId: 'b', status: 'active' as const, expiresAt: '2026-08-01T00:00:00Z' },
      { townshipId: 'c', status: 'revoked' as const, expiresAt: '2026-05-01T00:00:00Z' },
      { townshipId: 'd', status: 'active' as const, expiresAt: '2026-04-30T00:00:00Z' },
    ];
    expect(linksEndingEarly(rows, '2026-06-30').map((r) => r.townshipId)).toEqual(['a', 'd']);
    expect(linksEndingEarly(rows, '2026-04-25')).toEqual([]);
  });
});
