// The quota of an upload is counted once, by the validator; the server words the receipt from
// that count. Here that count, worded for a township, is what counting the submission's rows
// again (as the server used to) gives, for every workbook a township could have accepted.
// Also: ledger lines against the list, where an organization's row in the list is hidden.
import { checkQuota, defaultScheme, quotaVerdict, readSubmission, validateSubmission, yichunScheme, type FillOrg, type Scheme } from '../../../shared';
import { detailRows, rectRows, sheet, workbook, type In, type OrgIn } from '../../helpers/models';
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

describe('ledger lines of organizations whose row in the list is hidden', () => {
  const FAIR: OrgIn = { scores: [10, 10, 6, 6, 6, 12, 12], total: 62, grade: '一般' };
  // Rows 4–7 of the list; 上塘村 (row 5) and 下湾村 (row 6) are 一般 and have ledger lines.
  const ORGS: OrgIn[] = [{ name: '西河村党支部' }, { name: '上塘村党支部', ...FAIR }, { name: '下湾村党支部', ...FAIR }, { name: '北坪村党支部' }];
  const line = (name: In): In[] => [null, name, '一般', '阵地薄弱', '改善阵地', '李书记', '2026-12-31'];

  interface Case {
    name: string;
    hidden: number[];
    lines: In[][];
    /** code@cell, and the list's row for RECT_ORG_HIDDEN. */
    want: string[];
  }
  const CASES: Case[] = [
    { name: 'one hidden row, one line', hidden: [5], lines: [line('上塘村党支部'), line('下湾村党支部')], want: ['RECT_ORG_HIDDEN@B2 row 5'] },
    { name: 'two hidden rows (a filter), a line each', hidden: [5, 6], lines: [line('上塘村党支部'), line('下湾村党支部')], want: ['RECT_ORG_HIDDEN@B2 row 5', 'RECT_ORG_HIDDEN@B3 row 6'] },
    { name: 'two lines of one hidden organization, the second leaving the name to the first', hidden: [5], lines: [line('上塘村党支部'), line(null), line('下湾村党支部')], want: ['RECT_ORG_HIDDEN@B2 row 5'] },
    { name: 'the ledger writes the name in Traditional characters', hidden: [5], lines: [line('上塘村黨支部'), line('下湾村党支部')], want: ['RECT_ORG_HIDDEN@B2 row 5'] },
    { name: 'a name in no row, hidden or not, is still unknown', hidden: [5], lines: [line('上塘村党支部'), line('下湾村党支部'), line('查无此党支部')], want: ['RECT_ORG_HIDDEN@B2 row 5', 'RECT_ORG_UNKNOWN@B4'] },
  ];

  function ledgerIssues(c: Case): string[] {
    const list = detailRows(defaultScheme, ORGS).map((r) => (c.hidden.includes(r.row) ? { ...r, hidden: true } : r));
    const r = validateSubmission(workbook(sheet('一览表', list), sheet('整改台账', rectRows(c.lines))), defaultScheme);
    return r.issues.filter((i) => i.code.startsWith('RECT_ORG')).map((i) => `${i.code}@${i.cell ?? ''}${i.params?.row ? ` row ${i.params.row}` : ''}`);
  }

  test('each case: the line names the hidden row, not a wrong name', () => {
    // One table, compared whole, so a failure lists every case that reads wrong.
    expect(CASES.map((c) => [c.name, ledgerIssues(c)])).toEqual(CASES.map((c) => [c.name, c.want]));
  });

  test('the message names the list\'s sheet and row, the ledger\'s cell and the organization', () => {
    const list = detailRows(defaultScheme, ORGS).map((r) => (r.row === 5 ? { ...r, hidden: true } : r));
    const r = validateSubmission(workbook(sheet('一览表', list), sheet('整改台账', rectRows([line('上塘村党支部'), line('下湾村党支部')]))), defaultScheme);
    const i = r.issues.find((x) => x.code === 'RECT_ORG_HIDDEN');
    expect(i).toMatchObject({ severity: 'warning', sheet: '整改台账', cell: 'B2', org: '上塘村党支部' });
    expect(i?.message).toContain('整改台账中的这个党组织在工作表“一览表”第 5 行，该行已隐藏，未读取；请取消隐藏（或清除筛选）后再上传');
    expect(r.issues.find((x) => x.code === 'ROWS_HIDDEN_SKIPPED')).toMatchObject({ sheet: '一览表', cell: 'B5' });
  });
});
