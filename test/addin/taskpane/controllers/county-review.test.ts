import { issueText } from '../../../../shared/issues/catalogue';
import { ApiError, type CountyCompleteness } from '../../../../addin/taskpane/api/client';
import { CountyReviewController } from '../../../../addin/taskpane/controllers/county-review';
import type { ExcelPort } from '../../../../addin/taskpane/ports';
import { CAMPAIGN, connectedStore, COUNTY_ME, FakeConfirm, FakeFiles, FakeServer } from './fakes';

const completeness = (state: 'submitted' | 'accepted' | 'returned'): CountyCompleteness => ({
  campaign: CAMPAIGN,
  townships: [
    { id: 'chengguan', name: '城关镇', state, late: false, currentVersion: 2, receivedAt: '2026-04-20T02:00:00Z', quota: { ok: true, summary: '符合' }, comment: null },
    { id: 'dongshan', name: '东山乡', state: 'missing', late: false, currentVersion: null, receivedAt: null, quota: null, comment: null },
  ],
  totals: { missing: 1, submitted: state === 'submitted' ? 1 : 0, returned: state === 'returned' ? 1 : 0, accepted: state === 'accepted' ? 1 : 0, late: 0 },
});

function setup(excel: ExcelPort | null = null) {
  const server = new FakeServer();
  server.completeness_ = completeness('submitted');
  const { store, session } = connectedStore(server, COUNTY_ME);
  const files = new FakeFiles();
  const confirm = new FakeConfirm();
  const lost: string[] = [];
  const ctl = new CountyReviewController(store, { excel, files, confirm }, session, (m) => lost.push(m));
  return { server, store, files, confirm, ctl, lost };
}

