import { issueText, makeIssue } from '../../../../shared/issues/catalogue';
import type { Issue } from '../../../../shared/issues/types';
import { defaultScheme } from '../../../../shared/scheme/default';
import { DETAIL_SHEET } from '../../../../shared/template/definition';
import { ApiError } from '../../../../addin/taskpane/api/client';
import { uploadBlocked } from '../../../../addin/taskpane/controllers/check-upload';
import { checkVerdict, duplicateVerdict } from '../../../../addin/taskpane/controllers/verdicts';
import { lazyReader } from '../../../../addin/taskpane/host/reader';
import { initialState } from '../../../../addin/taskpane/state';
import { filledWorkbook } from '../../../helpers/workbooks';
import { clean, gradeError, rectWarning, scoreError, setup, withErrors, type Setup } from './check-fixtures';
import { browserCaps, COUNTY_ME, fixedReader, receipt, status, TOWNSHIP_ME } from './fakes';

describe('checkVerdict / duplicateVerdict / uploadBlocked', () => {
  it.each([
    [[scoreError, gradeError, rectWarning], 'error', '检查完成：发现 2 个错误，请按下面的问题逐项改正。'],
    [[rectWarning], 'warning', '检查完成：没有错误，有 1 个提醒，请核实。'],
    [[], 'ok', '检查通过：没有发现问题。'],
  ] as Array<[Issue[], string, string]>)('%# a check with those issues says %s: %s', (issues, tone, text) => {
    expect(checkVerdict(issues)).toEqual({ tone, text });
  });

  it.each([
    ['returned', 'warning', /没有任何变化。县委组织部已退回该版本，状态仍为“已退回”/],
    ['submitted', 'info', /没有任何变化。状态仍为“已上报待审核”/],
    ['accepted', 'warning', /已通过并锁定/],
  ] as const)('an identical re-upload while %s is never a success', (state, tone, text) => {
    const v = duplicateVerdict(2, status(state, 2));
    expect(v.tone).toBe(tone);
    expect(v.text).toMatch(/^没有上报新版本：内容与第 2 版完全相同/);
    expect(v.text).toMatch(text);
    expect(v.text).not.toContain('上报成功');
  });

  it.each([
    ['not connected', (s: Setup) => s.store.set({ connection: initialState().connection }), '连接县委组织部服务器后才能上报。'],
    ['the county', (s: Setup) => s.store.set((x) => ({ connection: { ...x.connection, me: COUNTY_ME } })), '上报由乡镇（街道）进行。'],
    ['locked (已通过)', (s: Setup) => s.store.set({ township: { status: status('accepted', 3), verdict: null } }), '第 3 版已由县委组织部审核通过并锁定，不能再上报；如需修改，请联系县委组织部重新开放。'],
    ['returned', (s: Setup) => s.store.set({ township: { status: status('returned', 1, '请改'), verdict: null } }), null],
    ['submitted', (s: Setup) => s.store.set({ township: { status: status('submitted'), verdict: null } }), null],
  ] as const)('上报 when %s', (_what, arrange, reason) => {
    const s = setup();
    arrange(s);
    expect(uploadBlocked(s.store.get(), browserCaps)).toBe(reason);
  });
});

