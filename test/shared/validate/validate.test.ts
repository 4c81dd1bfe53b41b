// The validator's verdict over a whole workbook: here, how big the issue list can get. A file of
// thousands of bad rows is answered with its first issues and the count of the rest, never a
// stack overflow (thousands of issues spread into push()) or an answer of tens of megabytes.
import { defaultScheme as S, DETAIL_SHEET, validateSubmission, type Issue } from '../../../shared';
import { issueTotals, MAX_ISSUES } from '../../../shared/issues/cap';
import { detailRows, row, sheet, workbook } from '../../helpers/models';

/** Rows that hold only an organization's name (each gives several errors: category, scores, grade…). */
function namesOnly(n: number): Issue[] {
  const rows = detailRows(S, []);
  for (let i = 0; i < n; i++) rows.push(row(4 + i, [null, `第${i + 1}村党支部`]));
  return validateSubmission(workbook(sheet(DETAIL_SHEET, rows)), S).issues;
}

test.each([[2_000], [20_000]])('%i rows of names only: the first issues in row order, then the count of the rest', (n) => {
  const one = issueTotals(namesOnly(1)).error;
  const perRow = issueTotals(namesOnly(2)).error - one;
  expect(perRow).toBeGreaterThan(1);
  const issues = namesOnly(n);
  expect(issues).toHaveLength(MAX_ISSUES + 1);
  const last = issues[MAX_ISSUES] as Issue;
  expect([last.code, last.severity]).toEqual(['ISSUES_MORE', 'error']);
  expect(last.message).toMatch(/^问题太多，只列出了前 200 个（按工作表和行的顺序），另有 \d+ 个未列出，其中错误 \d+ 个；请先改正列出的错误/);
  // The true total, those not listed included.
  expect(issueTotals(issues).error).toBe(one + (n - 1) * perRow);
  // Shown: the first rows' errors, in row order.
  const rows = issues.slice(0, MAX_ISSUES).map((i) => Number(/\d+$/.exec(i.cell ?? '')?.[0] ?? 0));
  expect(rows[0]).toBe(4);
  expect(rows).toEqual([...rows].sort((a, b) => a - b));
  expect(Math.max(...rows)).toBeLessThan(4 + Math.ceil(MAX_ISSUES / (perRow - 1)));
});

test('a list within the bound has no summary', () => {
  const issues = namesOnly(3);
  expect(issues.length).toBeLessThan(MAX_ISSUES);
  expect(issues.map((i) => i.code)).not.toContain('ISSUES_MORE');
});

test('hundreds of warnings and no error: the summary is a warning, and the file can still be uploaded', () => {
  const orgs = Array.from({ length: 250 }, (_, i) => ({ name: `第${i + 1}村党支部`, parent: '不在表中党总支' }));
  const issues = validateSubmission(workbook(sheet(DETAIL_SHEET, detailRows(S, orgs))), S).issues;
  expect(issues).toHaveLength(MAX_ISSUES + 1);
  expect([issues[MAX_ISSUES]?.code, issues[MAX_ISSUES]?.severity]).toEqual(['ISSUES_MORE_WARNINGS', 'warning']);
  expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
  expect(issueTotals(issues).warning).toBeGreaterThan(250);
});
