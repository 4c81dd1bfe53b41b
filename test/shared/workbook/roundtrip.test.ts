import { defaultScheme, readSubmission, yichunScheme } from '../../../shared';
import { filledWorkbook } from '../../helpers/workbooks';

test.each([
  ['default six-way scheme', defaultScheme, 40],
  ['Yichun five-way scheme', yichunScheme, 25],
])('generate → fill → read → validate gives zero issues (%s)', async (_name, scheme, n) => {
  const bytes = await filledWorkbook({ scheme, n });
  const r = await readSubmission(bytes, scheme);
  expect(r.issues.map((i) => `${i.code} ${i.cell ?? ''} ${i.message}`)).toEqual([]);
  expect(r.submission?.orgs).toHaveLength(n);
  expect(r.submission?.campaignId).toBe('c2026');
});
