import type { ReviewState, VersionDetail } from '../../../../shared/api/contract';
import { issueText } from '../../../../shared/issues/catalogue';
import { ApiError } from '../../../../addin/taskpane/api/client';
import { ReviewDetailController } from '../../../../addin/taskpane/controllers/review-detail';
import { connectedStore, COUNTY_ME, FakeConfirm, FakeDelivery, FakeServer } from './fakes';

function version(v: number, state: ReviewState = 'submitted', current = true): VersionDetail {
  return {
    campaignId: 'c2026',
    townshipId: 'chengguan',
    townshipName: '城关镇',
    version: v,
    current,
    state,
    comment: null,
    receivedAt: '2026-04-20T02:00:00Z',
    contentHash: 'a'.repeat(64),
    uploadedBy: 'township:chengguan',
    info: { township: '城关镇', filledBy: '王秀英', phone: '0790-1234567', filledOn: '2026-04-20' },
    quota: { ok: true, summary: '比例符合要求' },
    counts: { 好: 1, 较好: 2 },
    indicators: [{ key: 'leader', name: '党组织带头人', max: 15 }],
    orgs: [],
    rectifications: [],
    warnings: [],
    diff: null,
  };
}

function setup() {
  const server = new FakeServer();
  server.version_ = version(2);
  const { store, session } = connectedStore(server, COUNTY_ME);
  const confirm = new FakeConfirm();
  const delivery = new FakeDelivery();
  const reloaded: number[] = [];
  const lost: string[] = [];
  const ctl = new ReviewDetailController(store, { confirm, delivery }, session, async () => void reloaded.push(1), (m) => lost.push(m));
  return { server, store, confirm, delivery, reloaded, lost, ctl, detail: () => store.get().detail };
}

describe('ReviewDetailController', () => {
  it('opens a township’s version: its rows, 填报人 and diff as the server answers', async () => {
    const t = setup();
    await t.ctl.open('chengguan', 2);
    expect(t.server.calls).toEqual(['version c2026 chengguan 2']);
    expect(t.detail()).toMatchObject({ open: { townshipId: 'chengguan', version: 2 }, data: { version: 2, info: { filledBy: '王秀英' } }, verdict: null });
  });

  it('an answer for a version the county has left is not shown', async () => {
    const t = setup();
    const first = t.ctl.open('chengguan', 1);
    t.ctl.close();
    await first;
    expect(t.detail()).toMatchObject({ open: null, data: null });
  });

  it('accept asks the page’s own confirmation naming the version, then reloads the version and the table', async () => {
    const t = setup();
    await t.ctl.open('chengguan', 2);
    t.server.version_ = version(2, 'accepted');
    await t.ctl.accept();
    expect(t.confirm.asked).toEqual(['审核通过：通过城关镇第 2 版（0 个党组织）？通过后该版本锁定，城关镇不能再上报；如需修改，可重新开放。']);
    expect(t.server.reviews).toEqual([['chengguan', { action: 'accept', version: 2 }]]);
    expect(t.reloaded).toEqual([1]);
    expect(t.detail()).toMatchObject({ data: { state: 'accepted' }, verdict: { tone: 'ok', text: '城关镇第 2 版：已通过。' } });
  });

  it('accepting a version that breaks the quota: the confirmation says so first', async () => {
    const t = setup();
    t.server.version_ = { ...version(2), quota: { ok: false, summary: '城关镇共 20 个；不符合比例要求：“好”的有 8 个，占 40.0%，超过上限 20%' } };
    await t.ctl.open('chengguan', 2);
    t.confirm.answer = false;
    await t.ctl.accept();
    expect(t.confirm.asked).toEqual(['审核通过：注意：城关镇的比例不符合要求（“好”的有 8 个，占 40.0%，超过上限 20%）。通过城关镇第 2 版（0 个党组织）？通过后该版本锁定，城关镇不能再上报；如需修改，可重新开放。']);
    expect(t.server.reviews).toEqual([]);
  });

  it('accept declined: nothing is sent', async () => {
    const t = setup();
    await t.ctl.open('chengguan', 2);
    t.confirm.answer = false;
    await t.ctl.accept();
    expect(t.server.reviews).toEqual([]);
  });

  it('a return without a comment is the page’s own Chinese sentence; with one it is sent trimmed', async () => {
    const t = setup();
    await t.ctl.open('chengguan', 2);
    t.ctl.startReturn(true);
    await t.ctl.sendBack('   ');
    expect(t.server.reviews).toEqual([]);
    expect(t.detail().verdict).toEqual({ tone: 'error', text: '退回“城关镇”时请填写退回意见，乡镇据此修改。' });
    await t.ctl.sendBack(' 请补充情况说明 ');
    expect(t.server.reviews).toEqual([['chengguan', { action: 'return', comment: '请补充情况说明', version: 2 }]]);
    expect(t.detail()).toMatchObject({ returning: false, verdict: { tone: 'ok', text: '城关镇第 2 版：已退回。' } });
  });

  it('a review that lost a race (409) says the server’s sentence and shows the state as it is now', async () => {
    const t = setup();
    await t.ctl.open('chengguan', 2);
    const text = issueText('REVIEW_STALE', { seen: 2, current: 3 });
    t.server.review_ = new ApiError(text, 409, 'REVIEW_STALE');
    t.server.version_ = version(2, 'submitted', false);
    await t.ctl.reopen();
    expect(t.detail()).toMatchObject({ data: { current: false }, verdict: { tone: 'error', text: `城关镇：${text}` } });
    expect(t.reloaded).toEqual([1]);
  });

  it('reopen asks first; declined, nothing is sent', async () => {
    const t = setup();
    await t.ctl.open('chengguan', 2);
    t.confirm.answer = false;
    await t.ctl.reopen();
    expect(t.confirm.asked).toEqual(['重新开放：重新开放城关镇第 2 版？该版本将解除锁定、回到“待审核”，城关镇可以修改后重新上报；汇总仍计入该版本，直到新的版本上报。']);
    expect(t.server.reviews).toEqual([]);
  });

  it('downloads the file as uploaded', async () => {
    const t = setup();
    await t.ctl.open('chengguan', 2);
    t.server.file_ = { bytes: new Uint8Array([0x50, 0x4b]), fileName: null };
    await t.ctl.file();
    expect(t.server.calls).toContain('versionFile c2026 chengguan 2');
    expect(t.delivery.delivered.map((d) => d.fileName)).toEqual(['城关镇第2版.xlsx']);
  });

  it('a 401 ends the session', async () => {
    const t = setup();
    await t.ctl.open('chengguan', 2);
    t.server.review_ = new ApiError(issueText('AUTH_INVALID'), 401, 'AUTH_INVALID');
    await t.ctl.reopen();
    expect(t.lost).toEqual([issueText('AUTH_INVALID')]);
  });

  it('refresh re-reads the open version quietly (a decision made elsewhere), and nothing when none is open', async () => {
    const t = setup();
    await t.ctl.refresh();
    expect(t.server.calls).toEqual([]);
    await t.ctl.open('chengguan', 2);
    t.server.version_ = version(2, 'accepted');
    await t.ctl.refresh();
    expect(t.detail()).toMatchObject({ data: { state: 'accepted' }, verdict: null });
  });
});