describe('CountyReviewController', () => {
  it('loads who has reported', async () => {
    const t = setup();
    await t.ctl.refresh();
    expect(t.store.get().county.data?.townships.map((x) => x.state)).toEqual(['submitted', 'missing']);
    expect(t.store.get().county.verdict).toEqual({ tone: 'ok', text: '已刷新。' });
  });

  it.each([
    ['accept', { action: 'accept', version: 2 }, 'accepted', '城关镇：已通过。'],
    ['return', { action: 'return', comment: '请补充说明', version: 2 }, 'returned', '城关镇：已退回。'],
  ] as const)('%s: sends the version the county saw, reloads, and says so', async (_what, action, after, text) => {
    const t = setup();
    await t.ctl.load();
    t.ctl.startReturn('chengguan');
    t.server.completeness_ = completeness(after);
    await t.ctl.review('chengguan', action);
    expect(t.server.reviews).toEqual([['chengguan', action]]);
    expect(t.store.get().county.data?.townships[0]?.state).toBe(after);
    expect(t.store.get().county).toMatchObject({ verdict: { tone: 'ok', text }, returning: null, pending: [] });
  });

  it('a return without a comment is refused by the page, in Chinese, without asking the server', async () => {
    const t = setup();
    await t.ctl.load();
    await t.ctl.review('chengguan', { action: 'return', comment: '  ', version: 1 });
    expect(t.server.reviews).toEqual([]);
    expect(t.store.get().county.verdict).toEqual({ tone: 'error', text: '退回“城关镇”时请填写退回意见，乡镇据此修改。' });
  });

  it('a stale review (409) shows the server’s sentence and the states as they are now', async () => {
    const t = setup();
    await t.ctl.load();
    const text = issueText('REVIEW_STALE', { seen: 2, current: 3 });
    t.server.review_ = new ApiError(text, 409, 'REVIEW_STALE');
    await t.ctl.review('chengguan', { action: 'accept', version: 2 });
    expect(t.store.get().county.verdict).toEqual({ tone: 'error', text: `城关镇：${text}` });
    expect(t.server.calls.filter((c) => c.startsWith('completeness'))).toHaveLength(2);
    expect(t.store.get().county.pending).toEqual([]);
  });

  it('a second click while a review is on its way does nothing', async () => {
    const t = setup();
    await t.ctl.load();
    t.store.set((s) => ({ county: { ...s.county, pending: ['chengguan'] } }));
    await t.ctl.review('chengguan', { action: 'accept', version: 2 });
    expect(t.server.reviews).toEqual([]);
  });

  it('an expired token (401) ends the session', async () => {
    const t = setup();
    await t.ctl.load();
    t.server.review_ = new ApiError(issueText('AUTH_INVALID'), 401, 'AUTH_INVALID');
    await t.ctl.review('chengguan', { action: 'accept', version: 2 });
    expect(t.lost).toEqual([issueText('AUTH_INVALID')]);
  });

  it('sorts (a second click reverses) and filters', () => {
    const t = setup();
    t.ctl.sortBy('late');
    expect(t.store.get().county.sort).toEqual({ key: 'late', dir: 'asc' });
    t.ctl.sortBy('late');
    expect(t.store.get().county.sort).toEqual({ key: 'late', dir: 'desc' });
    t.ctl.filter('late');
    expect(t.store.get().county.filter).toBe('late');
  });

  it('in a browser downloads the consolidated workbook under the server’s name', async () => {
    const t = setup();
    t.server.file_ = { bytes: new Uint8Array([0x50, 0x4b]), fileName: '示范县2026年汇总表.xlsx' };
    await t.ctl.consolidated();
    expect(t.files.saved.map((f) => f.fileName)).toEqual(['示范县2026年汇总表.xlsx']);
    expect(t.store.get().county.verdict?.text).toBe('汇总表已下载：示范县2026年汇总表.xlsx');
  });

  it('in Excel opens it in a new window', async () => {
    const opened: Uint8Array[] = [];
    const excel = { openWorkbook: async (b: Uint8Array) => void opened.push(b) } as unknown as ExcelPort;
    const t = setup(excel);
    await t.ctl.consolidated();
    expect(opened).toHaveLength(1);
    expect(t.store.get().county.verdict?.text).toBe('汇总表已在新的 Excel 窗口中打开。');
  });

  it('accept asks the page’s own confirmation first; declined, nothing is sent', async () => {
    const t = setup();
    await t.ctl.load();
    t.confirm.answer = false;
    await t.ctl.review('chengguan', { action: 'accept', version: 2 });
    expect(t.confirm.asked).toEqual(['审核通过：通过城关镇第 2 版？通过后该版本锁定，城关镇不能再上报；如需修改，可重新开放。']);
    expect(t.server.reviews).toEqual([]);
    expect(t.store.get().county.verdict).toBeNull();
  });

  it('accepting a version that breaks the quota: the confirmation says so first, with the reason', async () => {
    const t = setup();
    const data = completeness('submitted');
    t.server.completeness_ = { ...data, townships: data.townships.map((x) => (x.id === 'chengguan' ? { ...x, quota: { ok: false, summary: '城关镇共 20 个；不符合比例要求：“好”的有 8 个，占 40.0%，超过上限 20%' } } : x)) };
    await t.ctl.load();
    t.confirm.answer = false;
    await t.ctl.review('chengguan', { action: 'accept', version: 2 });
    expect(t.confirm.asked).toEqual(['审核通过：注意：城关镇的比例不符合要求（“好”的有 8 个，占 40.0%，超过上限 20%）。通过城关镇第 2 版？通过后该版本锁定，城关镇不能再上报；如需修改，可重新开放。']);
  });

  it('a return is not asked about (its comment is the decision)', async () => {
    const t = setup();
    await t.ctl.load();
    await t.ctl.review('chengguan', { action: 'return', comment: '请补充', version: 2 });
    expect(t.confirm.asked).toEqual([]);
    expect(t.server.reviews).toHaveLength(1);
  });

  it.each([
    [false, 0],
    [true, 1],
  ])('a reopen is asked about first (answered %s: %i request sent)', async (yes, sent) => {
    const t = setup();
    await t.ctl.load();
    t.confirm.answer = yes;
    await t.ctl.review('chengguan', { action: 'reopen', version: 2 });
    expect(t.confirm.asked).toEqual(['重新开放：重新开放城关镇第 2 版？该版本将解除锁定、回到“待审核”，城关镇可以修改后重新上报；汇总仍计入该版本，直到新的版本上报。']);
    expect(t.server.reviews).toHaveLength(sent);
  });
});

