import type { CampaignDetail, CreateCampaign, UpdateCampaign } from '../../../../shared/api/contract';
import { issueText, makeIssue } from '../../../../shared/issues/catalogue';
import { defaultScheme, yichunSchemeInput } from '../../../../shared/scheme/default';
import { ApiError } from '../../../../addin/taskpane/api/client';
import { CampaignAdminController } from '../../../../addin/taskpane/controllers/campaign-admin';
import type { CampaignFormValues } from '../../../../addin/taskpane/model/campaign-form';
import type { Verdict } from '../../../../addin/taskpane/state';
import { CAMPAIGN, connectedStore, COUNTY_ME, FakeDelivery, FakeServer } from './fakes';

/** 2026-12-31 20:00 UTC is already 2027 in Beijing. */
const NOW = Date.parse('2026-12-31T20:00:00Z');
const VALUES: CampaignFormValues = { year: '2027', county: '示范县', deadline: '2027-04-25', standard: 'default6', townships: '城关镇\n东山乡' };

function detail(revision = 1, o: Partial<CampaignDetail> = {}): CampaignDetail {
  return { ...CAMPAIGN, countyId: 'shifan', revision, updatedAt: CAMPAIGN.createdAt, scheme: defaultScheme, roster: { chengguan: [{ name: '城关社区党支部', category: '社区' }] }, ...o };
}

function setup() {
  const server = new FakeServer();
  const { store, session } = connectedStore(server, COUNTY_ME);
  const delivery = new FakeDelivery();
  const saved: Array<[string, Verdict]> = [];
  const lost: string[] = [];
  const ctl = new CampaignAdminController(store, { delivery, clock: { now: () => NOW } }, session, async (id, said) => void saved.push([id, said]), (m) => lost.push(m));
  return { server, store, delivery, saved, lost, ctl, admin: () => store.get().admin };
}

