// The ledger over HTTP: who may take which step of an item (the state machine's refusals as
// 403 / 409 / 422 with the organization named), the township's own list against the county's,
// filters, the county's 挂点领导/联络员 shown in the township's next template, and an upload's
// ledger lines refused at their cells before anything is stored.
import type { ErrorBody } from '../../../shared/api/contract';
import { errorBodySchema, ledgerActionResultSchema, ledgerListSchema, townshipStatusSchema, type LedgerList } from '../../../shared/api/contract';
import { listLedgerAudit } from '../../../functions/src/storage/ledger-items';
import { startStack, type Stack } from '../stack';
import { loadWorkbookBytes, rowValues } from '../xlsx';
import { AVERAGE, FAIR, POOR, line, townshipBook, upload, type Org } from './fixture';

let st: Stack;
beforeAll(async () => {
  st = await startStack();
}, 60_000);
afterAll(() => st?.stop());

const DS = { id: 'dongshan', name: '东山镇' };
const XH = { id: 'xihe', name: '西河乡' };
const ROWS: Record<string, Org[]> = {
  dongshan: [
    { name: '东山村党支部', category: '村', total: POOR },
    { name: '红星机械厂党支部', category: '非公有制经济组织', total: FAIR },
  ],
  xihe: [{ name: '上塘村党支部', category: '村', total: AVERAGE }],
};
let n = 0;

/** A campaign of its own, both townships uploaded: 东山村 (较差) with one line, 上塘村 (一般) with one. */
async function graded(): Promise<{ c: string; ledger: LedgerList }> {
  const c = `a${++n}-${process.pid}`;
  const roster = Object.fromEntries(Object.entries(ROWS).map(([t, orgs]) => [t, orgs.map((o) => ({ name: o.name, category: o.category }))]));
  expect((await st.call('POST', '/campaigns', { token: st.county(), json: { id: c, year: 2026, county: '青山县', deadline: '2099-04-25', townships: [DS, XH], roster } })).status).toBe(201);
  expect((await upload(st, c, DS, await townshipBook(st, c, DS, ROWS.dongshan ?? [], [line('东山村党支部', '活动阵地简陋', '2026-06-30')]))).status).toBe(201);
  expect((await upload(st, c, XH, await townshipBook(st, c, XH, ROWS.xihe ?? [], [line('上塘村党支部', '组织生活不规范', '2099-12-31')]))).status).toBe(201);
  const ledger = ledgerListSchema.parse(await (await st.call('GET', `/campaigns/${c}/ledger`, { token: st.county() })).json());
  // Each campaign here has a roster of its own: its organizations, and so its items, are its own.
  expect(ledger.items.every((i) => i.campaignId === c)).toBe(true);
  return { c, ledger };
}
const idOf = (l: LedgerList, org: string) => l.items.find((i) => i.orgName === org)?.id ?? '';
const post = (c: string, id: string, json: unknown, token: string) => st.call('POST', `/campaigns/${c}/ledger/${id}`, { token, json });
const refusal = async (r: Response): Promise<[number, ErrorBody['error']['code'], string]> => {
  const e = errorBodySchema.parse(await r.json()).error;
  return [r.status, e.code, e.message];
};

