// How many issues a read shows: the first MAX_ISSUES in the order given, then one issue with the
// count of the rest; totals that include what was left out; row issues kept bounded as they come.
import { bySeverity, capIssues, issueTotals, IssueKeeper, MAX_ISSUES } from '../../../shared/issues/cap';
import { makeIssue } from '../../../shared/issues/catalogue';
import type { Issue } from '../../../shared/issues/types';

const S = '一览表';
const err = (row: number, col = 'C'): Issue => makeIssue('GRADE_BLANK', {}, { sheet: S, cell: `${col}${row}` });
const warn = (row: number): Issue => makeIssue('INFO_BLANK', { field: '填报人' }, { sheet: S, cell: `B${row}` });
const note = (row: number): Issue => makeIssue('FORMULA_NO_RESULT', { column: '总分' }, { sheet: S, cell: `P${row}` });
const list = (n: number, f: (i: number) => Issue) => Array.from({ length: n }, (_, i) => f(i + 1));
const brief = (issues: readonly Issue[]) => issues.map((i) => (i.code.startsWith('ISSUES_MORE') ? `${i.code} ${JSON.stringify(i.params)}` : `${i.severity[0]}${i.cell ?? ''}`));

describe('capIssues', () => {
  it.each<[string, Issue[], { error: number; warning: number; info: number } | undefined, number, string[]]>([
    ['within the bound: as it is', [err(1), warn(2)], undefined, 3, ['eC1', 'wB2']],
    ['errors over the bound', [err(1), err(2), err(3), warn(4)], undefined, 2, ['eC1', 'eC2', 'ISSUES_MORE {"shown":2,"more":2,"errors":1,"warnings":1,"notes":0}']],
    ['only warnings and notes left out: a warning', [err(1), warn(2), warn(3), note(4)], undefined, 2, ['eC1', 'wB2', 'ISSUES_MORE_WARNINGS {"shown":2,"more":2,"errors":0,"warnings":1,"notes":1}']],
    ['left out upstream, list within the bound', [err(1)], { error: 5, warning: 0, info: 0 }, 2, ['eC1', 'ISSUES_MORE {"shown":1,"more":5,"errors":5,"warnings":0,"notes":0}']],
    [
      'a summary already in the list is merged, not repeated',
      [err(1), makeIssue('ISSUES_MORE', { shown: 1, more: 7, errors: 4, warnings: 3, notes: 0 }), err(2)],
      undefined,
      1,
      ['eC1', 'ISSUES_MORE {"shown":1,"more":8,"errors":5,"warnings":3,"notes":0}'],
    ],
  ])('%s', (_, issues, omitted, max, want) => {
    expect(brief(capIssues(issues, omitted, max))).toEqual(want);
  });

  it('says in Chinese how many are not listed and what to do', () => {
    const [, more] = capIssues([err(1), err(2), warn(3)], undefined, 1);
    expect(more?.message).toBe('问题太多，只列出了前 1 个（按工作表和行的顺序），另有 2 个未列出，其中错误 1 个；请先改正列出的错误，再重新检查，其余问题会接着列出');
    expect(more?.severity).toBe('error');
  });

  it('keeps a list of the default bound, then one more', () => {
    const out = capIssues(list(MAX_ISSUES * 3, err));
    expect(out).toHaveLength(MAX_ISSUES + 1);
    expect(issueTotals(out)).toEqual({ error: MAX_ISSUES * 3, warning: 0, info: 0 });
  });
});

describe('bySeverity', () => {
  it.each<[string, Issue[], string[]]>([
    ['errors, then warnings, then notes', [note(1), warn(2), err(3)], ['eC3', 'wB2', 'iP1']],
    ['each severity keeps its order', [warn(5), err(4), warn(1), err(2), note(3)], ['eC4', 'eC2', 'wB5', 'wB1', 'iP3']],
    ['a list already in order is unchanged', [err(1), warn(2), note(3)], ['eC1', 'wB2', 'iP3']],
  ])('%s', (_, issues, want) => {
    const before = brief(issues);
    expect(brief(bySeverity(issues))).toEqual(want);
    expect(brief(issues)).toEqual(before);
  });
});

describe('IssueKeeper', () => {
  it.each<[string, Array<[Issue, number]>, number, string[], { error: number; warning: number; info: number }]>([
    ['each severity has its own bound', [[err(1), 1], [warn(1), 1], [err(2), 2], [warn(2), 2], [err(3), 3]], 2, ['eC1', 'wB1', 'eC2', 'wB2'], { error: 1, warning: 0, info: 0 }],
    // The row that reached the bound is kept whole: its issues may come in any column order.
    ['the row that reached the bound is kept whole', [[err(1, 'E'), 1], [err(2, 'F'), 2], [err(2, 'D'), 2], [err(3, 'A'), 3]], 2, ['eE1', 'eF2', 'eD2'], { error: 1, warning: 0, info: 0 }],
  ])('%s', (_, adds, max, kept, omitted) => {
    const k = new IssueKeeper(max);
    for (const [i, row] of adds) k.add(i, row);
    expect(brief(k.kept)).toEqual(kept);
    expect(k.omitted).toEqual(omitted);
  });
});
