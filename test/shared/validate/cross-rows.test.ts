// The quota of an upload is counted once, by the validator; the server words the receipt from
// that count. Here that count, worded for a township, is what counting the submission's rows
// again (as the server used to) gives, for every workbook a township could have accepted.
import { checkQuota, defaultScheme, quotaVerdict, readSubmission, yichunScheme, type FillOrg, type Scheme } from '../../../shared';
import { filledWorkbook } from '../../helpers/workbooks';

const every = (f: (o: FillOrg, i: number) => void) => (orgs: FillOrg[]) => orgs.forEach(f);
const topMarks = every((o) => Object.assign(o, { scores: defaultScheme.indicators.map((ind) => ind.max), explanation: '见附件' }));

test.each<[string, { scheme?: Scheme; n: number; seed: number; edit?: (orgs: FillOrg[]) => void }]>([
  ['a township of 50', { n: 50, seed: 11 }],
  ['a small township', { n: 6, seed: 3 }],
  ['the Yichun standard', { scheme: yichunScheme, n: 40, seed: 5 }],
  ['every other organization an agency (a raised cap)', { n: 30, seed: 9, edit: every((o, i) => Object.assign(o, { category: i % 2 ? '机关事业单位' : o.category, explanation: '见附件' })) }],
  ['top marks everywhere (over the cap)', { n: 20, seed: 4, edit: topMarks }],
])('%s: the validator’s count, worded for the township, is the receipt’s verdict', async (_name, o) => {
  const scheme = o.scheme ?? defaultScheme;
  const read = await readSubmission(await filledWorkbook({ scheme, n: o.n, seed: o.seed, ...(o.edit ? { edit: o.edit } : {}) }), scheme);
  expect(read.issues.filter((i) => i.severity === 'error')).toEqual([]);
  const sub = read.submission;
  expect(sub && read.quota).toBeTruthy();
  if (!sub || !read.quota) return;
  const again = checkQuota(scheme, sub.orgs.map((x) => ({ grade: x.grade, category: x.category })), { scope: '城关镇' });
  // `blanks` counts entries without a grade: the validator lists graded organizations only.
  expect({ ...quotaVerdict(scheme, read.quota, { scope: '城关镇' }), blanks: 0 }).toEqual({ ...again, blanks: 0 });
});

test('the quota warnings of a read are the count’s breaches', async () => {
  const read = await readSubmission(await filledWorkbook({ n: 20, seed: 4, edit: topMarks }), defaultScheme);
  const verdict = read.quota ? quotaVerdict(defaultScheme, read.quota) : null;
  expect(verdict?.breaches.map((b) => b.code)).toContain('QUOTA_TOP_EXCEEDED');
  expect(read.issues.filter((i) => i.code.startsWith('QUOTA_')).map((i) => i.code)).toEqual(verdict?.breaches.map((b) => b.code));
});

test('a workbook that could not be read has no count', async () => {
  const read = await readSubmission(new Uint8Array([1, 2, 3]), defaultScheme);
  expect([read.submission, read.quota]).toEqual([null, null]);
});