describe('CampaignAdminController: 新建工作批次', () => {
  it('opens an empty form: this year in Beijing, the county’s name, the default standard', () => {
    const t = setup();
    t.ctl.startCreate();
    expect(t.admin()).toMatchObject({ mode: 'create', formId: 1, initial: { year: '2027', county: '示范县', deadline: '', standard: 'default6', townships: '' } });
  });

  it('refuses in the page what the server would refuse, beside each field, and sends nothing', async () => {
    const t = setup();
    t.ctl.startCreate();
    await t.ctl.submit({ ...VALUES, year: '', deadline: '2027-02-30' });
    expect(t.admin().fields).toEqual({
      year: { tone: 'error', text: '请填写年度，如 2026' },
      deadline: { tone: 'error', text: '截止日期：“2027-02-30”不是有效的日期，请写成 2026-04-25 的形式' },
    });
    expect(t.admin().verdict).toEqual({ tone: 'error', text: '未创建：请先改正标出的 2 处问题。' });
    expect(t.server.sent).toEqual([]);
  });

  it('creates the campaign, closes the form and opens it, saying what to do next', async () => {
    const t = setup();
    t.ctl.startCreate();
    t.server.create_ = detail(1, { id: 'shifan-2027', year: 2027, deadline: '2027-04-25' });
    await t.ctl.submit(VALUES);
    const [[what, body]] = t.server.sent as [[string, CreateCampaign]];
    expect(what).toBe('create');
    expect(body).toEqual({ year: 2027, county: '示范县', deadline: '2027-04-25', townships: [{ name: '城关镇' }, { name: '东山乡' }], schemeId: 'default6' });
    expect(t.admin().mode).toBe('closed');
    expect(t.saved).toEqual([['shifan-2027', { tone: 'ok', text: '已创建工作批次：示范县 2027 年度，2 个乡镇（街道），截止 2027-04-25。下一步：在“上报链接”中发放各乡镇（街道）的链接。' }]]);
  });

  it('a deadline already past is created with the server’s warning in the verdict', async () => {
    const t = setup();
    t.ctl.startCreate();
    const warn = makeIssue('DEADLINE_PAST', { deadline: '2026-04-25' });
    t.server.create_ = detail(1, { warnings: [{ code: warn.code, num: warn.num, severity: warn.severity, message: warn.message }] });
    await t.ctl.submit({ ...VALUES, deadline: '2026-04-25' });
    expect(t.saved[0]?.[1]).toEqual({ tone: 'warning', text: expect.stringMatching(new RegExp(`提醒：${issueText('DEADLINE_PAST', { deadline: '2026-04-25' })}。$`)) as unknown as string });
  });

  it('says a past deadline beside the field while it is typed', () => {
    const t = setup();
    t.ctl.startCreate();
    t.ctl.deadlineTyped('2026-12-31');
    expect(t.admin().fields.deadline).toEqual({ tone: 'warning', text: issueText('DEADLINE_PAST', { deadline: '2026-12-31' }) });
    t.ctl.deadlineTyped('2027-04-25');
    expect(t.admin().fields.deadline).toBeUndefined();
  });

  it.each([
    ['REQUEST_FIELD_INVALID', 400, issueText('REQUEST_FIELD_INVALID', { field: '截止日期', problem: '格式不正确' }), 'deadline', '截止日期：格式不正确'],
    ['CAMPAIGN_TOWNSHIP_NAME_DUPLICATE', 400, issueText('CAMPAIGN_TOWNSHIP_NAME_DUPLICATE', { name: '城关镇' }), 'townships', issueText('CAMPAIGN_TOWNSHIP_NAME_DUPLICATE', { name: '城关镇' })],
    ['CAMPAIGN_SCHEME_INVALID', 400, '评定标准（scheme）无效：grades：至少要有 1 项', 'standard', '评定标准（scheme）无效：grades：至少要有 1 项'],
  ] as const)('the server’s refusal %s lands beside its field and in the verdict', async (code, status, message, field, text) => {
    const t = setup();
    t.ctl.startCreate();
    t.server.create_ = new ApiError(message, status, code);
    await t.ctl.submit(VALUES);
    expect(t.admin().fields[field]).toEqual({ tone: 'error', text });
    expect(t.admin().verdict).toEqual({ tone: 'error', text: `未创建：${message}` });
    expect(t.admin().mode).toBe('create');
  });
});

