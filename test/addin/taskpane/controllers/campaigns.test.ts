import type { CampaignList } from '../../../../shared/api/contract';
import { issueText } from '../../../../shared/issues/catalogue';
import { ApiError, type CountyCompleteness } from '../../../../addin/taskpane/api/client';
import { CampaignsController } from '../../../../addin/taskpane/controllers/campaigns';
import { patchSlice } from '../../../../addin/taskpane/state';
import { CAMPAIGN, connectedStore, COUNTY_ME, FakeDelivery, FakeServer } from './fakes';

const summary = (id: string, year: number): CampaignList['campaigns'][number] => ({
  id, year, county: '示范县', deadline: `${year}-04-25`, schemeId: 'default6', townships: 2, revision: 1, createdAt: `${year}-03-01T00:00:00Z`, updatedAt: `${year}-03-01T00:00:00Z`,
});
const totals = (accepted: number): CountyCompleteness['totals'] => ({ missing: 2 - accepted, submitted: 0, returned: 0, accepted, late: 0 });

function setup(withCampaign = true, remembered: string | null = null) {
  const server = new FakeServer();
  server.campaigns_ = { countyId: 'shifan', countyName: '示范县', campaigns: [summary('c2026', 2026), summary('c2025', 2025)] };
  server.completeness_ = () => ({ campaign: CAMPAIGN, townships: [], totals: totals(server.calls.filter((c) => c.startsWith('completeness')).length === 1 ? 0 : 2) });
  const connected = connectedStore(server, COUNTY_ME);
  const store = connected.store;
  if (!withCampaign) patchSlice(store, 'connection', { campaign: null });
  const delivery = new FakeDelivery();
  const events: string[] = [];
  const lost: string[] = [];
  const memory = { id: remembered, get: () => memory.id, set: (id: string) => void (memory.id = id) };
  const ctl = new CampaignsController(store, { delivery, memory }, connected.session, {
    opened: async () => void events.push(`opened ${store.get().connection.campaign?.id ?? ''}`),
    startCreate: () => void events.push('create'),
  }, (m) => lost.push(m));
  return { server, store, delivery, events, lost, ctl, memory };
}

describe('CampaignsController', () => {
  it('signing in: the list, then the open campaign’s views; each campaign’s counts follow, best effort', async () => {
    const t = setup();
    await t.ctl.enter();
    expect(t.store.get().campaigns.list?.map((c) => c.id)).toEqual(['c2026', 'c2025']);
    expect(t.events).toEqual(['opened c2026']);
    await t.ctl.counting;
    expect(Object.keys(t.store.get().campaigns.totals).sort()).toEqual(['c2025', 'c2026']);
  });

  it('signing in with no campaign at all lands on 新建工作批次', async () => {
    const t = setup(false);
    t.server.campaigns_ = { countyId: 'shifan', countyName: '示范县', campaigns: [] };
    await t.ctl.enter();
    expect(t.events).toEqual(['create']);
  });

  it('a campaign whose counts fail is still listed (no counts shown for it)', async () => {
    const t = setup();
    t.server.completeness_ = new ApiError(issueText('STORAGE_UNAVAILABLE', { seconds: 5 }), 503, 'STORAGE_UNAVAILABLE');
    await t.ctl.loadList();
    await t.ctl.counting;
    expect(t.store.get().campaigns.list).toHaveLength(2);
    expect(t.store.get().campaigns.totals).toEqual({});
  });

  it('opening a past campaign makes it the page’s campaign (standard included) and says so', async () => {
    const t = setup();
    const past = { ...CAMPAIGN, id: 'c2025', year: 2025, deadline: '2025-04-25' };
    t.server.campaign_ = { campaign: past, scheme: undefined };
    await t.ctl.open('c2025');
    expect(t.store.get().connection.campaign?.id).toBe('c2025');
    expect(t.store.get().connection.scheme.caveat).toBeNull();
    expect(t.events).toEqual(['opened c2025']);
    expect(t.store.get().campaigns.verdict).toEqual({ tone: 'ok', text: '已打开工作批次：示范县 2025 年度（截止 2025-04-25）。' });
    expect(t.store.get().connection.verdict).toEqual({ tone: 'ok', text: '已连接：县委组织部 示范县' });
  });

  it('a reload lands on the campaign this tab had open, not the newest', async () => {
    const opened = setup();
    opened.server.campaign_ = { campaign: { ...CAMPAIGN, id: 'c2025', year: 2025, deadline: '2025-04-25' }, scheme: undefined };
    await opened.ctl.open('c2025');
    expect(opened.memory.id).toBe('c2025');

    const reloaded = setup(true, opened.memory.id);
    reloaded.server.campaign_ = { campaign: { ...CAMPAIGN, id: 'c2025', year: 2025, deadline: '2025-04-25' }, scheme: undefined };
    await reloaded.ctl.enter();
    expect(reloaded.store.get().connection.campaign?.id).toBe('c2025');
    expect(reloaded.events).toEqual(['opened c2025']);
  });

  it.each([
    ['one no longer listed (deleted, or another county’s)', 'c2019'],
    ['the newest itself', 'c2026'],
  ])('a remembered campaign that is %s: the newest, as at sign-in', async (_what, id) => {
    const t = setup(true, id);
    await t.ctl.enter();
    expect(t.store.get().connection.campaign?.id).toBe('c2026');
    expect(t.server.calls.filter((c) => c.startsWith('campaign '))).toEqual([]);
    expect(t.events).toEqual(['opened c2026']);
  });

  it('a campaign that cannot be opened leaves the open one as it was, with the reason beside the list', async () => {
    const t = setup();
    const text = issueText('CAMPAIGN_NOT_FOUND', { id: 'c2024' });
    t.server.campaign_ = new ApiError(text, 404, 'CAMPAIGN_NOT_FOUND');
    await t.ctl.open('c2024');
    expect(t.store.get().connection.campaign?.id).toBe('c2026');
    expect(t.events).toEqual([]);
    expect(t.store.get().campaigns.verdict).toEqual({ tone: 'error', text });
  });

  it('downloads any listed campaign’s 汇总表 under the server’s name', async () => {
    const t = setup();
    await t.ctl.loadList();
    t.server.file_ = { bytes: new Uint8Array([0x50, 0x4b]), fileName: '示范县2025年汇总表.xlsx' };
    await t.ctl.consolidated('c2025');
    expect(t.server.calls).toContain('consolidated c2025');
    expect(t.delivery.delivered.map((d) => d.fileName)).toEqual(['示范县2025年汇总表.xlsx']);
    expect(t.store.get().campaigns.verdict?.text).toBe('2025 年度汇总表已下载：示范县2025年汇总表.xlsx');
  });

  it('a 401 while opening ends the session', async () => {
    const t = setup();
    t.server.campaign_ = new ApiError(issueText('AUTH_INVALID'), 401, 'AUTH_INVALID');
    await t.ctl.open('c2025');
    expect(t.lost).toEqual([issueText('AUTH_INVALID')]);
  });
});
