import type { AccessList } from '../../../../shared/api/contract';
import { issueText } from '../../../../shared/issues/catalogue';
import { ApiError } from '../../../../addin/taskpane/api/client';
import { AccessController } from '../../../../addin/taskpane/controllers/access';
import { connectedStore, COUNTY_ME, FakeClipboard, FakeConfirm, FakeDelivery, FakeServer } from './fakes';

const PAGE = 'https://addin.example/taskpane.html';
const LINK = `${PAGE}#server=https%3A%2F%2Fapi.example&token=abc`;

function list(status: AccessList['townships'][number]['status'], other: AccessList['townships'][number]['status'] = 'none'): AccessList {
  const row = (townshipId: string, townshipName: string, s: typeof status) => ({
    townshipId,
    townshipName,
    status: s,
    credentialId: s === 'none' ? null : `cred-${townshipId}`,
    issuedAt: s === 'none' ? null : '2026-03-01T00:00:00Z',
    expiresAt: s === 'none' ? null : '2026-05-25T15:59:59Z',
    revokedAt: s === 'revoked' ? '2026-03-02T00:00:00Z' : null,
    link: s === 'active' ? LINK : null,
  });
  return { campaignId: 'c2026', page: PAGE, townships: [row('chengguan', '城关镇', status), row('dongshan', '东山乡', other)] };
}

function setup() {
  const server = new FakeServer();
  server.access_ = list('none');
  const { store, session } = connectedStore(server, COUNTY_ME);
  const confirm = new FakeConfirm();
  const clipboard = new FakeClipboard();
  const delivery = new FakeDelivery();
  const lost: string[] = [];
  const ctl = new AccessController(store, { confirm, clipboard, delivery, page: () => PAGE }, session, (m) => lost.push(m));
  return { server, store, confirm, clipboard, delivery, lost, ctl, access: () => store.get().access };
}

