import { ApiError } from '../../../../addin/taskpane/api/client';
import { aboutTownship, errorText, runAction } from '../../../../addin/taskpane/controllers/feedback';
import { SheetConflictError } from '../../../../addin/taskpane/excel/insert-sheets';
import { ReadFileError } from '../../../../addin/taskpane/excel/read-file';
import { createStore, initialState, type Verdict } from '../../../../addin/taskpane/state';

const officeError = (message: string, code: string) => Object.assign(new Error(message), { code });

describe('errorText: Chinese for anything thrown, never English prose or a stack', () => {
  it.each([
    ['a server refusal', new ApiError('工作批次“x”不存在', 404, 'CAMPAIGN_NOT_FOUND'), '工作批次“x”不存在'],
    ['a file that cannot be read', new ReadFileError('请先选择要检查的 .xlsx 文件。'), '请先选择要检查的 .xlsx 文件。'],
    ['sheets already there', new SheetConflictError(['整改台账']), '工作簿中已有同名工作表：“整改台账”。请先重命名或删除这些工作表，再插入模板。'],
    ['a protected sheet (English Office)', officeError('The sheet is protected.', 'AccessDenied'), '工作表受保护，Excel 不允许修改。请撤销工作表保护后重试。'],
    ['an Office error in English', officeError('The requested resource does not exist.\n at x.js:1', 'ItemNotFound'), '操作未完成，请重试。如仍不行，请把代码 ItemNotFound 告诉县委组织部。'],
    ['an Office error in Chinese', officeError('请求的资源不存在。\n at x.js:1', 'ItemNotFound'), '操作未完成：请求的资源不存在。'],
    ['anything else', new TypeError('x is undefined'), '操作未完成，请重试。'],
  ])('%s', (_what, e, text) => expect(errorText(e)).toBe(text));
});

describe('aboutTownship: a failure about one township is led by its name once', () => {
  it.each([
    ['a message without the name', new ApiError('版本已变化，请刷新', 409, 'X'), '西河乡：版本已变化，请刷新'],
    ['a message that quotes it', new ApiError('“西河乡”当前状态为“已退回”，不能退回', 409, 'REVIEW_NOT_ALLOWED'), '“西河乡”当前状态为“已退回”，不能退回'],
    ['another township quoted', new ApiError('“东山镇”当前状态为“已退回”，不能退回', 409, 'REVIEW_NOT_ALLOWED'), '西河乡：“东山镇”当前状态为“已退回”，不能退回'],
    ['anything else thrown', new TypeError('x is undefined'), '西河乡：操作未完成，请重试。'],
  ])('%s', (_what, e, text) => expect(aboutTownship('西河乡', e)).toBe(text));
});

describe('runAction', () => {
  it('marks the action busy while it runs, ignores a second start, and shows a failure', async () => {
    const store = createStore(initialState());
    const shown: Verdict[] = [];
    let release = () => {};
    const first = runAction(store, 'upload', (v) => shown.push(v), () => new Promise<void>((r) => (release = r)));
    expect(store.get().busy.upload).toBe(true);
    let second = false;
    await runAction(store, 'upload', (v) => shown.push(v), async () => void (second = true));
    expect(second).toBe(false);
    release();
    await first;
    expect(store.get().busy.upload).toBe(false);
    await runAction(store, 'upload', (v) => shown.push(v), async () => {
      throw new ApiError('文件太大，服务器拒收（HTTP 413）', 413, 'HTTP_413');
    });
    expect(shown).toEqual([{ tone: 'error', text: '文件太大，服务器拒收（HTTP 413）' }]);
  });

  it('a 401 goes to the session’s end instead of a verdict', async () => {
    const store = createStore(initialState());
    const shown: Verdict[] = [];
    const lost: string[] = [];
    await runAction(store, 'county', (v) => shown.push(v), async () => {
      throw new ApiError('访问令牌无效', 401, 'AUTH_INVALID');
    }, (m) => lost.push(m));
    expect(lost).toEqual(['访问令牌无效']);
    expect(shown).toEqual([]);
  });
});
