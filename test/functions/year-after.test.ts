// Acceptance of the year after, over real HTTP and Azurite: two years and a 回头看.
//   Year 1: a roster, the grading, ledger items (one opened blank), 申请销号 in the pane and by a
//           re-upload of the pre-filled sheet, 销号 by the county.
//   Year 2: created from year 1 — the roster carried with one organization renamed, one dissolved,
//           one new and one listed by two townships, each reconciled by the county; templates
//           pre-filled with the open items; 复号 of an organization graded 较差 again; a request
//           confirmed; the targets checked against a count made here from the rows filled in.
//   回头看:  lowers one grade, flags an upgrade whose items are not 销号.
// The consolidated workbooks show all of it, cell by cell.
import type ExcelJS from 'exceljs';
import {
  campaignDetailSchema,
  campaignOrgsSchema,
  errorBodySchema,
  ledgerActionResultSchema,
  ledgerListSchema,
  lookbackSchema,
  receiptSchema,
  rosterProposalSchema,
  targetsSchema,
  type LedgerItemView,
  type LedgerList,
  type Lookback,
  type Receipt,
  type RosterProposalData,
  type Targets,
} from '../../shared/api/contract';
import { YEAR_AFTER_SHEETS, defaultScheme, ledgerStatusForm, lookbackForm, notMovedForm, targetsForm, type FormContext } from '../../shared';
import { canPrint, pageText } from '../print/office';
import { expectPrintsWell, print, type Printed } from '../print/printed';
import { AVERAGE, FAIR, GOOD, POOR, line, townshipBook, upload, type Org } from './ledger/fixture';
import { startStack, type Stack } from './stack';
import { passThrough } from './storage/recording';
import { loadWorkbookBytes, rowValues } from './xlsx';

let st: Stack;
/** Listings of the county's ledger items (a county's whole ledger each). */
let itemListings = 0;
beforeAll(async () => {
  st = await startStack({
    wrapStore: (s) => ({
      ...passThrough(s),
      listEntities: (pk, prefix) => {
        if (prefix === 'item|') itemListings++;
        return s.listEntities(pk, prefix);
      },
    }),
  });
}, 60_000);
afterAll(() => st?.stop());

const DS = { id: 'dongshan', name: '东山镇' };
const XS = { id: 'xishan', name: '西山镇' };
const run = process.pid;
const Y1 = `y1-${run}`;
const Y2 = `y2-${run}`;
const LB = `lb-${run}`;

const o = (name: string, category: string, total: number): Org => ({ name, category, total });

// Year 1 as filled in: name, category, total (→ grade).
const Y1_ROWS: Record<string, Org[]> = {
  dongshan: [o('东山村党支部', '村', POOR), o('西河村党支部', '村', AVERAGE), o('红星机械厂党支部', '非公有制经济组织', AVERAGE), o('东山镇中心小学党支部', '机关事业单位', GOOD)],
  xishan: [o('西山社区党支部', '社区', FAIR), o('南湖村党支部', '村', POOR), o('北岭村党支部', '村', AVERAGE)],
};
// Year 2: 東山村 written in Traditional characters, 红星 restructured (renamed), 西河村 gone
// (dissolved), 新光物流 new, 中心小学 listed by both townships (it belongs to 东山镇).
const Y2_ROSTER = {
  东山镇: [
    { name: '東山村黨支部', category: '村' },
    { name: '红星机械有限公司党支部', category: '非公有制经济组织' },
    { name: '东山镇中心小学党支部', category: '机关事业单位' },
    { name: '新光物流有限公司党支部', category: '非公有制经济组织' },
  ],
  西山镇: [
    { name: '西山社区党支部', category: '社区' },
    { name: '南湖村党支部', category: '村' },
    { name: '北岭村党支部', category: '村' },
    { name: '东山镇中心小学党支部', category: '机关事业单位' },
  ],
};
const Y2_ROWS: Record<string, Org[]> = {
  dongshan: [o('東山村黨支部', '村', POOR), o('红星机械有限公司党支部', '非公有制经济组织', FAIR), o('东山镇中心小学党支部', '机关事业单位', GOOD), o('新光物流有限公司党支部', '非公有制经济组织', AVERAGE)],
  xishan: [o('西山社区党支部', '社区', GOOD), o('南湖村党支部', '村', AVERAGE), o('北岭村党支部', '村', AVERAGE)],
};
// The 回头看 of year 2: 西山社区 down to 较好; 北岭村 up to 较好 while its item is not 销号.
const LB_ROWS: Record<string, Org[]> = {
  dongshan: Y2_ROWS.dongshan ?? [],
  xishan: [o('西山社区党支部', '社区', FAIR), o('南湖村党支部', '村', AVERAGE), o('北岭村党支部', '村', FAIR)],
};