describe('AccessController', () => {
  it('lists the links for this page', async () => {
    const t = setup();
    await t.ctl.load();
    expect(t.server.calls).toEqual([`access c2026 ${PAGE}`]);
    expect(t.access().list?.townships.map((x) => x.status)).toEqual(['none', 'none']);
  });

  it('issues every missing link at once, pointing at this page', async () => {
    const t = setup();
    await t.ctl.load();
    t.server.access_ = list('active', 'active');
    await t.ctl.issueMissing();
    expect(t.server.sent).toEqual([['issue', { page: PAGE }]]);
    expect(t.access().verdict).toEqual({ tone: 'ok', text: expect.stringMatching(/^已为 2 个乡镇（街道）发放上报链接，有效期至 2026-05-2\d \d\d:59。请下载派发表分发，或逐个复制链接发送。$/) as unknown as string });
  });

  it.each([
    ['reissue', (c: AccessController) => c.reissue('chengguan'), '重新发放上报链接：重新发放后，城关镇原来的链接立即失效，不能再使用；请把新链接发给城关镇。', ['issue', { townships: ['chengguan'], reissue: true, page: PAGE }], '城关镇：已重新发放，原来的链接已失效（已打印的派发表上的也一样）。请点“复制链接”把新链接发给城关镇，或重新下载派发表。'],
    ['revoke', (c: AccessController) => c.revoke('chengguan'), '收回上报链接：收回后，城关镇的链接立即失效，不能再查看或上报；需要时可再发放新链接。', ['revoke', { townships: ['chengguan'], page: PAGE }], '城关镇：链接已收回。'],
  ] as const)('%s asks the page’s own confirmation (the old link stops working), then acts on that township only', async (_what, run, asked, sent, said) => {
    const t = setup();
    t.server.access_ = list('active');
    await t.ctl.load();
    await run(t.ctl);
    expect(t.confirm.asked).toEqual([asked]);
    expect(t.server.sent).toEqual([sent]);
    expect(t.access()).toMatchObject({ verdict: { tone: 'ok', text: said }, pending: [] });
  });

  it.each([['reissue'], ['revoke']] as const)('%s declined: nothing is sent', async (what) => {
    const t = setup();
    t.server.access_ = list('active');
    await t.ctl.load();
    t.confirm.answer = false;
    await t.ctl[what]('chengguan');
    expect(t.server.sent).toEqual([]);
  });

  /** Both links active; 城关镇's issued for an older, earlier deadline (the campaign's is 2026-04-25). */
  const earlyList = (): AccessList => {
    const l = list('active', 'active');
    return { ...l, townships: l.townships.map((r) => (r.townshipId === 'chengguan' ? { ...r, expiresAt: '2026-04-10T15:59:59Z' } : r)) };
  };

  it('finds the links that stop working before the deadline; reissues them after one confirmation', async () => {
    const t = setup();
    t.server.access_ = earlyList();
    await t.ctl.load();
    expect(t.ctl.endingEarly().map((r) => r.townshipId)).toEqual(['chengguan']);
    t.server.access_ = list('active', 'active');
    await t.ctl.reissueEarly();
    expect(t.confirm.asked).toEqual(['重新发放上报链接：城关镇的链接在截止日期前就会失效。重新发放后，原来的链接立即失效；请把新链接（或重新下载的派发表）发给城关镇。']);
    expect(t.server.sent).toEqual([['issue', { townships: ['chengguan'], reissue: true, page: PAGE }]]);
    expect(t.access().verdict?.text).toMatch(/^已为 1 个乡镇（街道）重新发放上报链接，有效期至 2026-05-2\d \d\d:59，原来的链接已失效。请下载派发表分发，或逐个复制链接发送。$/);
    expect(t.ctl.endingEarly()).toEqual([]);
  });

  it('reissuing the early links declined: nothing is sent', async () => {
    const t = setup();
    t.server.access_ = earlyList();
    await t.ctl.load();
    t.confirm.answer = false;
    await t.ctl.reissueEarly();
    expect(t.server.sent).toEqual([]);
  });

  it('a township without a link gets one without being asked', async () => {
    const t = setup();
    await t.ctl.load();
    await t.ctl.issue('dongshan');
    expect(t.confirm.asked).toEqual([]);
    expect(t.server.sent).toEqual([['issue', { townships: ['dongshan'], page: PAGE }]]);
    expect(t.access().verdict?.text).toBe('东山乡：已发放上报链接。请点“复制链接”发给东山乡，或重新下载派发表。');
  });

  it('a refused action is said with the township’s name; the row is free again', async () => {
    const t = setup();
    t.server.access_ = list('active');
    await t.ctl.load();
    const text = issueText('PAGE_URL_NOT_ALLOWED', { url: PAGE, allowed: 'localhost:3000' });
    t.server.access_ = new ApiError(text, 400, 'PAGE_URL_NOT_ALLOWED');
    await t.ctl.revoke('chengguan');
    expect(t.access()).toMatchObject({ verdict: { tone: 'error', text: `城关镇：${text}` }, pending: [] });
  });

  it('copies a link; where the browser refuses, shows it to copy by hand', async () => {
    const t = setup();
    t.server.access_ = list('active');
    await t.ctl.load();
    await t.ctl.copy('chengguan');
    expect(t.clipboard.copied).toEqual([LINK]);
    expect(t.access().verdict?.text).toBe('已复制城关镇的上报链接，可粘贴到消息中发送。');
    t.clipboard.allowed = false;
    await t.ctl.copy('chengguan');
    expect(t.access().manual).toEqual({ townshipId: 'chengguan', link: LINK });
    expect(t.access().verdict?.text).toBe('浏览器不允许自动复制：请在下面选中城关镇的链接后按 Ctrl+C 复制。');
  });

  it('downloads the 派发表 with links to this page', async () => {
    const t = setup();
    t.server.file_ = { bytes: new Uint8Array([0x50, 0x4b]), fileName: '示范县2026年度上报链接派发表.xlsx' };
    await t.ctl.sheet();
    expect(t.server.calls).toEqual([`accessSheet c2026 ${PAGE}`]);
    expect(t.delivery.delivered.map((d) => d.fileName)).toEqual(['示范县2026年度上报链接派发表.xlsx']);
  });

  it('a 401 ends the session', async () => {
    const t = setup();
    t.server.access_ = list('active');
    await t.ctl.load();
    t.server.access_ = new ApiError(issueText('AUTH_INVALID'), 401, 'AUTH_INVALID');
    await t.ctl.revoke('chengguan');
    expect(t.lost).toEqual([issueText('AUTH_INVALID')]);
  });
});