describe('who may take which step', () => {
  type Case = [string, 'county' | 'dongshan' | 'xihe', string, unknown, number, string, string];
  test.each<Case>([
    ['a township confirming its own request', 'dongshan', '东山村党支部', { action: 'confirm' }, 403, 'LEDGER_FORBIDDEN_ROLE', '“东山村党支部”的整改事项只能由县委组织部销号'],
    ['a township asking 销号 of another township’s item', 'xihe', '东山村党支部', { action: 'request', progress: '已完成', completedOn: '2026-05-01' }, 403, 'LEDGER_OTHER_TOWNSHIP', '“东山村党支部”不属于本乡镇（街道），不能修改它的整改事项'],
    ['a township setting the county’s 挂点领导', 'dongshan', '东山村党支部', { action: 'edit', fields: { leader: '赵副县长' } }, 403, 'LEDGER_FORBIDDEN_ROLE', '“东山村党支部”的整改事项只能由县委组织部填写“挂点领导”'],
    ['the county confirming what nobody asked for', 'county', '东山村党支部', { action: 'confirm' }, 409, 'LEDGER_BAD_TRANSITION', '“东山村党支部”的整改事项当前为“整改中”，不能销号'],
    ['the county reopening an item not 销号', 'county', '东山村党支部', { action: 'reopen', comment: '反弹' }, 409, 'LEDGER_BAD_TRANSITION', '“东山村党支部”的整改事项当前为“整改中”，不能复号'],
    ['a request without its date', 'dongshan', '东山村党支部', { action: 'request', progress: '已完成', completedOn: '' }, 422, 'LEDGER_REQUEST_NO_DATE', '“东山村党支部”申请销号须填写完成日期'],
    ['a request with an impossible date', 'dongshan', '东山村党支部', { action: 'request', progress: '已完成', completedOn: '2026-02-30' }, 422, 'LEDGER_REQUEST_NO_DATE', '“东山村党支部”申请销号的完成日期“2026-02-30”不是有效的日期，请写成 2026-06-30 或 2026年6月30日'],
    ['an item that does not exist', 'county', '', { action: 'confirm' }, 404, 'LEDGER_ITEM_NOT_FOUND', '整改台账中没有编号为“l-none”的整改事项'],
  ])('%s: refused, nothing changed', async (_what, who, org, json, status, code, message) => {
    const { c, ledger } = await graded();
    const token = who === 'county' ? st.county() : st.township(who, c);
    const id = org ? idOf(ledger, org) : 'l-none';
    const before = (await listLedgerAudit(st.store(), 'qingshan')).length;
    expect(await refusal(await post(c, id, json, token))).toEqual([status, code, message]);
    expect((await listLedgerAudit(st.store(), 'qingshan')).length).toBe(before);
  });

  test('a request dated after today (Beijing): 422 naming the date and today, nothing changed', async () => {
    const { c, ledger } = await graded();
    const before = (await listLedgerAudit(st.store(), 'qingshan')).length;
    const [status, code, message] = await refusal(await post(c, idOf(ledger, '东山村党支部'), { action: 'request', progress: '已完成', completedOn: '2099年1月1日' }, st.township(DS.id, c)));
    expect([status, code]).toEqual([422, 'LEDGER_REQUEST_DATE_FUTURE']);
    expect(message).toMatch(/^“东山村党支部”申请销号的完成日期 2099-01-01 晚于今天（\d{4}-\d{2}-\d{2}），请填写已经完成整改的日期$/);
    expect((await listLedgerAudit(st.store(), 'qingshan')).length).toBe(before);
  });

  test('退回 needs a comment; with one, the item is being rectified again and the township may ask again', async () => {
    const { c, ledger } = await graded();
    const id = idOf(ledger, '东山村党支部');
    expect((await post(c, id, { action: 'request', progress: '活动室已改造', completedOn: '2026年5月1日' }, st.township(DS.id, c))).status).toBe(200);
    expect(await refusal(await post(c, id, { action: 'reject' }, st.county()))).toEqual([422, 'LEDGER_COMMENT_REQUIRED', '退回“东山村党支部”的整改事项须填写意见']);
    const back = ledgerActionResultSchema.parse(await (await post(c, id, { action: 'reject', comment: '照片不全，请补充' }, st.county())).json());
    expect([back.changed, back.item.status, back.item.statusLabel, back.item.completedOn, back.item.history.at(-1)?.comment]).toEqual([true, 'open', '整改中', null, '照片不全，请补充']);
    const again = ledgerActionResultSchema.parse(await (await post(c, id, { action: 'request', completedOn: '2026-05-03' }, st.township(DS.id, c))).json());
    expect([again.item.status, again.item.progress, again.item.completedOn]).toEqual(['requested', '活动室已改造', '2026-05-03']);
  });

  test('销号, then 复号 by the county with its reason; each step one audit entry', async () => {
    const { c, ledger } = await graded();
    const id = idOf(ledger, '东山村党支部');
    const before = (await listLedgerAudit(st.store(), 'qingshan')).filter((e) => e.itemId === id).length;
    await post(c, id, { action: 'request', progress: '已完成', completedOn: '2026-05-01' }, st.township(DS.id, c));
    await post(c, id, { action: 'confirm', comment: '同意' }, st.county());
    const r = ledgerActionResultSchema.parse(await (await post(c, id, { action: 'reopen', comment: '回访发现阵地又被挪用' }, st.county())).json());
    expect([r.item.status, r.item.statusLabel]).toEqual(['reopened', '已复号']);
    const mine = (await listLedgerAudit(st.store(), 'qingshan')).filter((e) => e.itemId === id);
    expect(mine.slice(before).map((e) => [e.action, e.by.role, e.to])).toEqual([
      ['request', 'township', 'requested'],
      ['confirm', 'county', 'closed'],
      ['reopen', 'county', 'reopened'],
    ]);
  });

  test('two county clerks at once on one request, 销号 and 退回: one is taken, the other told what it found', async () => {
    const { c, ledger } = await graded();
    const id = idOf(ledger, '东山村党支部');
    await post(c, id, { action: 'request', progress: '已完成', completedOn: '2026-05-01' }, st.township(DS.id, c));
    const [a, b] = await Promise.all([post(c, id, { action: 'confirm', comment: '同意' }, st.county()), post(c, id, { action: 'reject', comment: '缺照片' }, st.county())]);
    const answers = [a, b].map((r) => r.status).sort();
    expect(answers).toEqual([200, 409]);
    const lost = a.status === 409 ? a : b;
    const [, code, message] = await refusal(lost);
    expect(code).toBe('LEDGER_BAD_TRANSITION');
    expect(message).toMatch(/^“东山村党支部”的整改事项当前为“(已销号|整改中)”，不能(销号|退回销号申请)$/);
    const mine = (await listLedgerAudit(st.store(), 'qingshan')).filter((e) => e.itemId === id && e.by.role === 'county');
    expect(mine).toHaveLength(1);
  });
});