describe('CampaignAdminController: the 名册 and the standard', () => {
  it('pasted text is read here with cell-level messages; fixed, it is summarized', () => {
    const t = setup();
    t.ctl.startCreate();
    t.ctl.readPasted('城关镇\t城关社区党支部\t社区\n东山乡\t东山村党支部\t农场', VALUES);
    expect(t.admin().issues?.issues.map((i) => [i.cell, i.code])).toEqual([['C2', 'ROSTER_CATEGORY_UNKNOWN']]);
    expect(t.admin().fields.roster).toEqual({ tone: 'error', text: '名册中有 1 处错误，请改正后重新读取。' });
    t.ctl.readPasted('城关镇\t城关社区党支部\t社区\n东山乡\t东山村党支部\t村', VALUES);
    expect(t.admin().roster?.entries.map((e) => e.name)).toEqual(['城关社区党支部', '东山村党支部']);
    expect(t.admin().fields.roster).toBeUndefined();
    expect(t.admin().verdict).toEqual({ tone: 'ok', text: '已读取名册：2 个党组织、2 个乡镇（街道）。' });
  });

  it('pasted lines of a township not on the typed list are errors at their cells', () => {
    const t = setup();
    t.ctl.startCreate();
    t.ctl.readPasted('西山镇\t西山村党支部\t村', VALUES);
    expect(t.admin().issues?.issues.map((i) => [i.cell, i.code])).toEqual([['A1', 'ROSTER_TOWNSHIP_UNKNOWN']]);
  });

  it('an uploaded .xlsx is read by the server under the chosen standard; a refusal shows its cell-level issues', async () => {
    const t = setup();
    t.ctl.startCreate();
    t.server.roster_ = { entries: [{ township: '城关镇', name: '城关社区党支部', category: '社区', row: 4 }], townships: [{ name: '城关镇', count: 1 }], issues: [], ok: true };
    await t.ctl.uploadRoster('名册.xlsx', new Uint8Array([0x50, 0x4b]), { ...VALUES, standard: 'yichun5' });
    expect(t.server.sent).toEqual([['roster', { schemeId: 'yichun5' }]]);
    expect(t.admin().roster).toMatchObject({ source: 'file', label: '名册.xlsx', townships: [{ name: '城关镇', count: 1 }] });
    const header = makeIssue('ROSTER_HEADER_NOT_FOUND', {}, { sheet: 'Sheet1' });
    t.server.roster_ = new ApiError(issueText('ROSTER_REFUSED', { errors: 1 }), 422, 'ROSTER_REFUSED', [header]);
    await t.ctl.uploadRoster('别的表.xlsx', new Uint8Array([0x50, 0x4b]), VALUES);
    expect(t.admin().roster).toBeNull();
    expect(t.admin().issues?.issues).toEqual([header]);
    expect(t.admin().fields.roster).toEqual({ tone: 'error', text: issueText('ROSTER_REFUSED', { errors: 1 }) });
  });

  it.each([
    ['not JSON', '{"id": "x",', /^qingshan\.json：评定标准文件不是有效的 JSON（第 1 行第 \d+ 个字符附近）/],
    ['JSON that is not a standard', '{"id": "x"}', /^qingshan\.json：评定标准（scheme）无效：/],
  ])('the county’s own standard file, %s, is refused beside the field', (_what, text, message) => {
    const t = setup();
    t.ctl.startCreate();
    t.ctl.pickSchemeFile('qingshan.json', text);
    expect(t.admin().fields.standard?.text).toMatch(message);
    expect(t.admin().schemeFile).toEqual({ fileName: 'qingshan.json', value: undefined });
  });

  it('a valid standard file is kept as parsed and sent with the campaign', async () => {
    const t = setup();
    t.ctl.startCreate();
    t.ctl.pickSchemeFile('yichun.json', JSON.stringify(yichunSchemeInput));
    expect(t.admin().fields.standard).toBeUndefined();
    t.server.create_ = detail();
    await t.ctl.submit({ ...VALUES, standard: 'custom' });
    expect((t.server.sent[0]?.[1] as CreateCampaign).scheme).toEqual(yichunSchemeInput);
  });

  it('downloads the blank 名册', async () => {
    const t = setup();
    t.server.file_ = { bytes: new Uint8Array([0x50, 0x4b]), fileName: '党组织名册（模板）.xlsx' };
    await t.ctl.rosterTemplate();
    expect(t.delivery.delivered.map((d) => d.fileName)).toEqual(['党组织名册（模板）.xlsx']);
    expect(t.admin().verdict?.text).toBe('名册模板已下载：党组织名册（模板）.xlsx。填好后在此导入。');
  });
});

