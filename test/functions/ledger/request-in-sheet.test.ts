// 申请销号 in the township's sheet (申请销号 = 是 on its pre-filled line) dated after the upload's
// day: the upload is refused at the 完成日期 cell, as a request in the page is (422), nothing stored.
import { errorBodySchema, ledgerListSchema, townshipStatusSchema } from '../../../shared/api/contract';
import { startStack, type Stack } from '../stack';
import { DONGSHAN, line, rosterCampaign, townshipBook, TWO_ORGS, upload } from './fixture';

let st: Stack;
beforeAll(async () => {
  st = await startStack();
}, 60_000);
afterAll(() => st?.stop());

const T = DONGSHAN;
const ORGS = TWO_ORGS;

test('a sheet asking 销号 completed on 2099-01-01 is refused at its cell; the item and the version stay', async () => {
  const c = await rosterCampaign(st, `rs-${process.pid}`, T, ORGS);
  expect((await upload(st, c, T, await townshipBook(st, c, T, ORGS, [line('东山村党支部', '活动阵地简陋', '2026-06-30')]))).status).toBe(201);
  const ledger = ledgerListSchema.parse(await (await st.call('GET', `/campaigns/${c}/ledger`, { token: st.county() })).json());
  const itemId = ledger.items.find((i) => i.orgName === '东山村党支部')?.id ?? '';
  const r = await upload(st, c, T, await townshipBook(st, c, T, ORGS, [], [{ itemId, requestClose: '是', status: '活动室已改造', completedOn: '2099-01-01' }]));
  expect(r.status).toBe(422);
  const issues = (errorBodySchema.parse(await r.json()).error.issues ?? []).filter((i) => i.code === 'LEDGER_REQUEST_DATE_FUTURE');
  expect(issues.map((i) => i.message)).toEqual([expect.stringMatching(/^工作表“整改台账”[A-Z]+\d+ 单元格：“东山村党支部”申请销号的完成日期 2099-01-01 晚于今天（\d{4}-\d{2}-\d{2}），请填写已经完成整改的日期$/)]);
  const after = ledgerListSchema.parse(await (await st.call('GET', `/campaigns/${c}/ledger`, { token: st.county() })).json());
  expect(after.items.find((i) => i.id === itemId)?.status).toBe('open');
  const s = townshipStatusSchema.parse(await (await st.call('GET', `/campaigns/${c}/townships/${T.id}/submissions`, { token: st.county() })).json());
  expect(s.currentVersion).toBe(1);
}, 60_000);