describe('lists', () => {
  test('a township sees its own items only; the county filters by township and status; a bad filter is refused in Chinese', async () => {
    const { c, ledger } = await graded();
    expect(ledger.items.map((i) => i.orgName)).toEqual(expect.arrayContaining(['东山村党支部', '上塘村党支部']));
    const mine = ledgerListSchema.parse(await (await st.call('GET', `/campaigns/${c}/townships/${XH.id}/ledger`, { token: st.township(XH.id, c) })).json());
    expect(mine.items.map((i) => [i.townshipName, i.orgName, i.matter])).toEqual([['西河乡', '上塘村党支部', '组织生活不规范']]);
    expect((await st.call('GET', `/campaigns/${c}/townships/${DS.id}/ledger`, { token: st.township(XH.id, c) })).status).toBe(403);
    await post(c, idOf(ledger, '东山村党支部'), { action: 'request', progress: '已完成', completedOn: '2026-05-01' }, st.township(DS.id, c));
    const requested = ledgerListSchema.parse(await (await st.call('GET', `/campaigns/${c}/ledger?township=${DS.id}&status=${encodeURIComponent('申请销号')}`, { token: st.county() })).json());
    expect(requested.items.map((i) => [i.orgName, i.statusLabel])).toEqual([['东山村党支部', '申请销号']]);
    expect(requested.counts).toMatchObject({ requested: 1, open: 0 });
    const bad = await st.call('GET', `/campaigns/${c}/ledger?status=done`, { token: st.county() });
    expect(await refusal(bad)).toEqual([400, 'REQUEST_FIELD_INVALID', '请求内容不正确：状态：“done”不是整改事项的状态']);
  });
});

describe('the county’s arrangements reach the township’s sheet', () => {
  test('挂点领导 and 联络员 set by the county show in the next template; changing them in the sheet is not taken', async () => {
    const { c, ledger } = await graded();
    const id = idOf(ledger, '东山村党支部');
    const set = ledgerActionResultSchema.parse(await (await post(c, id, { action: 'edit', fields: { leader: '赵副县长', liaison: '钱干事' } }, st.county())).json());
    expect([set.item.leader, set.item.liaison]).toEqual(['赵副县长', '钱干事']);
    const tpl = await loadWorkbookBytes(new Uint8Array(await (await st.call('GET', `/campaigns/${c}/townships/${DS.id}/template`, { token: st.township(DS.id, c) })).arrayBuffer()));
    const ws = tpl.getWorksheet('整改台账');
    const v = ws ? rowValues(ws, 4) : [];
    expect([v[1], v[3], v[10], v[11], v[12], v[13]]).toEqual(['东山村党支部', '活动阵地简陋', '整改中', '赵副县长', '钱干事', id]);
    const r = await upload(st, c, DS, await townshipBook(st, c, DS, ROWS.dongshan ?? [], [], [{ itemId: id, leader: '孙部长' }]));
    expect(r.status).toBe(201);
    const receipt = (await r.json()) as { warnings: Array<{ code: string; message: string }> };
    expect(receipt.warnings.filter((w) => w.code === 'LEDGER_COUNTY_FIELD_KEPT').map((w) => w.message)).toEqual(['工作表“整改台账”L4 单元格：“东山村党支部”的“挂点领导”由县委组织部安排，表中对它的修改未采用']);
  });
});

