// A refusal's issues as the answer shows them: whatever rule produced them (a 名册 sent as JSON,
// the reconciliation of a roster), the first MAX_ISSUES, errors first, and one issue with the
// count of the rest; a short list as it came. Params never leave the server.
import { makeIssue } from '../../../shared/issues/catalogue';
import { MAX_ISSUES } from '../../../shared/issues/cap';
import type { Issue } from '../../../shared/issues/types';
import { ApiError, errorBody, shownIssues } from '../../../functions/src/http/errors';

const unknown = (row: number): Issue => makeIssue('ROSTER_CATEGORY_UNKNOWN', { row, name: `第${row}支部`, value: '农场', allowed: '村、社区' }, { sheet: '东山镇名册' });
const blank = (row: number): Issue => makeIssue('ROSTER_CATEGORY_BLANK', { row, name: `第${row}支部` }, { sheet: '东山镇名册' });

describe('shownIssues', () => {
  it('keeps a short list as it came, without params', () => {
    const list = [blank(1), unknown(2)];
    expect(shownIssues(list)).toEqual(list.map(({ params: _p, ...rest }) => rest));
  });

  it.each<[string, Issue[], number, string]>([
    ['50,000 errors', Array.from({ length: 50_000 }, (_, i) => unknown(i + 1)), 50_000 - MAX_ISSUES, '其中错误 49800 个'],
    ['warnings before errors', [...Array.from({ length: 300 }, (_, i) => blank(i + 1)), ...Array.from({ length: 300 }, (_, i) => unknown(i + 301))], 400, '其中错误 100 个'],
  ])('cuts %s to the first errors and one with the count of the rest', (_case, list, more, errors) => {
    const shown = shownIssues(list);
    expect(shown).toHaveLength(MAX_ISSUES + 1);
    expect(shown.slice(0, MAX_ISSUES).every((i) => i.code === 'ROSTER_CATEGORY_UNKNOWN')).toBe(true);
    expect(shown[0]?.message).toBe(list.find((i) => i.code === 'ROSTER_CATEGORY_UNKNOWN')?.message);
    expect(shown.at(-1)?.code).toBe('ISSUES_MORE');
    expect(shown.at(-1)?.message).toContain(`另有 ${more} 个未列出，${errors}`);
  });
});

describe('errorBody', () => {
  it('answers a refusal of 50,000 issues with 201 of them, the true count in its message', () => {
    const e = new ApiError('CAMPAIGN_ROSTER_REFUSED', { errors: 50_000 }, Array.from({ length: 50_000 }, (_, i) => unknown(i + 1)));
    const body = errorBody(e);
    expect(body.error.message).toBe('党组织名册中有 50000 处错误，工作批次未保存；请按提示逐项修改后重试');
    expect(body.error.issues).toHaveLength(MAX_ISSUES + 1);
    expect(JSON.stringify(body).length).toBeLessThan(100_000);
  });
});
