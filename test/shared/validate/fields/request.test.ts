import { defaultScheme, defaultSchemeInput, schemeSchema } from '../../../../shared';
import { requestInText, requestMarkField } from '../../../../shared/validate/fields/request';
import { cell, type In } from '../../../helpers/models';

const at = { sheet: '整改台账', cell: 'I5', org: '东山村党支部' };
const ownWords = schemeSchema.parse({ ...defaultSchemeInput, vocabulary: { yes: ['同意销号'], no: ['暂缓'] } });

describe('the 申请销号 column', () => {
  test.each<[string, In, boolean | null]>([
    ['blank is no answer', undefined, null],
    ['spaces are no answer', '  ', null],
    ['是', '是', true],
    ['√', '√', true],
    ['1', 1, true],
    ['the request written out', '申请销号', true],
    ['Traditional 申請', '申請', true],
    ['否', '否', false],
    ['×', '×', false],
    ['0', 0, false],
    ['不', '不', false],
    ['暂不', '暂不', false],
    ['不申请', '不申请', false],
    ['暂不申请', '暂不申请', false],
    ['未申请', '未申请', false],
    ['尚未申请', '尚未申请', false],
    ['无需申请', '无需申请', false],
    ['不予申请', '不予申请', false],
    ['不能申请', '不能申请', false],
    ['还不能申请', '还不能申请', false],
    ['暂不申请销号', '暂不申请销号', false],
    ['a sentence that declines', '未完成，暂不申请销号', false],
    ['a sentence that asks', '已完成，申请销号', true],
  ])('%s', (_what, x, want) => {
    expect(requestMarkField(cell(x), defaultScheme, at)).toEqual({ ok: true, value: want });
  });

  test('the county’s own words come first', () => {
    expect(requestMarkField(cell('同意销号'), ownWords, at)).toEqual({ ok: true, value: true });
    expect(requestMarkField(cell('暂缓'), ownWords, at)).toEqual({ ok: true, value: false });
  });

  test.each<[In, string]>([
    ['待定', 'FLAG_MALFORMED'],
    ['不知道', 'FLAG_MALFORMED'],
    [2, 'FLAG_MALFORMED'],
    [{ error: '#N/A' }, 'CELL_ERROR'],
  ])('%p → %s', (x, code) => {
    const f = requestMarkField(cell(x), defaultScheme, at);
    expect(f.ok ? null : f.issue.code).toBe(code);
  });
});

describe('申请销号 in the free text of 完成情况', () => {
  test.each<[string, boolean | null]>([
    ['推进中', null],
    ['已完成', null],
    ['申请销号', true],
    ['已于2026年5月28日完成，申请销号', true],
    ['2026.5.28 完成 申請銷號', true],
    ['已完成整改，特申请销号', true],
    ['整改已到位，提出销号申请', true],
    ['整改不到位的问题已解决，申请销号', true],
    ['是否申请销号：是', true],
    ['未完成，暂不申请销号', false],
    ['整改中，暂不申请销号', false],
    ['尚未完成，不申请销号', false],
    ['尚未申请销号', false],
    ['未申请销号', false],
    ['无需申请销号', false],
    ['不予申请销号', false],
    ['还不能申请销号', false],
    ['不能申请销号', false],
    ['目前不具备申请销号条件', false],
    ['暂不提出销号申请', false],
    ['没有申请销号', false],
    ['申请销号：否', false],
    ['申请销号（暂不）', false],
    ['是否申请销号：否', false],
    ['是否申请销号', null],
    ['暂不申请销号，待验收后再申请销号', false],
    ['整改中，暫不申請銷號', false],
  ])('“%s” → %p', (text, want) => {
    expect(requestInText(text)).toBe(want);
  });
});