describe('CheckUploadController.check', () => {
  it('lists the issues with the organization of each row and puts the verdict at the button', async () => {
    const s = setup(withErrors);
    await s.ctl.check();
    const w = s.store.get().work;
    expect(w.verdict).toEqual({ tone: 'error', text: '检查完成：发现 2 个错误，请按下面的问题逐项改正。' });
    expect(w.report?.title).toBe('检查结果');
    expect(w.report?.issues.map((i) => [i.cell, i.org])).toEqual([['M5', '东山村党支部'], ['P6', '西村党支部']]);
    expect(w.reveal).toBeGreaterThan(0);
    expect(s.store.get().busy.check).toBe(false);
  });

  it('in a browser without a picked file says to pick one', async () => {
    const s = setup();
    s.files.file = null;
    await s.ctl.check();
    expect(s.store.get().work.verdict).toEqual({ tone: 'error', text: '请先选择要检查的 .xlsx 文件。' });
  });

  it('picking a file checks it at once', async () => {
    const reader = fixedReader(clean);
    const s = setup(reader);
    await s.ctl.picked('城关镇.xlsx');
    expect(s.store.get().work.fileName).toBe('城关镇.xlsx');
    expect(reader.reads).toBe(1);
    expect(s.store.get().work.verdict?.text).toBe('检查通过：没有发现问题。');
  });

  it("another township's template is refused locally with the server's sentence, as the one issue (real workbook, real reader)", async () => {
    // The workbook is 城关镇's (template metadata); the page is connected as 东山乡.
    const s = setup(lazyReader, { me: { ...TOWNSHIP_ME, townshipId: 'dongshan', townshipName: '东山乡' } });
    s.files.file = await filledWorkbook({ n: 5 });
    await s.ctl.upload();
    const expected = issueText('UPLOAD_OTHER_TOWNSHIP', { found: '城关镇', expected: '东山乡' });
    const w = s.store.get().work;
    expect(w.report?.issues.map((i) => [i.code, i.message])).toEqual([['UPLOAD_OTHER_TOWNSHIP', expected]]);
    expect(w.verdict).toEqual({ tone: 'error', text: `未上报：${expected}` });
    expect(s.server.calls).toEqual([]);
  });

  it('the same workbook checks clean for its own township (real workbook, real reader)', async () => {
    const s = setup(lazyReader);
    s.files.file = await filledWorkbook({ n: 5 });
    await s.ctl.check();
    expect(s.store.get().work.report?.issues).toEqual([]);
    expect(s.store.get().work.verdict?.tone).toBe('ok');
  });
});