const county = () => st.county();
const get = async <T>(path: string, parse: { parse(x: unknown): T }, token = county()): Promise<T> => {
  const r = await st.call('GET', path, { token });
  expect([path, r.status]).toEqual([path, 200]);
  return parse.parse(await r.json());
};
const act = async (c: string, id: string, json: unknown, token = county()) => {
  const r = await st.call('POST', `/campaigns/${c}/ledger/${id}`, { token, json });
  expect([id, r.status, r.status === 200 ? '' : JSON.stringify(await r.clone().json())]).toEqual([id, 200, '']);
  return ledgerActionResultSchema.parse(await r.json());
};
const item = (l: LedgerList, orgName: string, matter?: string): LedgerItemView => {
  const found = l.items.find((i) => i.orgName === orgName && (matter === undefined || i.matter === matter));
  if (!found) throw new Error(`no item of ${orgName} ${matter ?? ''}`);
  return found;
};
const sheet = (wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet => {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}; has ${wb.worksheets.map((w) => w.name).join(', ')}`);
  return ws;
};
/** The numbered rows under a sheet's header (序号 1, 2, …). */
const numbered = (ws: ExcelJS.Worksheet): unknown[][] => {
  const out: unknown[][] = [];
  for (let r = 1; r <= ws.rowCount; r++) {
    const v = rowValues(ws, r);
    if (typeof v[0] === 'number' && v[0] === out.length + 1) out.push(v);
  }
  return out;
};
const consolidated = async (c: string) => {
  const r = await st.call('GET', `/campaigns/${c}/consolidated`, { token: county() });
  expect(r.status).toBe(200);
  return loadWorkbookBytes(new Uint8Array(await r.arrayBuffer()));
};

// What the scenario saw on the way, checked by the tests below.
const seen: {
  y1Receipts: Record<string, Receipt>;
  y1Ledger?: LedgerList;
  y1End?: LedgerList;
  refusedY2?: { status: number; message: string; issues: string[] };
  proposal?: RosterProposalData;
  y2Template?: ExcelJS.Workbook;
  y2Receipts: Record<string, Receipt>;
  y2Ledger?: LedgerList;
  targets?: Targets;
  lbTemplate?: ExcelJS.Workbook;
  lbTemplateFile?: string;
  lbReceipt?: Receipt;
  /** Ledger listings each 回头看 upload made. */
  lbListings: number[];
  lookback?: Lookback;
} = { y1Receipts: {}, y2Receipts: {}, lbListings: [] };

describe('two years and a 回头看', () => {
  beforeAll(async () => {
    // ── Year 1 ──────────────────────────────────────────────────────────────────────────────
    const roster1 = Object.fromEntries(Object.entries(Y1_ROWS).map(([t, orgs]) => [t, orgs.map((x) => ({ name: x.name, category: x.category }))]));
    const c1 = await st.call('POST', '/campaigns', { token: county(), json: { id: Y1, year: 2025, county: '青山县', deadline: '2025-04-25', townships: [DS, XS], roster: roster1 } });
    expect(c1.status).toBe(201);
    for (const [t, lines] of [
      [DS, [line('东山村党支部', '活动阵地简陋', '2025-06-30'), line('西河村党支部', '组织生活不规范', '2025年9月底'), line('红星机械厂党支部', '党员发展停滞', '2025-12-31')]],
      [XS, [line('南湖村党支部', '班子不健全', '2025-06-30'), line('南湖村党支部', '经费保障不足', '2025-08-31')]],
    ] as const) {
      const r = await upload(st, Y1, t, await townshipBook(st, Y1, t, Y1_ROWS[t.id] ?? [], [...lines]));
      expect([t.id, r.status]).toEqual([t.id, 201]);
      seen.y1Receipts[t.id] = receiptSchema.parse(await r.json());
    }
    seen.y1Ledger = await get(`/campaigns/${Y1}/ledger`, ledgerListSchema);
    const l1 = seen.y1Ledger;

    // 申请销号 in the pane (东山村, 红星), 销号 by the county.
    await act(Y1, item(l1, '东山村党支部').id, { action: 'request', progress: '活动室已改造完成', completedOn: '2025年6月28日' }, st.township(DS.id, Y1));
    await act(Y1, item(l1, '东山村党支部').id, { action: 'confirm', comment: '经核实，同意销号' });
    await act(Y1, item(l1, '红星机械厂党支部').id, { action: 'request', progress: '发展党员2名', completedOn: '2025-11-30' }, st.township(DS.id, Y1));
    await act(Y1, item(l1, '红星机械厂党支部').id, { action: 'confirm' });
    // 西山镇 asks for 销号 of 班子不健全 in its pre-filled sheet, re-uploaded; the county confirms.
    const banzi = item(l1, '南湖村党支部', '班子不健全').id;
    const again = await upload(st, Y1, XS, await townshipBook(st, Y1, XS, Y1_ROWS.xishan ?? [], [], [{ itemId: banzi, requestClose: '是', status: '已配齐村两委班子', completedOn: '2025-06-20' }]));
    expect(again.status).toBe(201);
    await act(Y1, banzi, { action: 'confirm' });
    seen.y1End = await get(`/campaigns/${Y1}/ledger`, ledgerListSchema);

    // ── Year 2: refused until the county decides, proposal, then created ─────────────────────
    const body2 = { id: Y2, year: 2026, county: '青山县', deadline: '2026-04-25', townships: [{ name: '东山镇' }, { name: '西山镇' }], roster: Y2_ROSTER, previousId: Y1 };
    const refused = await st.call('POST', '/campaigns', { token: county(), json: body2 });
    const e = errorBodySchema.parse(await refused.json()).error;
    seen.refusedY2 = { status: refused.status, message: e.message, issues: (e.issues ?? []).map((i) => i.message) };
    const p = await st.call('POST', '/roster/reconcile', { token: county(), json: body2 });
    expect(p.status).toBe(200);
    seen.proposal = rosterProposalSchema.parse(await p.json());
    const c2 = await st.call('POST', '/campaigns', { token: county(), json: { ...body2, decisions: seen.proposal.defaults } });
    expect([c2.status, c2.status === 201 ? '' : JSON.stringify(await c2.clone().json())]).toEqual([201, '']);
    expect(campaignDetailSchema.parse(await c2.json())).toMatchObject({ id: Y2, kind: 'grading', previousId: Y1, townships: [DS, XS] });

    // Year-2 uploads: 西山镇 from its template pre-filled with its open items (南湖村's second,
    // 北岭村's blank one), asking 销号 of 经费保障不足 in the sheet.
    const tpl = await st.call('GET', `/campaigns/${Y2}/townships/${XS.id}/template`, { token: st.township(XS.id, Y2) });
    seen.y2Template = await loadWorkbookBytes(new Uint8Array(await tpl.arrayBuffer()));
    const jingfei = item(seen.y1End, '南湖村党支部', '经费保障不足').id;
    const uploads: Array<[{ id: string; name: string }, Uint8Array]> = [
      [DS, await townshipBook(st, Y2, DS, Y2_ROWS.dongshan ?? [], [line('東山村黨支部', '村务公开不及时', '2026-06-30'), line('新光物流有限公司党支部', '未建活动阵地', '2026-09-30')])],
      [XS, await townshipBook(st, Y2, XS, Y2_ROWS.xishan ?? [], [line('南湖村党支部', '集体经济薄弱', '2026-10-31')], [{ itemId: jingfei, requestClose: '是', status: '已落实村级组织运转经费', completedOn: '2026-03-20' }])],
    ];
    for (const [t, bytes] of uploads) {
      const r = await upload(st, Y2, t, bytes);
      expect([t.id, r.status, r.status === 201 ? '' : JSON.stringify(await r.clone().json())]).toEqual([t.id, 201, '']);
      seen.y2Receipts[t.id] = receiptSchema.parse(await r.json());
    }
    await act(Y2, jingfei, { action: 'confirm', comment: '经费已到位' });
    seen.y2Ledger = await get(`/campaigns/${Y2}/ledger`, ledgerListSchema);
    seen.targets = await get(`/campaigns/${Y2}/targets`, targetsSchema);

    // ── 回头看 of year 2 ───────────────────────────────────────────────────────────────────────
    const lb = await st.call('POST', '/campaigns', { token: county(), json: { id: LB, kind: 'lookback', reviewsId: Y2, year: 2026, county: '青山县', deadline: '2026-11-30', townships: [{ name: '东山镇' }, { name: '西山镇' }] } });
    expect([lb.status, lb.status === 201 ? '' : JSON.stringify(await lb.clone().json())]).toEqual([201, '']);
    const lbt = await st.call('GET', `/campaigns/${LB}/townships/${XS.id}/template`, { token: st.township(XS.id, LB) });
    seen.lbTemplate = await loadWorkbookBytes(new Uint8Array(await lbt.arrayBuffer()));
    seen.lbTemplateFile = decodeURIComponent(/filename\*=UTF-8''(.*)$/.exec(lbt.headers.get('Content-Disposition') ?? '')?.[1] ?? '');
    for (const t of [DS, XS]) {
      const book = await townshipBook(st, LB, t, LB_ROWS[t.id] ?? []);
      const before = itemListings;
      const r = await upload(st, LB, t, book);
      seen.lbListings.push(itemListings - before);
      expect([t.id, r.status, r.status === 201 ? '' : JSON.stringify(await r.clone().json())]).toEqual([t.id, 201, '']);
      if (t === XS) seen.lbReceipt = receiptSchema.parse(await r.json());
    }
    seen.lookback = await get(`/campaigns/${LB}/lookback`, lookbackSchema);
  }, 240_000);

  it('year 1: an item per ledger line, a blank one (with a warning instead of the reader’s) for 北岭村', () => {
    const l = seen.y1Ledger as LedgerList;
    expect(l.items.map((i) => [i.townshipName, i.orgName, i.gradeLabel, i.matter, i.deadlineText, i.statusLabel])).toEqual([
      ['东山镇', '东山村党支部', '较差', '活动阵地简陋', '2025-06-30', '整改中'],
      ['东山镇', '西河村党支部', '一般', '组织生活不规范', '2025年9月底', '整改中'],
      ['东山镇', '红星机械厂党支部', '一般', '党员发展停滞', '2025-12-31', '整改中'],
      ['西山镇', '南湖村党支部', '较差', '班子不健全', '2025-06-30', '整改中'],
      ['西山镇', '南湖村党支部', '较差', '经费保障不足', '2025-08-31', '整改中'],
      ['西山镇', '北岭村党支部', '一般', '', '', '整改中'],
    ]);
    const xs = seen.y1Receipts.xishan as Receipt;
    expect(xs.warnings.filter((w) => w.code === 'LEDGER_ITEM_MISSING').map((w) => w.message)).toEqual([
      expect.stringMatching(/^工作表“分类定级情况一览表”B\d+ 单元格：“北岭村党支部”定为“一般”，整改台账中没有它的整改事项，已建立一条待填写的整改记录$/),
    ]);
    expect(xs.warnings.filter((w) => w.code === 'RECT_MISSING')).toEqual([]);
    // Overdue today: the dated items still being rectified whose day has passed (counted here).
    const due = l.items.filter((i) => i.deadline !== null && Date.parse(`${i.deadline}T23:59:59.999+08:00`) < Date.now()).length;
    expect(l.counts.overdue).toBe(due);
    expect(l.issues.map((i) => i.code)).toEqual(Array(due).fill('LEDGER_OVERDUE'));
  });

  it('year 1: 申请销号 in the pane and in a re-uploaded sheet, each confirmed; every change in the item’s history', () => {
    const l = seen.y1End as LedgerList;
    expect(l.items.map((i) => [i.orgName, i.matter, i.status, i.completedOn])).toEqual([
      ['东山村党支部', '活动阵地简陋', 'closed', '2025-06-28'],
      ['西河村党支部', '组织生活不规范', 'open', null],
      ['红星机械厂党支部', '党员发展停滞', 'closed', '2025-11-30'],
      ['南湖村党支部', '班子不健全', 'closed', '2025-06-20'],
      ['南湖村党支部', '经费保障不足', 'open', null],
      ['北岭村党支部', '', 'open', null],
    ]);
    expect(item(l, '南湖村党支部', '班子不健全').history.map((e) => [e.action, e.by.role, e.to])).toEqual([
      ['create', 'township', 'open'],
      ['edit', 'township', 'open'],
      ['request', 'township', 'requested'],
      ['confirm', 'county', 'closed'],
    ]);
    expect(item(l, '南湖村党支部', '班子不健全').progress).toBe('已配齐村两委班子');
  });

  it('year 2 is refused until the county decides, naming each organization', () => {
    expect(seen.refusedY2?.status).toBe(422);
    expect(seen.refusedY2?.message).toMatch(/^党组织名册中还有 3 处需要县委组织部确认/);
    expect(seen.refusedY2?.issues).toEqual([
      '“东山镇中心小学党支部”同时列在东山镇、西山镇的名册中，请确定它归属哪个乡镇（街道），或确认是同名的不同党组织',
      '上一年度的“西河村党支部”（东山镇）不在今年的名册中，请确认它已撤销、已更名或已合并',
      '上一年度的“红星机械厂党支部”（东山镇）不在今年的名册中，请确认它已撤销、已更名或已合并',
    ]);
  });

  it('year 2: the proposal — matched, new, missing, a rename by similarity, a name listed twice — and its pre-ticked decisions', () => {
    const p = seen.proposal as RosterProposalData;
    const ids = Object.fromEntries((seen.y1End as LedgerList).items.map((i) => [i.orgName, i.orgId]));
    expect(p.townships).toEqual([DS, XS]);
    expect(p.matched.map((m) => [m.previousName, m.by, m.changes])).toEqual([
      ['东山村党支部', 'name', []],
      ['西山社区党支部', 'name', []],
      ['南湖村党支部', 'name', []],
      ['北岭村党支部', 'name', []],
    ]);
    expect(p.created).toEqual(['dongshan|红星机械有限公司党支部', 'dongshan|新光物流有限公司党支部']);
    expect(p.missing.map((m) => m.name)).toEqual(['西河村党支部', '红星机械厂党支部']);
    expect(p.renames.map((r) => [r.fromName, r.toName, r.score])).toEqual([['红星机械厂党支部', '红星机械有限公司党支部', 1]]);
    expect(p.twice.map((t) => [t.name, t.townshipIds, t.suggestedTownshipId])).toEqual([['东山镇中心小学党支部', ['dongshan', 'xishan'], 'dongshan']]);
    expect(p.defaults).toEqual([
      { kind: 'rename', fromId: ids['红星机械厂党支部'], to: { townshipId: 'dongshan', name: '红星机械有限公司党支部' } },
      { kind: 'assign', name: '东山镇中心小学党支部', townshipId: 'dongshan' },
      { kind: 'dissolve', id: ids['西河村党支部'] },
    ]);
    expect(p.defaultsIssues).toEqual([]);
  });

  it('year 2: organizations keep their ids across the rename; history records what happened', async () => {
    const orgs = (await get(`/campaigns/${Y2}/orgs`, campaignOrgsSchema)).orgs;
    const y1 = Object.fromEntries((seen.y1End as LedgerList).items.map((i) => [i.orgName, i.orgId]));
    const byName = (n: string) => orgs.find((x) => x.name === n);
    expect(byName('红星机械有限公司党支部')).toMatchObject({ id: y1['红星机械厂党支部'], status: 'active', townshipId: 'dongshan' });
    expect(byName('红星机械有限公司党支部')?.history.map((h) => h.kind)).toEqual(['created', 'renamed']);
    expect(byName('西河村党支部')).toMatchObject({ status: 'dissolved', lastCampaignId: Y2 });
    expect(byName('新光物流有限公司党支部')?.history).toEqual([{ kind: 'created', campaignId: Y2, on: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) }]);
    expect(orgs.filter((x) => x.name === '东山镇中心小学党支部').map((x) => [x.townshipId, x.status])).toEqual([['dongshan', 'active']]);
    expect(orgs.filter((x) => x.status === 'active')).toHaveLength(7);
    // A township sees its own active organizations only.
    const mine = (await get(`/campaigns/${Y2}/orgs`, campaignOrgsSchema, st.township(XS.id, Y2))).orgs;
    expect(mine.map((x) => x.name)).toEqual(['西山社区党支部', '南湖村党支部', '北岭村党支部']);
  });

  it('year 2: 西山镇’s template comes pre-filled with its open items, 台账编号 and all', () => {
    const ws = sheet(seen.y2Template as ExcelJS.Workbook, '整改台账');
    const y1 = seen.y1End as LedgerList;
    const header = rowValues(ws, 3);
    expect(header).toEqual(['序号', '党组织名称', '等次', '主要问题', '整改措施', '责任人', '完成时限', '完成情况', '申请销号', '完成日期', '台账状态', '挂点领导', '联络员', '台账编号']);
    expect([rowValues(ws, 4), rowValues(ws, 5)].map((v) => [v[0], v[1], v[2], v[3], v[6], v[10], v[13]])).toEqual([
      [1, '南湖村党支部', '较差', '经费保障不足', '2025-08-31', '整改中', item(y1, '南湖村党支部', '经费保障不足').id],
      [2, '北岭村党支部', '一般', undefined, undefined, '整改中', item(y1, '北岭村党支部').id],
    ]);
    expect(rowValues(ws, 6)[1]).toBeUndefined();
  });

  it('year 2: items followed the roster (renamed, 已撤销), 复号 of 东山村 graded 较差 again, requests confirmed', () => {
    const l = seen.y2Ledger as LedgerList;
    expect(l.items.map((i) => [i.townshipName, i.orgName, i.matter, i.statusLabel])).toEqual([
      ['东山镇', '东山村党支部', '活动阵地简陋', '已复号'],
      ['东山镇', '东山村党支部', '村务公开不及时', '整改中'],
      ['东山镇', '红星机械有限公司党支部', '党员发展停滞', '已销号'],
      ['东山镇', '新光物流有限公司党支部', '未建活动阵地', '整改中'],
      ['东山镇', '西河村党支部', '组织生活不规范', '已撤销'],
      // 班子不健全, 销号 in year 1 and untouched since, is year 1's (as in year 2's workbook).
      ['西山镇', '南湖村党支部', '经费保障不足', '已销号'],
      ['西山镇', '南湖村党支部', '集体经济薄弱', '整改中'],
      ['西山镇', '北岭村党支部', '', '整改中'],
    ]);
    expect(item(l, '东山村党支部', '活动阵地简陋').history.at(-1)).toMatchObject({ action: 'autoReopen', by: { role: 'system' }, from: 'closed', to: 'reopened', campaignId: Y2, comment: '再次定为“较差”，自动复号' });
    expect(item(l, '西河村党支部').history.at(-1)).toMatchObject({ action: 'void', comment: '党组织已撤销', campaignId: Y2 });
    expect((seen.y2Receipts.dongshan as Receipt).warnings.filter((w) => w.code === 'LEDGER_REOPENED_POOR').map((w) => w.message)).toEqual([
      expect.stringMatching(/“东山村党支部”再次定为“较差”，已销号的整改事项“活动阵地简陋”自动复号$/),
    ]);
  });

  it('year 2: targets per township and county match a count made from the rows filled in', () => {
    const t = seen.targets as Targets;
    // Independent count: last year's grade and this year's by name, through the rename, without the dissolved.
    const grade = (total: number) => (total >= 90 ? 0 : total >= 80 ? 1 : total >= 60 ? 2 : 3);
    const renamed: Record<string, string> = { 红星机械厂党支部: '红星机械有限公司党支部', 东山村党支部: '東山村黨支部' };
    const dissolved = new Set(['西河村党支部']);
    const now = new Map(Object.values(Y2_ROWS).flat().map((x) => [x.name, grade(x.total)]));
    const count = (township: string | null, before: number) => {
      const mine = Object.entries(Y1_ROWS).flatMap(([t2, rows]) => (township === null || t2 === township ? rows : [])).filter((x) => grade(x.total) === before && !dissolved.has(x.name));
      const moved = mine.filter((x) => (now.get(renamed[x.name] ?? x.name) ?? before) < before).length;
      return [mine.length, moved];
    };
    for (const scope of [t.county, ...t.townships]) {
      for (const [labelText, g] of [['较差', 3], ['一般', 2]] as const) {
        const l = scope.lines.find((x) => x.gradeLabel === labelText);
        expect([scope.label, labelText, l?.base, l?.movedUp]).toEqual([scope.label, labelText, ...count(scope.townshipId, g)]);
      }
    }
    expect(t.county.lines.map((l) => [l.gradeLabel, l.base, l.movedUp, l.target, l.met, l.needed])).toEqual([
      ['较差', 2, 1, 1, false, 1],
      ['一般', 2, 1, 0.3, true, 0],
    ]);
    expect(t.townships.map((s) => s.label)).toEqual(['东山镇', '西山镇']);
    expect(t.complete).toBe(true);
  });

  it('回头看: an upload lists the county’s ledger once (its check); the sync and the receipt’s flags work on what it read', () => {
    expect(seen.lbListings).toEqual([1, 1]);
  });

  it('回头看: the township’s template names the 回头看 in its file name and every title (it is stamped and filed beside the grading’s)', () => {
    expect(seen.lbTemplateFile).toBe('2026年度西山镇分类定级回头看情况一览表.xlsx');
    const wb = seen.lbTemplate as ExcelJS.Workbook;
    const titles = wb.worksheets.filter((w) => w.state === 'visible').map((w) => String(rowValues(w, 1)[0]));
    expect(titles).toEqual(['青山县西山镇2026年度基层党组织分类定级回头看情况一览表', '西山镇2026年度基层党组织分类定级回头看情况汇总表', '西山镇2026年度分类定级回头看一般、较差基层党组织整改台账']);
  });

  it('回头看: the template shows the original rows; the regrade lowers 西山社区 and flags 北岭村’s upgrade', () => {
    const ws = sheet(seen.lbTemplate as ExcelJS.Workbook, '分类定级情况一览表');
    const names: unknown[] = [];
    for (let r = 5; r <= 7; r++) names.push(rowValues(ws, r)[1]);
    expect(names).toEqual(['西山社区党支部', '南湖村党支部', '北岭村党支部']);
    // The original grades stand in the sheet (the 等次 formula's cached result) until the clerk changes a score.
    const gradeCol = rowValues(ws, 3).indexOf('等次');
    expect([5, 6, 7].map((r) => (rowValues(ws, r)[gradeCol] as { result?: unknown }).result)).toEqual(['好', '一般', '一般']);
    const lb = seen.lookback as Lookback;
    expect(lb.rows.filter((r) => r.move !== 'same').map((r) => [r.townshipName, r.name, r.beforeLabel, r.afterLabel, r.move, r.flagged, r.unclosed])).toEqual([
      ['西山镇', '西山社区党支部', '好', '较好', 'down', false, 0],
      ['西山镇', '北岭村党支部', '一般', '较好', 'up', true, 1],
    ]);
    expect(lb.rows).toHaveLength(7);
    expect((seen.lbReceipt as Receipt).warnings.filter((w) => w.code.startsWith('LOOKBACK_')).map((w) => [w.code, w.message])).toEqual([
      ['LOOKBACK_DOWNGRADED', expect.stringMatching(/“西山社区党支部”回头看由“好”调整为“较好”$/)],
      ['LOOKBACK_UPGRADE_NO_EFFECT', expect.stringMatching(/“北岭村党支部”由“一般”升为“较好”，但还有 1 项整改事项未销号：整改成效不显著的不得晋位升级/)],
    ]);
  });

  describe('the consolidated workbooks', () => {
    it('year 2: 整改台账（销号情况）, 晋位升级情况 and 未晋位升级名单 after the usual forms', async () => {
      const wb = await consolidated(Y2);
      expect(wb.worksheets.map((w) => w.name).slice(-4)).toEqual(['重复上报', '整改台账（销号情况）', '晋位升级情况', '未晋位升级名单']);
      const rows = numbered(sheet(wb, '整改台账（销号情况）'));
      // Items of year 2: opened by it, still open, or changed in its course (南湖村 班子不健全 was closed in year 1: not here).
      expect(rows.map((r) => [r[1], r[2], r[3], r[4], r[7], r[11], r[12]])).toEqual([
        ['东山镇', '东山村党支部', '较差', '活动阵地简陋', '2025-06-30', expect.stringMatching(/^已复号/), undefined],
        ['东山镇', '东山村党支部', '较差', '村务公开不及时', '2026-06-30', expect.stringMatching(/^整改中/), undefined],
        ['东山镇', '红星机械有限公司党支部', '一般', '党员发展停滞', '2025-12-31', '已销号', expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/)],
        ['东山镇', '新光物流有限公司党支部', '一般', '未建活动阵地', '2026-09-30', expect.stringMatching(/^整改中/), undefined],
        ['东山镇', '西河村党支部', '一般', '组织生活不规范', '2025年9月底', '已撤销', undefined],
        ['西山镇', '南湖村党支部', '较差', '经费保障不足', '2025-08-31', '已销号', expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/)],
        ['西山镇', '南湖村党支部', '一般', '集体经济薄弱', '2026-10-31', expect.stringMatching(/^整改中/), undefined],
        ['西山镇', '北岭村党支部', '一般', undefined, undefined, '整改中', undefined],
      ]);
      // The page's list (the API) is the same set, line for line: the county compares the two.
      const listed = await get(`/campaigns/${Y2}/ledger`, ledgerListSchema);
      expect(listed.items.map((i) => [i.townshipName, i.orgName, i.matter || undefined])).toEqual(rows.map((r) => [r[1], r[2], r[4]]));
      const t = sheet(wb, '晋位升级情况');
      const trow = (scope: string, g: string) => {
        for (let r = 1; r <= t.rowCount; r++) {
          const v = rowValues(t, r);
          if (v[0] === scope && v[1] === g) return v;
        }
        throw new Error(`no row ${scope} ${g}`);
      };
      expect(trow('东山镇', '较差').slice(0, 8)).toEqual(['东山镇', '较差', 1, 0, 0, 1, '否', 1]);
      expect(trow('东山镇', '一般')).toEqual(['东山镇', '一般', 1, 1, 1, 0.3, '是', 0, '另有 1 个已撤销，不计入']);
      expect(trow('西山镇', '较差').slice(0, 8)).toEqual(['西山镇', '较差', 1, 1, 1, 1, '是', 0]);
      expect(trow('西山镇', '一般').slice(0, 8)).toEqual(['西山镇', '一般', 1, 0, 0, 0.3, '否', 1]);
      expect(trow('青山县', '较差').slice(0, 8)).toEqual(['青山县', '较差', 2, 1, 0.5, 1, '否', 1]);
      expect(trow('青山县', '一般')).toEqual(['青山县', '一般', 2, 1, 0.5, 0.3, '是', 0, '另有 1 个已撤销，不计入']);
      expect(numbered(sheet(wb, '未晋位升级名单')).map((r) => r.slice(1))).toEqual([
        ['东山镇', '东山村党支部', undefined, '较差', '较差', '未晋位升级'],
        ['西山镇', '北岭村党支部', undefined, '一般', '一般', '未晋位升级'],
        ['东山镇', '西河村党支部', undefined, '一般', undefined, '已撤销，不计入'],
      ]);
    });

    it('回头看: 回头看调整情况 shows every organization before and after, with the flag', async () => {
      const wb = await consolidated(LB);
      expect(wb.worksheets.map((w) => w.name).at(-1)).toBe('回头看调整情况');
      expect(numbered(sheet(wb, '回头看调整情况')).map((r) => r.slice(1))).toEqual([
        ['东山镇', '东山村党支部', '较差', '较差', '不变', undefined],
        ['东山镇', '红星机械有限公司党支部', '较好', '较好', '不变', undefined],
        ['东山镇', '东山镇中心小学党支部', '好', '好', '不变', undefined],
        ['东山镇', '新光物流有限公司党支部', '一般', '一般', '不变', undefined],
        ['西山镇', '西山社区党支部', '好', '较好', '降级', undefined],
        ['西山镇', '南湖村党支部', '一般', '一般', '不变', undefined],
        ['西山镇', '北岭村党支部', '一般', '较好', '晋位', '1 项整改事项未销号，成效不显著不得晋位升级'],
      ]);
    });

    it('回头看: every title and the file name say 回头看; the grading’s keep theirs', async () => {
      const get = async (c: string) => {
        const r = await st.call('GET', `/campaigns/${c}/consolidated`, { token: county() });
        const wb = await loadWorkbookBytes(new Uint8Array(await r.arrayBuffer()));
        return { file: decodeURIComponent(/filename\*=UTF-8''(.*)$/.exec(r.headers.get('Content-Disposition') ?? '')?.[1] ?? ''), titles: wb.worksheets.map((ws) => String(rowValues(ws, 1)[0])) };
      };
      const lb = await get(LB);
      expect(lb.file).toBe('青山县2026年度基层党组织分类定级回头看汇总表.xlsx');
      expect(lb.titles[0]).toBe('青山县2026年度基层党组织分类定级回头看情况汇总表');
      expect(lb.titles.filter((t) => !t.includes('回头看'))).toEqual([]);
      const y2 = await get(Y2);
      expect(y2.file).toBe('青山县2026年度基层党组织分类定级汇总表.xlsx');
      expect(y2.titles[0]).toBe('青山县2026年度基层党组织分类定级情况汇总表');
      expect(y2.titles.filter((t) => t.includes('回头看'))).toEqual([]);
      // No title of the 回头看's workbook is one of the grading's.
      expect(lb.titles.filter((t) => y2.titles.includes(t))).toEqual([]);
    });

    it('a campaign without a roster has none of the year-after sheets', async () => {
      const c = `plain-${run}`;
      expect((await st.call('POST', '/campaigns', { token: county(), json: { id: c, year: 2026, county: '青山县', deadline: '2099-04-25', townships: [DS] } })).status).toBe(201);
      const wb = await consolidated(c);
      expect(wb.worksheets.map((w) => w.name)).toEqual(['汇总表', '汇总表（按类别）', '明细表', '较差名单', '较差状况明细表', '好等次名单', '整改台账', '比例检查', '报送情况', '重复上报']);
    });

    it('回头看 of one township: its workbook lists that township’s items only', async () => {
      const c = `lb-xs-${run}`;
      const made = await st.call('POST', '/campaigns', { token: county(), json: { id: c, kind: 'lookback', reviewsId: Y2, year: 2026, county: '青山县', deadline: '2026-11-30', townships: [{ name: '西山镇' }] } });
      expect(made.status).toBe(201);
      // 东山镇's items are in the grading's workbook (here they printed as “dongshan”); 经费保障不足 was 销号 before the 回头看.
      expect(numbered(sheet(await consolidated(c), '整改台账（销号情况）')).map((x) => [x[1], x[2], x[4]])).toEqual([
        ['西山镇', '南湖村党支部', '集体经济薄弱'],
        ['西山镇', '北岭村党支部', undefined],
      ]);
    });

    // It dissolves 西山镇's organizations (and voids their items): the tests above have read what they need.
    it('a township dropped the year after: the items its organizations left behind print under its name, not its id', async () => {
      const c = `y3-${run}`;
      const body = { id: c, year: 2027, county: '青山县', deadline: '2027-04-25', townships: [{ name: '东山镇' }], previousId: Y2 };
      const p = await st.call('POST', '/roster/reconcile', { token: county(), json: body });
      expect(p.status).toBe(200);
      const proposal = rosterProposalSchema.parse(await p.json());
      // 西山镇's organizations are missing: the proposal names their township (the pane showed “xishan”).
      const named = new Map([...proposal.townships, ...proposal.previousTownships].map((t) => [t.id, t.name]));
      expect([...new Set(proposal.missing.map((m) => named.get(m.townshipId) ?? m.townshipId))]).toEqual(['西山镇']);
      const made = await st.call('POST', '/campaigns', { token: county(), json: { ...body, decisions: proposal.defaults } });
      expect([made.status, made.status === 201 ? '' : JSON.stringify(await made.clone().json())]).toEqual([201, '']);
      const rows = numbered(sheet(await consolidated(c), '整改台账（销号情况）'));
      const of = (org: string) => rows.filter((x) => x[2] === org).map((x) => [x[1], x[11]]);
      expect(of('北岭村党支部')).toEqual([['西山镇', '已撤销']]);
      expect(rows.map((x) => x[1]).filter((t) => t !== '东山镇' && t !== '西山镇')).toEqual([]);
      // The ledger's API view names it too (it showed the id “xishan”).
      const list = await get(`/campaigns/${c}/ledger`, ledgerListSchema);
      expect(list.items.filter((i) => i.orgName === '北岭村党支部').map((i) => [i.townshipId, i.townshipName])).toEqual([[XS.id, '西山镇']]);
      expect(list.items.map((i) => i.townshipName).filter((t) => t !== '东山镇' && t !== '西山镇')).toEqual([]);
    });

    // Last: LibreOffice runs synchronously and holds this process (and its in-process server) for
    // seconds, after which a kept-alive connection of a later request would be reset.
    (canPrint ? it : it.skip)('the year-after sheets print on A4, one table wide, header and 第 N 页 on every page', async () => {
      const bytes = async (c: string) => new Uint8Array(await (await st.call('GET', `/campaigns/${c}/consolidated`, { token: county() })).arrayBuffer());
      const { ledger, targets, notMoved, lookback } = YEAR_AFTER_SHEETS;
      const p = await print({ 'year-after-y2': await bytes(Y2), 'year-after-lookback': await bytes(LB) }, false, [ledger, targets, notMoved, lookback]);
      const ctx: FormContext = { scheme: defaultScheme, county: '青山县', year: 2026, townships: [DS.name, XS.name], generatedAt: '2026-04-25 00:00' };
      const y2 = p['year-after-y2'] as Printed;
      expect([...y2.sheets.keys()]).toEqual([ledger, targets, notMoved]);
      for (const def of [ledgerStatusForm(ctx, [], 0), targetsForm(ctx, 2025, false), notMovedForm(ctx)]) expectPrintsWell(y2, def);
      expectPrintsWell(p['year-after-lookback'] as Printed, lookbackForm(ctx, 2026));
      // Every number printed whole: a 100 % target printed ### in a column too narrow for 100.0%.
      for (const [name, sh] of [...y2.sheets, ...(p['year-after-lookback'] as Printed).sheets]) expect([name, pageText(sh.pdf, 1).includes('###')]).toEqual([name, false]);
      expect(pageText(y2.sheets.get(targets)?.pdf ?? '', 1)).toMatch(/较差\s+1\s+0\s+0\.0%\s+100\.0%/);
      // Each fits on one page here: a county of two townships has a few rows.
      expect([...y2.sheets.values()].map((x) => x.pages.length)).toEqual([1, 1, 1]);
    }, 240_000);
  });
});
