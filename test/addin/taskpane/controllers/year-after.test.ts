import type { Campaign, Lookback, Targets } from '../../../../shared/api/contract';
import { ApiError } from '../../../../addin/taskpane/api/client';
import { YearAfterController } from '../../../../addin/taskpane/controllers/year-after';
import { CAMPAIGN, connectedStore, COUNTY_ME, FakeServer, TOWNSHIP_ME } from './fakes';

const TARGETS: Targets = {
  campaignId: 'c2027',
  previousId: 'c2026',
  previousLookbackId: null,
  county: { townshipId: null, label: '示范县', lines: [] },
  townships: [],
  complete: true,
  issues: [],
};
const LOOKBACK: Lookback = { campaignId: 'h2026', reviewsId: 'c2026', rows: [], notRegraded: [], pendingTownships: [], issues: [] };

function setup(campaign: Partial<Campaign>, me = COUNTY_ME) {
  const server = new FakeServer();
  server.targets_ = TARGETS;
  server.lookback_ = LOOKBACK;
  const { store, session } = connectedStore(server, me);
  const s = store.get();
  store.set({ connection: { ...s.connection, campaign: { ...CAMPAIGN, ...campaign } } });
  const ctl = new YearAfterController(store, session, () => undefined);
  return { server, ctl, y: () => store.get().yearAfter };
}

describe('YearAfterController', () => {
  it.each<[string, Partial<Campaign>, string[], boolean, boolean]>([
    ['a first grading: nothing to compare', { kind: 'grading', previousId: null }, [], false, false],
    ['a grading with a predecessor: 晋位升级', { id: 'c2027', kind: 'grading', previousId: 'c2026' }, ['targets c2027'], true, false],
    ['a 回头看: before and after', { id: 'h2026', kind: 'lookback', reviewsId: 'c2026' }, ['lookback h2026'], false, true],
  ])('%s', async (_what, campaign, calls, targets, lookback) => {
    const t = setup(campaign);
    await t.ctl.enter();
    expect(t.server.calls).toEqual(calls);
    expect([t.y().targets !== null, t.y().lookback !== null]).toEqual([targets, lookback]);
  });

  it('asks nothing for a township', async () => {
    const t = setup({ previousId: 'c2026' }, TOWNSHIP_ME);
    await t.ctl.enter();
    expect(t.server.calls).toEqual([]);
  });

  it('a failure is said in its card and does not fail the campaign that opened', async () => {
    const t = setup({ id: 'c2027', previousId: 'c2026' });
    t.server.targets_ = new ApiError('服务器暂时不可用，请稍后重试', 503, 'UNAVAILABLE');
    await expect(t.ctl.enter()).resolves.toBeUndefined();
    expect(t.y().verdict).toEqual({ tone: 'error', text: '未能读取：服务器暂时不可用，请稍后重试' });
  });
});
