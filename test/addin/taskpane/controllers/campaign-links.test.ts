import type { CampaignDetail, CreateCampaign, RosterProposalData } from '../../../../shared/api/contract';
import { issueText } from '../../../../shared/issues/catalogue';
import { defaultScheme } from '../../../../shared/scheme/default';
import { ApiError } from '../../../../addin/taskpane/api/client';
import { CampaignAdminController } from '../../../../addin/taskpane/controllers/campaign-admin';
import type { CampaignFormValues } from '../../../../addin/taskpane/model/campaign-form';
import { CAMPAIGN, connectedStore, COUNTY_ME, FakeDelivery, FakeServer } from './fakes';

const NOW = Date.parse('2026-12-31T20:00:00Z');

/** Last year's grading (2026): two townships, three organizations on its 名册, the Yichun standard. */
const LAST: CampaignDetail = {
  ...CAMPAIGN, id: 'c2026', countyId: 'shifan', revision: 1, updatedAt: CAMPAIGN.createdAt, scheme: defaultScheme, schemeId: 'yichun5', kind: 'grading',
  townships: [{ id: 't01', name: '城关镇' }, { id: 't02', name: '东山乡' }],
  roster: { t01: [{ name: '城关社区党支部', id: 'o1' }, { name: '东关村党支部', id: 'o2' }], t02: [{ name: '东山村党支部', id: 'o3' }] },
};
const NOTHING_TO_DECIDE: RosterProposalData = {
  previousId: 'c2026', campaignId: 'c2027', townships: LAST.townships, previousTownships: LAST.townships, entries: [], matched: [], created: [], missing: [], renames: [], merges: [], twice: [], issues: [], defaults: [], defaultsIssues: [],
};

function setup() {
  const server = new FakeServer();
  const { store, session } = connectedStore(server, COUNTY_ME);
  const saved: Array<[string, string]> = [];
  const ctl = new CampaignAdminController(store, { delivery: new FakeDelivery(), clock: { now: () => NOW } }, session, async (id, said) => void saved.push([id, said.text]));
  server.detail_ = LAST;
  ctl.startCreate();
  return { server, store, ctl, saved, admin: () => store.get().admin };
}

const sentBody = (t: ReturnType<typeof setup>, kind: string) => t.server.sent.find(([k]) => k === kind)?.[1] as CreateCampaign | undefined;

describe('上一年度工作批次 chosen: the form is filled from it', () => {
  it('reads it and fills the township list and its built-in standard, saying what was filled', async () => {
    const t = setup();
    await t.ctl.chooseLinked('previous', 'c2026');
    expect(t.server.calls).toEqual(['campaignDetail c2026']);
    expect(t.admin().fill?.values).toEqual({ year: '2027', townships: '城关镇\n东山乡', standard: 'yichun5' });
    expect(t.admin().linked).toMatchObject({ role: 'previous', id: 'c2026', rosterCount: 3 });
    expect(t.admin().verdict).toEqual({ tone: 'info', text: '已按上一年度批次（2026 年度 示范县）填入年度 2027、2 个乡镇（街道）和评定标准；不导入名册时沿用上一年度的 3 个党组织。可以修改。' });
  });

  it.each([
    ['the form’s default year, the predecessor’s own', '2026', '2027'],
    ['an earlier year', '2025', '2027'],
    ['nothing typed', '', '2027'],
    ['not a year', '明年', '2027'],
    ['a later year the county typed: kept', '2028', undefined],
  ])('the 年度 when 上一年度工作批次 is chosen, with %s', async (_what, typed, filled) => {
    const t = setup();
    await t.ctl.chooseLinked('previous', 'c2026', typed);
    expect(t.admin().fill?.values.year).toBe(filled);
  });

  it('created without a 名册: none is sent, so the server carries last year’s organizations', async () => {
    const t = setup();
    await t.ctl.chooseLinked('previous', 'c2026');
    t.server.reconcile_ = NOTHING_TO_DECIDE;
    t.server.create_ = { ...LAST, id: 'c2027', year: 2027 };
    const values: CampaignFormValues = { year: '2027', county: '示范县', deadline: '2027-04-25', standard: 'yichun5', townships: '城关镇\n东山乡', previousId: 'c2026', kind: 'grading', reviewsId: '' };
    await t.ctl.submit(values);
    const body = sentBody(t, 'create');
    expect(body).toEqual({ year: 2027, county: '示范县', deadline: '2027-04-25', townships: [{ name: '城关镇' }, { name: '东山乡' }], schemeId: 'yichun5', previousId: 'c2026', decisions: [] });
    expect(t.saved[0]?.[0]).toBe('c2027');
  });

  it('choosing none again forgets the predecessor; an answer to an earlier choice is dropped', async () => {
    const t = setup();
    const pending = t.ctl.chooseLinked('previous', 'c2026');
    await t.ctl.chooseLinked('previous', '');
    await pending;
    expect(t.admin().linked).toBeNull();
    expect(t.admin().fill).toBeNull();
  });

  it('a predecessor the server does not find: its Chinese message, nothing filled', async () => {
    const t = setup();
    t.server.detail_ = new ApiError(issueText('CAMPAIGN_NOT_FOUND', { id: 'c2020' }), 404, 'CAMPAIGN_NOT_FOUND');
    await t.ctl.chooseLinked('previous', 'c2020');
    expect(t.admin().fill).toBeNull();
    expect(t.admin().verdict).toMatchObject({ tone: 'error', text: expect.stringContaining(issueText('CAMPAIGN_NOT_FOUND', { id: 'c2020' })) as unknown as string });
  });
});

