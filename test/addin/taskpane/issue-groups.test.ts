import { makeIssue } from '../../../shared/issues/catalogue';
import type { Issue } from '../../../shared/issues/types';
import { groupIssues, issueSummary, shortMessage } from '../../../addin/taskpane/ui/issue-groups';

const D = '分类定级情况一览表';
const R = '整改台账';

describe('groupIssues', () => {
  const issues: Issue[] = [
    makeIssue('TOTAL_MISMATCH', { total: 91, sum: 90 }, { sheet: D, cell: 'M12' }),
    makeIssue('DEDUCTION_REASON_MISSING', { indicators: '工作思路' }, { sheet: D, cell: 'P5' }),
    makeIssue('GRADE_BLANK', {}, { sheet: R, cell: 'C3' }),
    makeIssue('SCORE_BLANK', { name: '工作制度' }, { sheet: D, cell: 'I5' }),
    makeIssue('SCORE_BLANK', { name: '工作制度' }, { sheet: D, cell: 'AA5' }),
    makeIssue('QUOTA_NOTHING_GRADED'),
  ];

  it('puts whole-file problems first, then sheets in order of appearance, errors before warnings, cells in reading order', () => {
    const g = groupIssues(issues);
    expect(g.map((x) => x.title)).toEqual(['整个文件', `工作表“${D}”`, `工作表“${R}”`]);
    const detail = g[1];
    expect(detail?.levels.map((l) => [l.label, l.issues.map((i) => i.cell)])).toEqual([
      ['错误', ['I5', 'AA5', 'M12']],
      ['提醒', ['P5']],
    ]);
  });

  it('shortMessage drops the location the heading already gives', () => {
    const i = makeIssue('GRADE_BLANK', {}, { sheet: D, cell: 'H5' });
    expect(i.message).toContain('H5');
    expect(shortMessage(i)).toBe('未填写等次');
    const server: Issue = { code: 'X', num: 1, severity: 'error', sheet: D, cell: 'H5', message: '别的格式' };
    expect(shortMessage(server)).toBe('别的格式');
  });

  it.each([
    [[], '未发现问题'],
    [[makeIssue('GRADE_BLANK')], '1 个错误'],
    [[makeIssue('DEDUCTION_REASON_MISSING', { indicators: 'x' })], '提醒不影响上报'],
    // A capped list (shared/issues/cap.ts): the totals count those not listed.
    [[makeIssue('GRADE_BLANK'), makeIssue('ISSUES_MORE', { shown: 1, more: 1200, errors: 1000, warnings: 200, notes: 0 })], '发现 1001 个错误、200 个提醒（只列出前 1 个）。请先改正错误再上报。'],
    // The same from an HTTP answer, which drops params: the count is known to be more.
    [[makeIssue('GRADE_BLANK'), { code: 'ISSUES_MORE', num: 251, severity: 'error' as const, message: '问题太多…' }], '发现 超过 1 个错误（只列出前 1 个）'],
  ])('summarises %#', (list, text) => {
    expect(issueSummary(list)).toContain(text);
  });
});

describe('group titles', () => {
  it('names the hidden metadata sheet by what it holds', () => {
    const g = groupIssues([{ code: 'UPLOAD_OTHER_TOWNSHIP', num: 1, severity: 'error', sheet: '_meta', message: 'x' }]);
    expect(g[0]?.title).toContain('模板标识');
    expect(g[0]?.title).not.toContain('_meta');
  });
});
