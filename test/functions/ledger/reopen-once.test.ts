// 复号 over HTTP, once per grading: last year's 销号 item of an organization graded 较差 again is
// reopened by this year's first upload; the county 销号 it again; the township re-uploads (a
// correction) still grading it 较差 — the county's 销号 stands (it was reopened, and closed again,
// before this year's file came back), and the organization gets a new item to work on instead.
import { ledgerListSchema, receiptSchema } from '../../../shared/api/contract';
import { startStack, type Stack } from '../stack';
import { DONGSHAN, GOOD, line, THREE_ORGS, townshipBook, upload } from './fixture';

let st: Stack;
beforeAll(async () => {
  st = await startStack();
}, 60_000);
afterAll(() => st?.stop());

const T = DONGSHAN;
const ORGS = THREE_ORGS;
const roster = { [T.id]: ORGS.map((o) => ({ name: o.name, category: o.category })) };
const ledgerOf = async (c: string) => ledgerListSchema.parse(await (await st.call('GET', `/campaigns/${c}/ledger`, { token: st.county() })).json());
const act = async (c: string, id: string, json: unknown, token = st.county()) => {
  const r = await st.call('POST', `/campaigns/${c}/ledger/${id}`, { token, json });
  expect([r.status, r.status === 200 ? '' : await r.text()]).toEqual([200, '']);
};
const campaign = async (id: string, year: number, previousId?: string) => {
  const json = { id, year, county: '青山县', deadline: `${year}-04-25`, townships: [T], roster, ...(previousId ? { previousId } : {}) };
  expect((await st.call('POST', '/campaigns', { token: st.county(), json })).status).toBe(201);
};

test('a re-upload still grading 东山村 较差 keeps the 销号 the county gave since this year reopened it', async () => {
  const y1 = `r1-${process.pid}`;
  const y2 = `r2-${process.pid}`;
  await campaign(y1, 2025);
  expect((await upload(st, y1, T, await townshipBook(st, y1, T, ORGS, [line('东山村党支部', '活动阵地简陋', '2025-06-30')]))).status).toBe(201);
  const a = (await ledgerOf(y1)).items.find((i) => i.orgName === '东山村党支部')?.id ?? '';
  await act(y1, a, { action: 'request', progress: '活动室已改造', completedOn: '2025-06-01' }, st.township(T.id, y1));
  await act(y1, a, { action: 'confirm' });

  await campaign(y2, 2026, y1);
  const first = await upload(st, y2, T, await townshipBook(st, y2, T, ORGS));
  expect(first.status).toBe(201);
  expect(receiptSchema.parse(await first.json()).warnings.map((w) => w.code)).toContain('LEDGER_REOPENED_POOR');
  await act(y2, a, { action: 'request', progress: '活动室再次整修', completedOn: '2026-04-01' }, st.township(T.id, y2));
  await act(y2, a, { action: 'confirm', comment: '经核实，同意销号' });

  // A correction: 红星 now 好; 东山村 still 较差.
  const corrected = ORGS.map((o) => (o.name === '红星机械厂党支部' ? { ...o, total: GOOD } : o));
  const second = await upload(st, y2, T, await townshipBook(st, y2, T, corrected));
  expect(second.status).toBe(201);
  const codes = receiptSchema.parse(await second.json()).warnings.map((w) => w.code);
  expect(codes).not.toContain('LEDGER_REOPENED_POOR');

  const items = (await ledgerOf(y2)).items.filter((i) => i.orgName === '东山村党支部');
  const old = items.find((i) => i.id === a);
  expect([old?.status, old?.history.map((h) => h.action)]).toEqual(['closed', ['create', 'request', 'confirm', 'autoReopen', 'request', 'confirm']]);
  // Still 较差 this year: a new item to rectify, beside the one the county closed.
  expect(items.filter((i) => i.id !== a).map((i) => [i.campaignId, i.status])).toEqual([[y2, 'open']]);
}, 60_000);
