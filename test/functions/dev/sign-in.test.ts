// The heading `npm start` prints over the county's sign-in link: the expiry in Beijing time, as the
// page shows it, whatever the server's clock zone (records are UTC instants).
import { signInHeading } from '../../../functions/dev/sign-in';
import type { CredentialRecord } from '../../../functions/src/storage/credentials';

const record = (expiresAt: string): CredentialRecord => ({
  id: 'c-1',
  kind: 'county',
  countyId: 'local',
  campaignId: null,
  townshipId: null,
  issuedAt: '2026-11-28T17:30:00.000Z',
  expiresAt,
  label: '本地县委组织部（npm start）',
  revokedAt: null,
  revokedBy: null,
});

it.each([
  ['issued in the Beijing evening: the UTC date is the day before', '2027-11-28T17:30:00.000Z', false, '青山县委组织部登录链接（有效期至 2027-11-29 01:30）：'],
  ['just before midnight in Beijing', '2027-11-28T15:59:00.000Z', true, '青山县委组织部登录链接（有效期至 2027-11-28 23:59，新建）：'],
  ['midnight in Beijing, the last day of the year in UTC', '2027-12-31T16:00:00.000Z', false, '青山县委组织部登录链接（有效期至 2028-01-01 00:00）：'],
])('%s', (_, expiresAt, created, heading) => {
  expect(signInHeading({ countyName: '青山县', record: record(expiresAt), created })).toBe(heading);
});