describe('回头看 from the page', () => {
  const LOOKBACK: CampaignFormValues = { kind: 'lookback', reviewsId: 'c2026', year: '2026', county: '示范县', deadline: '2027-03-31', standard: 'default6', townships: '城关镇\n东山乡', previousId: '' };

  it('choosing 回头看 drops a 名册 read for a grading and the predecessor', async () => {
    const t = setup();
    await t.ctl.chooseLinked('previous', 'c2026');
    t.ctl.readPasted('乡镇（街道）\t党组织名称\t类别\n城关镇\t城关社区党支部\t社区', { ...LOOKBACK, kind: 'grading' });
    expect(t.admin().roster).not.toBeNull();
    t.ctl.chooseKind('lookback');
    expect(t.admin()).toMatchObject({ roster: null, issues: null, linked: null, reconcile: null });
  });

  it('the reviewed grading fills the year, county and townships', async () => {
    const t = setup();
    t.ctl.chooseKind('lookback');
    await t.ctl.chooseLinked('reviews', 'c2026');
    expect(t.admin().fill?.values).toEqual({ year: '2026', county: '示范县', townships: '城关镇\n东山乡' });
    expect(t.admin().linked).toMatchObject({ role: 'reviews', id: 'c2026' });
  });

  it('creates it with kind and reviewsId only (the townships with the reviewed ids), no reconciliation, and says so', async () => {
    const t = setup();
    t.ctl.chooseKind('lookback');
    await t.ctl.chooseLinked('reviews', 'c2026');
    t.server.create_ = { ...LAST, id: 'shifan-2026-2', kind: 'lookback', reviewsId: 'c2026', deadline: '2027-03-31' };
    await t.ctl.submit(LOOKBACK);
    expect(t.server.calls).not.toContain('rosterReconcile');
    expect(sentBody(t, 'create')).toEqual({ kind: 'lookback', reviewsId: 'c2026', year: 2026, county: '示范县', deadline: '2027-03-31', townships: [{ id: 't01', name: '城关镇' }, { id: 't02', name: '东山乡' }] });
    expect(t.saved).toEqual([['shifan-2026-2', '已创建回头看批次：示范县 2026 年度（复查 2026 年度 示范县），2 个乡镇（街道），截止 2027-03-31。下一步：在“上报链接”中发放各乡镇（街道）的链接。']]);
  });

  it('without a reviewed grading nothing is sent; the page says so beside the field', async () => {
    const t = setup();
    t.ctl.chooseKind('lookback');
    await t.ctl.submit({ ...LOOKBACK, reviewsId: '' });
    expect(t.server.sent).toEqual([]);
    expect(t.admin().fields.reviews).toEqual({ tone: 'error', text: '请选择回头看要复查的分类定级批次' });
  });

  it.each([
    ['CAMPAIGN_REVIEWS_INVALID', issueText('CAMPAIGN_REVIEWS_INVALID', { id: 'c2026' }), 'reviews'],
    ['CAMPAIGN_LOOKBACK_TOWNSHIP', issueText('CAMPAIGN_LOOKBACK_TOWNSHIP', { name: '西山镇', id: 'c2026' }), 'townships'],
  ])('the server’s refusal %s lands beside its field, in Chinese', async (code, message, field) => {
    const t = setup();
    t.server.create_ = new ApiError(message, 400, code);
    await t.ctl.submit(LOOKBACK);
    expect(t.admin().fields[field as 'reviews' | 'townships']).toEqual({ tone: 'error', text: message });
    expect(t.admin().verdict).toEqual({ tone: 'error', text: `未创建：${message}` });
  });

  it('an edit of a 回头看 keeps its kind and sends no 名册', async () => {
    const t = setup();
    const lb: CampaignDetail = { ...LAST, id: 'c2026-lb', kind: 'lookback', reviewsId: 'c2026', townships: [{ id: 't01', name: '城关镇' }], roster: { t01: LAST.roster.t01 ?? [] } };
    t.server.detail_ = lb;
    t.store.set((s) => ({ connection: { ...s.connection, campaign: { ...CAMPAIGN, id: 'c2026-lb', kind: 'lookback' } } }));
    await t.ctl.startEdit();
    expect(t.admin().initial).toMatchObject({ kind: 'lookback', reviewsId: 'c2026', standard: 'keep' });
    t.server.update_ = { ...lb, revision: 2 };
    await t.ctl.submit({ ...t.admin().initial, deadline: '2027-04-30' });
    expect(t.server.sent).toEqual([['update', { kind: 'lookback', reviewsId: 'c2026', year: 2026, county: '示范县', deadline: '2027-04-30', townships: [{ id: 't01', name: '城关镇' }], revision: 1 }]]);
  });
});
