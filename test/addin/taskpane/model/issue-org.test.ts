import { makeIssue } from '../../../../shared/issues/catalogue';
import type { Issue } from '../../../../shared/issues/types';
import type { OrgRow, Submission } from '../../../../shared/submission/types';
import { DETAIL_SHEET, META_SHEET, RECT_SHEET } from '../../../../shared/template/definition';
import { organizationOf, withOrganizations } from '../../../../addin/taskpane/model/issue-org';

const org = (row: number, name: string) => ({ row, name }) as OrgRow;
const SUB = {
  orgs: [org(5, '东山村党支部'), org(6, '西村党支部')],
  rectifications: [{ row: 4, orgName: '北岭社区党支部', problems: '', measures: '', owner: '', deadline: null, status: '' }],
} as unknown as Submission;

const at = (sheet: string, cell?: string): Issue => makeIssue('GRADE_BLANK', {}, cell ? { sheet, cell } : { sheet });

describe('organizationOf', () => {
  it.each([
    ['a detail cell', at(DETAIL_SHEET, 'H5'), '东山村党支部'],
    ['a detail range', at(DETAIL_SHEET, 'A6:K6'), '西村党支部'],
    ['a renamed copy of the detail sheet', at('分类定级情况一览表 (2)', 'H6'), '西村党支部'],
    ['a ledger cell', at(RECT_SHEET, 'C4'), '北岭社区党支部'],
    ['the header row', at(DETAIL_SHEET, 'H3'), null],
    ['a whole sheet', at(DETAIL_SHEET), null],
    ['the metadata sheet', at(META_SHEET, 'B2'), null],
    ['a whole file', makeIssue('QUOTA_NOTHING_GRADED'), null],
    ['a message that names it (the coming format)', { ...at(DETAIL_SHEET, 'H9'), message: '第 9 行“南湖村党支部”：H9 分数写成了文字' }, '南湖村党支部'],
    ['an issue that carries it', { ...at(DETAIL_SHEET, 'H9'), params: { org: '南湖村党支部' } }, '南湖村党支部'],
  ] as Array<[string, Issue, string | null]>)('%s → %p', (_what, issue, name) => {
    expect(organizationOf(issue, SUB)).toBe(name);
  });

  it('names nothing by row without the checked workbook (the server’s answer alone)', () => {
    expect(organizationOf(at(DETAIL_SHEET, 'H5'), null)).toBeNull();
  });

  it('withOrganizations keeps the issues and adds org only where known', () => {
    const out = withOrganizations([at(DETAIL_SHEET, 'H5'), at(DETAIL_SHEET)], SUB);
    expect(out.map((i) => i.org)).toEqual(['东山村党支部', undefined]);
    expect(out.map((i) => i.message)).toEqual([at(DETAIL_SHEET, 'H5').message, at(DETAIL_SHEET).message]);
  });
});
