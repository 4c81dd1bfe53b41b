import { issueText } from '../../../../shared/issues/catalogue';
import { ApiError } from '../../../../addin/taskpane/api/client';
import { LedgerController } from '../../../../addin/taskpane/controllers/ledger';
import { connectedStore, COUNTY_ME, FakeConfirm, FakeServer, TOWNSHIP_ME } from './fakes';
import { item, list } from './ledger-fixtures';

function setup(role: 'county' | 'township', status: Parameters<typeof item>[2] = 'open') {
  const server = new FakeServer();
  server.ledger_ = list([item('l1', '东山村党支部', status)]);
  const { store, session } = connectedStore(server, role === 'county' ? COUNTY_ME : TOWNSHIP_ME);
  const confirm = new FakeConfirm();
  const lost: string[] = [];
  const ctl = new LedgerController(store, { confirm }, session, (m) => lost.push(m));
  return { server, store, confirm, lost, ctl, ledger: () => store.get().ledger };
}

const result = (status: Parameters<typeof item>[2]) => ({ item: item('l1', '东山村党支部', status), changed: true, warnings: [] });

describe('LedgerController', () => {
  it('a township loads its own items; the county every township’s', async () => {
    const t = setup('township');
    await t.ctl.enter();
    expect(t.server.calls).toEqual(['townshipLedger c2026 chengguan']);
    const c = setup('county');
    await c.ctl.enter();
    expect(c.server.calls).toEqual(['ledger c2026']);
    expect(c.ledger().list?.items).toHaveLength(1);
  });

  it('a ledger that cannot be read is said in its own card, not as a failed sign-in', async () => {
    const t = setup('township');
    t.server.ledger_ = new ApiError('服务器暂时不可用，请稍后重试', 503, 'UNAVAILABLE');
    await expect(t.ctl.enter()).resolves.toBeUndefined();
    expect(t.ledger().verdict).toEqual({ tone: 'error', text: '整改台账未能读取：服务器暂时不可用，请稍后重试' });
  });

  it('申请销号: the page asks for the date before sending, then sends 完成情况 and date and reloads', async () => {
    const t = setup('township');
    await t.ctl.load();
    t.ctl.startStep('l1', 'request');
    await t.ctl.submit('l1', { progress: '活动室已改造', completedOn: ' ' });
    expect(t.server.sent).toEqual([]);
    expect(t.ledger().form?.note).toEqual({ field: 'completedOn', text: '请填写“东山村党支部”的完成日期，如 2026-06-30。' });
    t.server.ledgerAction_ = result('requested');
    await t.ctl.submit('l1', { progress: ' 活动室已改造 ', completedOn: '2026年5月1日' });
    expect(t.server.sent).toEqual([['ledger', { action: 'request', progress: '活动室已改造', completedOn: '2026年5月1日' }]]);
    expect(t.server.calls.slice(-2)).toEqual(['ledgerAction c2026 l1 request', 'townshipLedger c2026 chengguan']);
    expect(t.ledger().form).toBeNull();
    expect(t.ledger().verdict).toEqual({ tone: 'ok', text: '“东山村党支部”：已申请销号，等待县委组织部审核。' });
  });

  it('the server’s Chinese refusal is shown as it is, the form stays open', async () => {
    const t = setup('township');
    await t.ctl.load();
    t.ctl.startStep('l1', 'request');
    const said = '“东山村党支部”申请销号的完成日期“2026-02-30”不是有效的日期，请写成 2026-06-30 或 2026年6月30日';
    t.server.ledgerAction_ = new ApiError(said, 422, 'LEDGER_REQUEST_NO_DATE');
    await t.ctl.submit('l1', { progress: '已改造', completedOn: '' });
    await t.ctl.submit('l1', { progress: '已改造', completedOn: '2026-02-30' });
    expect(t.ledger().verdict).toEqual({ tone: 'error', text: said });
    expect(t.ledger().form).toEqual({ itemId: 'l1', step: 'request', note: null });
    expect(t.ledger().pending).toEqual([]);
  });

  it('a failure without the organization’s name gets it', async () => {
    const t = setup('county', 'requested');
    await t.ctl.load();
    t.server.ledgerAction_ = new ApiError(issueText('REQUEST_BODY_INVALID', { detail: 'x' }), 400, 'REQUEST_BODY_INVALID');
    await t.ctl.confirm('l1');
    expect(t.ledger().verdict?.text).toMatch(/^“东山村党支部”未能销号：/);
  });

  it('销号 only after the page’s confirmation naming the item, its 完成情况 and date', async () => {
    const t = setup('county', 'requested');
    t.server.ledger_ = list([item('l1', '东山村党支部', 'requested', { progress: '活动室已改造', completedOn: '2026-05-01' })]);
    await t.ctl.load();
    t.confirm.answer = false;
    await t.ctl.confirm('l1');
    expect(t.server.sent).toEqual([]);
    expect(t.confirm.asked[0]).toBe('确认销号：城关镇“东山村党支部”的整改事项“活动阵地简陋”销号？完成情况：活动室已改造；完成日期：2026-05-01。销号后如发现问题，可以复号。');
    t.confirm.answer = true;
    t.server.ledgerAction_ = result('closed');
    await t.ctl.confirm('l1');
    expect(t.server.sent).toEqual([['ledger', { action: 'confirm' }]]);
    expect(t.ledger().verdict).toEqual({ tone: 'ok', text: '“东山村党支部”：已销号。' });
  });

  it.each<['reject' | 'reopen', Parameters<typeof item>[2], string, string]>([
    ['reject', 'requested', '退回“东山村党支部”的销号申请须填写意见，乡镇据此继续整改。', '“东山村党支部”：已退回，乡镇（街道）继续整改。'],
    ['reopen', 'closed', '复号“东山村党支部”的整改事项须填写原因。', '“东山村党支部”：已复号，乡镇（街道）重新整改。'],
  ])('%s needs a comment, said under the field; with one it is sent', async (step, status, missing, done) => {
    const t = setup('county', status);
    await t.ctl.load();
    t.ctl.startStep('l1', step);
    await t.ctl.submit('l1', { comment: '  ' });
    expect(t.ledger().form?.note).toEqual({ field: 'comment', text: missing });
    expect(t.server.sent).toEqual([]);
    t.server.ledgerAction_ = result(step === 'reject' ? 'open' : 'reopened');
    await t.ctl.submit('l1', { comment: '照片不全' });
    expect(t.server.sent).toEqual([['ledger', { action: step, comment: '照片不全' }]]);
    expect(t.ledger().verdict).toEqual({ tone: 'ok', text: done });
  });

  it('filters, history and the form are the page’s own state', () => {
    const t = setup('county');
    t.ctl.filter({ status: 'requested' });
    t.ctl.filter({ overdue: true });
    expect(t.ledger().filter).toEqual({ township: '', status: 'requested', overdue: true });
    t.ctl.toggleHistory('l1');
    expect(t.ledger().history).toEqual(['l1']);
    t.ctl.toggleHistory('l1');
    expect(t.ledger().history).toEqual([]);
    t.ctl.startStep('l1', 'reopen');
    t.ctl.startStep(null);
    expect(t.ledger().form).toBeNull();
  });

  it('a 401 during a step ends the session', async () => {
    const t = setup('county', 'requested');
    await t.ctl.load();
    t.server.ledgerAction_ = new ApiError('令牌已过期，请向县委组织部重新领取', 401, 'AUTH');
    await t.ctl.confirm('l1');
    expect(t.lost).toEqual(['令牌已过期，请向县委组织部重新领取']);
  });
});
