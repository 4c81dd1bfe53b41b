// A grade corrected in a re-upload of the same round: 西河村 sent as 一般 (the server opens a blank
// item for it), then corrected to 较好. The item that grade opened is 已撤销 with its reason, so
// the county's ledger no longer counts it 整改中 beside a 明细表 that says 较好.
import { ledgerListSchema, receiptSchema } from '../../../shared/api/contract';
import { startStack, type Stack } from '../stack';
import { DONGSHAN, FAIR, rosterCampaign, townshipBook, TWO_ORGS, upload } from './fixture';

let st: Stack;
beforeAll(async () => {
  st = await startStack();
}, 60_000);
afterAll(() => st?.stop());

const T = DONGSHAN;
const ORGS = TWO_ORGS;

test('一般 corrected to 较好: its blank item is 已撤销, the receipt says so, the counts follow', async () => {
  const c = await rosterCampaign(st, `rg-${process.pid}`, T, ORGS);
  expect((await upload(st, c, T, await townshipBook(st, c, T, ORGS))).status).toBe(201);
  const corrected = ORGS.map((o) => (o.name === '西河村党支部' ? { ...o, total: FAIR } : o));
  const r = await upload(st, c, T, await townshipBook(st, c, T, corrected));
  expect(r.status).toBe(201);
  const notes = receiptSchema.parse(await r.json()).warnings.filter((w) => w.code === 'LEDGER_WITHDRAWN_REGRADED');
  expect(notes.map((w) => w.message)).toEqual(['工作表“分类定级情况一览表”B6 单元格：“西河村党支部”本次改定为“较好”，此前因定为“一般”建立的待填写的整改记录已撤销（记录保留）']);
  const list = ledgerListSchema.parse(await (await st.call('GET', `/campaigns/${c}/ledger`, { token: st.county() })).json());
  expect(list.items.map((i) => [i.orgName, i.statusLabel])).toEqual([
    ['东山村党支部', '整改中'],
    ['西河村党支部', '已撤销'],
  ]);
  expect([list.counts.open, list.counts.void]).toEqual([1, 1]);
}, 60_000);