describe('CampaignAdminController: 修改本批次', () => {
  it('reads the campaign afresh and fills the form with it (its own standard kept)', async () => {
    const t = setup();
    t.server.detail_ = detail(3);
    await t.ctl.startEdit();
    expect(t.server.calls).toEqual(['campaignDetail c2026']);
    expect(t.admin()).toMatchObject({ mode: 'edit', initial: { year: '2026', county: '示范县', deadline: '2026-04-25', standard: 'keep', townships: '城关镇\n东山乡' }, editing: { id: 'c2026', revision: 3 } });
  });

  it('saves with the revision it read; ids and the roster it read go back', async () => {
    const t = setup();
    t.server.detail_ = detail(3);
    await t.ctl.startEdit();
    t.server.update_ = detail(4);
    await t.ctl.submit({ ...VALUES, year: '2026', deadline: '2026-05-10', standard: 'keep' });
    const [[what, body]] = t.server.sent as [[string, UpdateCampaign]];
    expect(what).toBe('update');
    expect(body).toEqual({ year: 2026, county: '示范县', deadline: '2026-05-10', townships: [{ id: 'chengguan', name: '城关镇' }, { id: 'dongshan', name: '东山乡' }], roster: { 城关镇: [{ name: '城关社区党支部', category: '社区' }] }, revision: 3 });
    expect(t.saved).toEqual([['c2026', { tone: 'ok', text: '已保存批次设置（第 4 版）。' }]]);
  });

  // Read at revision 1 (示范县 2026, 截止 2026-04-25, 城关镇 东山乡); someone saved revision 2 meanwhile.
  it.each<[string, Partial<CampaignFormValues>, Partial<CampaignDetail>, Partial<CampaignFormValues>, string]>([
    ['nothing typed: the latest is loaded', {}, { deadline: '2026-05-01' }, { deadline: '2026-05-01', townships: '城关镇\n东山乡' }, '页面已重新载入最新的批次设置，请核对后再保存。'],
    [
      'both changed the deadline: the latest stands and the clerk is told what they typed',
      { deadline: '2026-04-30' },
      { deadline: '2026-05-01' },
      { deadline: '2026-05-01' },
      '页面已载入最新的批次设置；截止日期已被他人改过，表中为最新内容，您填的“2026-04-30”未保存。请核对后再保存。',
    ],
    [
      'the clerk added a township, the other moved the deadline: both are in the form',
      { townships: '城关镇\n东山乡\n西山镇' },
      { deadline: '2026-05-01' },
      { deadline: '2026-05-01', townships: '城关镇\n东山乡\n西山镇' },
      '页面已载入最新的批次设置，并保留了您未保存的修改（乡镇（街道）名单）。请核对后再保存。',
    ],
  ])('a revision overtaken meanwhile (409), %s', async (_name, typed, theirs, form, said) => {
    const t = setup();
    t.server.detail_ = detail(1);
    await t.ctl.startEdit();
    t.server.update_ = new ApiError(issueText('CAMPAIGN_REVISION_STALE', { seen: 1, current: 2 }), 409, 'CAMPAIGN_REVISION_STALE');
    t.server.detail_ = detail(2, theirs);
    await t.ctl.submit({ ...t.admin().initial, ...typed });
    expect(t.admin()).toMatchObject({ mode: 'edit', formId: 2, editing: { revision: 2 }, initial: form });
    expect(t.admin().verdict).toEqual({ tone: 'warning', text: `您修改的是第 1 版批次设置，但它已被改为第 2 版。${said}` });
    expect(t.saved).toEqual([]);
  });

  it('a revision overtaken meanwhile (409): the page heading and the campaign list show the latest too', async () => {
    const t = setup();
    const listed = { id: 'c2026', year: 2026, county: '示范县', deadline: '2026-04-25', schemeId: 'default6', townships: 2, revision: 1, createdAt: CAMPAIGN.createdAt, updatedAt: CAMPAIGN.createdAt };
    t.store.set((s) => ({ campaigns: { ...s.campaigns, list: [listed, { ...listed, id: 'c2025', year: 2025 }] } }));
    t.server.detail_ = detail(1);
    await t.ctl.startEdit();
    t.server.update_ = new ApiError(issueText('CAMPAIGN_REVISION_STALE', { seen: 1, current: 2 }), 409, 'CAMPAIGN_REVISION_STALE');
    t.server.detail_ = detail(2, { deadline: '2026-05-01', townships: [...CAMPAIGN.townships, { id: 'xishan', name: '西山镇' }] });
    await t.ctl.submit(t.admin().initial);
    expect(t.store.get().connection.campaign).toMatchObject({ id: 'c2026', deadline: '2026-05-01', townships: [...CAMPAIGN.townships, { id: 'xishan', name: '西山镇' }] });
    expect(t.store.get().campaigns.list?.map((c) => [c.id, c.deadline, c.townships, c.revision])).toEqual([
      ['c2026', '2026-05-01', 3, 2],
      ['c2025', '2026-04-25', 2, 1],
    ]);
  });
});