describe('CountyReviewController.bulkAccept', () => {
  const three = (): CountyCompleteness => ({
    ...completeness('submitted'),
    townships: [
      { id: 'chengguan', name: '城关镇', state: 'submitted', late: false, currentVersion: 2, receivedAt: '2026-04-20T02:00:00Z', quota: null, comment: null },
      { id: 'dongshan', name: '东山乡', state: 'submitted', late: false, currentVersion: 1, receivedAt: '2026-04-20T02:00:00Z', quota: null, comment: null },
      { id: 'xishan', name: '西山镇', state: 'returned', late: false, currentVersion: 1, receivedAt: '2026-04-20T02:00:00Z', quota: null, comment: '请补充' },
      { id: 'beiling', name: '北岭乡', state: 'missing', late: false, currentVersion: null, receivedAt: null, quota: null, comment: null },
    ],
  });

  it('全部通过 names the waiting townships that break the quota in its confirmation', async () => {
    const t = setup();
    const data = three();
    t.server.completeness_ = { ...data, townships: data.townships.map((x) => (x.id === 'dongshan' ? { ...x, quota: { ok: false, summary: '不符合比例要求：“较差”0 个' } } : x)) };
    await t.ctl.load();
    t.confirm.answer = false;
    await t.ctl.bulkAccept();
    expect(t.confirm.asked[0]).toContain('各自当前的版本？注意：其中东山乡的比例不符合要求（原因见表中“比例”列）。通过后这些版本锁定');
    expect(t.server.sent).toEqual([]);
  });

  it('confirms with the count, sends each waiting township at the version the table shows, lists each answer', async () => {
    const t = setup();
    t.server.completeness_ = three();
    await t.ctl.load();
    t.server.bulk_ = {
      results: [
        { townshipId: 'chengguan', townshipName: '城关镇', version: 2, ok: true, state: 'accepted' },
        { townshipId: 'dongshan', townshipName: '东山乡', version: 1, ok: false, state: 'submitted', error: { code: 'REVIEW_STALE', message: issueText('REVIEW_STALE', { seen: 1, current: 2 }) } },
      ],
      accepted: 1,
      refused: 1,
    };
    await t.ctl.bulkAccept();
    expect(t.confirm.asked[0]).toMatch(/^全部通过：通过 2 个待审核的乡镇（街道）（城关镇、东山乡）各自当前的版本？/);
    expect(t.server.sent).toEqual([['bulk', { action: 'accept', items: [{ townshipId: 'chengguan', version: 2 }, { townshipId: 'dongshan', version: 1 }] }]]);
    expect(t.store.get().county.bulk?.results).toHaveLength(2);
    expect(t.store.get().county.verdict).toEqual({ tone: 'error', text: '已通过 1 个；1 个未通过，原因见下。' });
    expect(t.server.calls.filter((c) => c.startsWith('completeness'))).toHaveLength(2);
  });

  it('declined: nothing is sent', async () => {
    const t = setup();
    t.server.completeness_ = three();
    await t.ctl.load();
    t.confirm.answer = false;
    await t.ctl.bulkAccept();
    expect(t.server.sent).toEqual([]);
    expect(t.store.get().county.bulk).toBeNull();
  });

  it('with nothing waiting it asks nothing', async () => {
    const t = setup();
    t.server.completeness_ = completeness('accepted');
    await t.ctl.load();
    expect(t.ctl.waiting()).toEqual([]);
    await t.ctl.bulkAccept();
    expect(t.confirm.asked).toEqual([]);
  });
});
