import type { CreateCampaign } from '../../../../shared/api/contract';
import { defaultScheme } from '../../../../shared/scheme/default';
import { CampaignAdminController } from '../../../../addin/taskpane/controllers/campaign-admin';
import type { CampaignFormValues } from '../../../../addin/taskpane/model/campaign-form';
import { CAMPAIGN, connectedStore, COUNTY_ME, FakeDelivery, FakeServer } from './fakes';
import { PROPOSAL } from './reconcile-fixtures';

const NOW = Date.parse('2026-12-31T20:00:00Z');
const VALUES: CampaignFormValues = { year: '2027', county: '示范县', deadline: '2027-04-25', standard: 'default6', townships: '城关镇\n东山乡', previousId: 'c2026' };
const created = { ...CAMPAIGN, id: 'c2027', year: 2027, countyId: 'shifan', revision: 1, updatedAt: CAMPAIGN.createdAt, scheme: defaultScheme, roster: {} };

function setup() {
  const server = new FakeServer();
  const { store, session } = connectedStore(server, COUNTY_ME);
  const saved: string[] = [];
  const ctl = new CampaignAdminController(store, { delivery: new FakeDelivery(), clock: { now: () => NOW } }, session, async (id) => void saved.push(id));
  server.create_ = created;
  ctl.startCreate();
  return { server, store, ctl, saved, admin: () => store.get().admin };
}

const createdWith = (t: ReturnType<typeof setup>) => (t.server.sent.find(([k]) => k === 'create')?.[1] as CreateCampaign | undefined);

describe('新建工作批次 with a predecessor: the roster reconciled first', () => {
  it('asks the server for the proposal and shows it, creating nothing yet', async () => {
    const t = setup();
    t.server.reconcile_ = PROPOSAL;
    await t.ctl.submit(VALUES);
    expect(t.server.calls).toEqual(['rosterReconcile']);
    expect((t.server.sent[0]?.[1] as CreateCampaign).previousId).toBe('c2026');
    expect(t.admin().reconcile?.choices.renames).toEqual(['o1>t01|东山村党总支']);
    expect(t.admin().verdict).toEqual({ tone: 'info', text: '与上一年度的名册相比：新增 1 个、上一年度有、今年名册中没有 4 个、可能改名 1 处、可能合并 1 处、两个乡镇（街道）都列出 1 个。请在“名册核对”中确认后，再点“创建工作批次”。' });
    expect(t.saved).toEqual([]);
  });

  it('the same form sent again goes with the county’s choices', async () => {
    const t = setup();
    t.server.reconcile_ = PROPOSAL;
    await t.ctl.submit(VALUES);
    t.ctl.toggleRename('o1>t01|东山村党总支');
    t.ctl.chooseTwice('联合党支部', '');
    await t.ctl.submit(VALUES);
    expect(t.server.calls).toEqual(['rosterReconcile', 'createCampaign']);
    expect(createdWith(t)?.decisions).toEqual([
      { kind: 'merge', fromIds: ['o3', 'o4'], to: { townshipId: 't01', name: '河口联合村党支部' } },
      { kind: 'distinct', name: '联合党支部' },
      { kind: 'dissolve', id: 'o1' },
      { kind: 'dissolve', id: 'o2' },
    ]);
    expect(t.saved).toEqual(['c2027']);
    expect(t.admin().reconcile).toBeNull();
  });

  it('a form changed after the proposal is compared again', async () => {
    const t = setup();
    t.server.reconcile_ = PROPOSAL;
    await t.ctl.submit(VALUES);
    await t.ctl.submit({ ...VALUES, townships: '城关镇\n东山乡\n西山镇' });
    expect(t.server.calls).toEqual(['rosterReconcile', 'rosterReconcile']);
  });

  it('nothing to confirm: created at once with the server’s defaults', async () => {
    const t = setup();
    t.server.reconcile_ = { ...PROPOSAL, created: [], missing: [], renames: [], merges: [], twice: [], defaults: [] };
    await t.ctl.submit(VALUES);
    expect(t.server.calls).toEqual(['rosterReconcile', 'createCampaign']);
    expect(createdWith(t)).toMatchObject({ previousId: 'c2026', decisions: [] });
  });

  it('without a predecessor nothing is reconciled', async () => {
    const t = setup();
    await t.ctl.submit({ ...VALUES, previousId: '' });
    expect(t.server.calls).toEqual(['createCampaign']);
    expect(createdWith(t)).not.toHaveProperty('previousId');
  });
});