describe('an upload the ledger cannot take is refused before anything is stored', () => {
  /** 东山镇's pre-filled sheet with a change made by hand at one cell of 东山村's line. */
  const edited = async (c: string, cells: Record<string, string>) => {
    const wb = await loadWorkbookBytes(await townshipBook(st, c, DS, ROWS.dongshan ?? []));
    const ws = wb.getWorksheet('整改台账');
    for (const [cell, value] of Object.entries(cells)) if (ws) ws.getCell(cell).value = value;
    return new Uint8Array(await wb.xlsx.writeBuffer());
  };
  test.each<[string, Record<string, string>, string]>([
    ['a 台账编号 changed by hand', { N4: 'l-typed-by-hand' }, '工作表“整改台账”N4 单元格：“东山村党支部”这一行的整改事项编号“l-typed-by-hand”不存在或不属于该党组织，请不要修改编号列'],
    ['申请销号 without 完成日期', { I4: '是', H4: '已完成' }, '工作表“整改台账”J4 单元格：“东山村党支部”申请销号须填写完成日期'],
    ['申请销号 with a date that is none', { I4: '是', H4: '已完成', J4: '六月底' }, '工作表“整改台账”J4 单元格：“东山村党支部”申请销号的完成日期“六月底”不是有效的日期，请写成 2026-06-30 或 2026年6月30日'],
  ])('%s: 422 naming the cell, version unchanged', async (_what, cells, message) => {
    const { c } = await graded();
    const r = await upload(st, c, DS, await edited(c, cells));
    const e = errorBodySchema.parse(await r.json()).error;
    expect([r.status, e.code]).toEqual([422, 'UPLOAD_REFUSED']);
    expect((e.issues ?? []).filter((i) => i.severity === 'error').map((i) => i.message)).toEqual([message]);
    const status = townshipStatusSchema.parse(await (await st.call('GET', `/campaigns/${c}/townships/${DS.id}/submissions`, { token: st.county() })).json());
    expect(status.currentVersion).toBe(1);
  });

  test('an organization on the roster left out of the list (a filter left on, a row deleted): 422 naming it, version unchanged', async () => {
    const { c } = await graded();
    const first = ROWS.dongshan?.[0];
    // The pre-filled sheet with 东山村's row (row 5) cleared, as a clerk deleting its contents would.
    const wb = await loadWorkbookBytes(await townshipBook(st, c, DS, ROWS.dongshan ?? []));
    const ws = wb.getWorksheet('分类定级情况一览表');
    ws?.getRow(5).eachCell({ includeEmpty: false }, (cell) => void (cell.value = null));
    const r = await upload(st, c, DS, new Uint8Array(await wb.xlsx.writeBuffer()));
    const e = errorBodySchema.parse(await r.json()).error;
    expect([r.status, (e.issues ?? []).filter((i) => i.severity === 'error').map((i) => i.message)]).toEqual([
      422,
      [`工作表“分类定级情况一览表”“${first?.name ?? ''}”：在东山镇本年度的党组织名册中，但一览表中没有这个党组织（隐藏或筛选掉的行不读取）；请补填它的评定结果，如已撤销或划出，请联系县委组织部调整名册`],
    ]);
    const status = townshipStatusSchema.parse(await (await st.call('GET', `/campaigns/${c}/townships/${DS.id}/submissions`, { token: st.county() })).json());
    expect(status.currentVersion).toBe(1);
  });

  test('a row whose organization is not on the roster: 422 at its name, with the township named', async () => {
    const { c } = await graded();
    const r = await upload(st, c, DS, await townshipBook(st, c, DS, [...(ROWS.dongshan ?? []), { name: '新建村党支部', category: '村', total: FAIR }]));
    const e = errorBodySchema.parse(await r.json()).error;
    expect([r.status, (e.issues ?? []).filter((i) => i.severity === 'error').map((i) => i.message)]).toEqual([
      422,
      ['工作表“分类定级情况一览表”B7 单元格：“新建村党支部”不在东山镇本年度的党组织名册中，请核对名称或先由县委组织部补入名册'],
    ]);
  });
});