describe('CheckUploadController.upload', () => {
  it('does not send a workbook with errors and says so at the button', async () => {
    const s = setup(withErrors);
    await s.ctl.upload();
    expect(s.server.calls).toEqual([]);
    expect(s.store.get().work.verdict).toEqual({ tone: 'error', text: '未上报：工作簿有 2 个错误，请按下面的问题改正后再上报。' });
    expect(s.store.get().work.report?.issues).toHaveLength(2);
  });

  it('sends a workbook with errors when the local standard may differ from the county’s: the server judges', async () => {
    const s = setup(withErrors);
    s.store.set((x) => ({ connection: { ...x.connection, scheme: { scheme: defaultScheme, caveat: '本机检查所用标准与县里的标准版本不同' } } }));
    await s.ctl.upload();
    expect(s.server.calls).toContain('upload c2026 chengguan');
  });

  it('uploads a clean workbook: receipt, status, and 上报成功 at the button', async () => {
    const s = setup(clean);
    s.server.status_ = status('submitted');
    await s.ctl.upload();
    expect(s.server.calls).toEqual(['upload c2026 chengguan', 'status c2026 chengguan']);
    expect(s.server.uploaded[0]).toEqual(new Uint8Array([1, 2, 3]));
    const w = s.store.get().work;
    expect(w.verdict?.tone).toBe('ok');
    expect(w.verdict?.text).toMatch(/^上报成功：第 1 版已于 \d{4}-\d{2}-\d{2} \d{2}:\d{2} 收到。$/);
    expect(w.receipt?.version).toBe(1);
    expect(w.receiptTitle).toEqual({ tone: 'ok', text: '上报成功：第 1 版已收到。' });
    expect(w.progress).toBeUndefined();
    expect(s.store.get().township.status?.state).toBe('submitted');
  });

  it('an accepted upload then has the page read what follows it (the 整改台账); a refused one does not', async () => {
    const calls: string[] = [];
    const afterUpload = () => {
      calls.push('after');
      return Promise.resolve();
    };
    const ok = setup(clean, { afterUpload });
    ok.server.status_ = status('submitted');
    await ok.ctl.upload();
    expect(calls).toEqual(['after']);
    const refused = setup(clean, { afterUpload });
    refused.server.upload_ = { kind: 'rejected', message: issueText('UPLOAD_REFUSED', { errors: 1 }), issues: [] };
    await refused.ctl.upload();
    expect(calls).toEqual(['after']);
  });

  it("shows the server's refusal (422) as the issue list, naming organizations from the checked workbook", async () => {
    const s = setup(clean);
    const serverIssue = { ...makeIssue('GRADE_INCONSISTENT', { actual: '好', expected: '较好', reason: '总分 85 分对应“较好”' }, { sheet: DETAIL_SHEET, cell: 'P5' }) };
    delete serverIssue.params;
    s.server.upload_ = { kind: 'rejected', message: issueText('UPLOAD_REFUSED', { errors: 1 }), issues: [serverIssue] };
    await s.ctl.upload();
    const w = s.store.get().work;
    expect(w.report?.title).toBe('服务器检查结果');
    expect(w.report?.issues.map((i) => i.org)).toEqual(['东山村党支部']);
    expect(w.verdict).toEqual({ tone: 'error', text: `服务器未接收：${issueText('UPLOAD_REFUSED', { errors: 1 })}` });
    expect(w.receipt).toBeNull();
  });

  it('an identical re-upload after a return says nothing changed and the state is still 已退回', async () => {
    const s = setup(clean);
    s.store.set({ township: { status: status('returned', 2, '请补充说明'), verdict: null } });
    s.server.upload_ = { kind: 'receipt', receipt: receipt(2, true) };
    s.server.status_ = status('returned', 2, '请补充说明');
    await s.ctl.upload();
    const w = s.store.get().work;
    expect(w.verdict?.tone).toBe('warning');
    expect(w.verdict?.text).toContain('没有任何变化');
    expect(w.verdict?.text).toContain('状态仍为“已退回”');
    expect(w.receiptTitle).toEqual({ tone: 'warning', text: '服务器上已有的第 2 版（内容相同，未新建版本）' });
    expect(JSON.stringify(s.store.get())).not.toContain('上报成功');
  });

  it('an older version’s exact bytes again: says plainly that version is current again, never 上报成功 or 没有任何变化', async () => {
    const s = setup(clean);
    s.store.set({ township: { status: status('returned', 2, '请核实'), verdict: null } });
    s.server.upload_ = { kind: 'receipt', receipt: { ...receipt(1), restored: true } };
    s.server.status_ = { ...status('submitted', 2), currentVersion: 1 };
    await s.ctl.upload();
    const w = s.store.get().work;
    expect(w.verdict).toEqual({ tone: 'ok', text: '与第 1 版内容完全相同，已将第 1 版重新设为当前版本，状态为“已上报待审核”。' });
    expect(w.receiptTitle).toEqual({ tone: 'ok', text: '已将第 1 版重新设为当前版本（内容与该版完全相同）' });
    expect(w.receipt?.version).toBe(1);
    // The version list the pane shows next comes from the status read after the upload.
    expect(s.store.get().township.status).toMatchObject({ state: 'submitted', currentVersion: 1 });
    const said = JSON.stringify(s.store.get().work);
    expect(said).not.toContain('上报成功');
    expect(said).not.toContain('没有任何变化');
  });

  it('a locked township cannot upload and is told why, without asking the server', async () => {
    const s = setup(clean);
    s.store.set({ township: { status: status('accepted', 2), verdict: null } });
    await s.ctl.upload();
    expect(s.server.calls).toEqual([]);
    expect(s.store.get().work.verdict?.text).toBe('第 2 版已由县委组织部审核通过并锁定，不能再上报；如需修改，请联系县委组织部重新开放。');
  });

  it('locked meanwhile (409): the state is reloaded so the button locks, and the server’s sentence is shown', async () => {
    const s = setup(clean);
    const text = issueText('UPLOAD_LOCKED', { version: 1 });
    s.server.upload_ = new ApiError(text, 409, 'UPLOAD_LOCKED');
    s.server.status_ = status('accepted', 1);
    await s.ctl.upload();
    expect(s.store.get().work.verdict).toEqual({ tone: 'error', text });
    expect(uploadBlocked(s.store.get(), browserCaps)).toContain('锁定');
    expect(s.store.get().work.progress).toBeUndefined();
  });

  it('a token revoked meanwhile (401) ends the session', async () => {
    const s = setup(clean);
    s.server.upload_ = new ApiError(issueText('AUTH_INVALID'), 401, 'AUTH_INVALID');
    await s.ctl.upload();
    expect(s.lost).toEqual([issueText('AUTH_INVALID')]);
  });
});
