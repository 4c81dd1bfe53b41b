// 晋位升级 against last year's final grades when last year had its 回头看 in two rounds, one
// township each (东山镇 first, 西山镇 later): each round's regrades replace the grading's for its
// own township. Only the newest round was read, so 东山村, lowered to 较差 by the first, was
// counted as last year's 一般 and its move up to 一般 this year was not an upgrade.
import { targetsSchema } from '../../../shared/api/contract';
import { AVERAGE, FAIR, POOR, townshipBook, upload, type Org } from '../ledger/fixture';
import { startStack, type Stack } from '../stack';

let st: Stack;
beforeAll(async () => {
  st = await startStack();
}, 60_000);
afterAll(() => st?.stop());

const DS = { id: 'dongshan', name: '东山镇' };
const XS = { id: 'xishan', name: '西山镇' };
const run = process.pid;
const ORGS: Record<string, Org[]> = { dongshan: [{ name: '东山村党支部', category: '村', total: AVERAGE }], xishan: [{ name: '南湖村党支部', category: '村', total: AVERAGE }] };
const roster = Object.fromEntries(Object.entries(ORGS).map(([t, orgs]) => [t, orgs.map((o) => ({ name: o.name, category: o.category }))]));
const at = (t: { id: string }, total: number): Org[] => (ORGS[t.id] ?? []).map((o) => ({ ...o, total }));

async function create(json: Record<string, unknown>): Promise<void> {
  const r = await st.call('POST', '/campaigns', { token: st.county(), json: { county: '青山县', ...json } });
  expect([r.status, r.status === 201 ? '' : await r.text()]).toEqual([201, '']);
}
async function report(c: string, t: { id: string; name: string }, orgs: Org[]): Promise<void> {
  const r = await upload(st, c, t, await townshipBook(st, c, t, orgs));
  expect([c, t.id, r.status]).toEqual([c, t.id, 201]);
}

test('two 回头看 rounds of last year, one township each: both rounds’ grades are last year’s', async () => {
  const y1 = `t1-${run}`;
  const lbA = `t1-lba-${run}`;
  const lbB = `t1-lbb-${run}`;
  const y2 = `t2-${run}`;
  await create({ id: y1, year: 2025, deadline: '2025-04-25', townships: [DS, XS], roster });
  for (const t of [DS, XS]) await report(y1, t, at(t, AVERAGE));
  // Round A: 东山镇, 东山村 lowered to 较差. Round B, later: 西山镇, 南湖村 lowered to 较差.
  await create({ id: lbA, kind: 'lookback', reviewsId: y1, year: 2025, deadline: '2025-11-30', townships: [{ name: '东山镇' }] });
  await report(lbA, DS, at(DS, POOR));
  await create({ id: lbB, kind: 'lookback', reviewsId: y1, year: 2025, deadline: '2025-12-15', townships: [{ name: '西山镇' }] });
  await report(lbB, XS, at(XS, POOR));
  // This year both are 较好: each moved up from last year's final 较差.
  await create({ id: y2, year: 2026, deadline: '2026-04-25', townships: [DS, XS], roster, previousId: y1 });
  for (const t of [DS, XS]) await report(y2, t, at(t, FAIR));

  const r = await st.call('GET', `/campaigns/${y2}/targets`, { token: st.county() });
  expect(r.status).toBe(200);
  const t = targetsSchema.parse(await r.json());
  expect(t.county.lines.map((l) => [l.gradeLabel, l.base, l.movedUp, l.met])).toEqual([
    ['较差', 2, 2, true],
    ['一般', 0, 0, true],
  ]);
  expect(t.townships.map((s) => [s.label, s.lines.map((l) => [l.gradeLabel, l.base, l.movedUp])])).toEqual([
    ['东山镇', [['较差', 1, 1], ['一般', 0, 0]]],
    ['西山镇', [['较差', 1, 1], ['一般', 0, 0]]],
  ]);
  expect(t.previousLookbackId).toBe(lbB);
}, 120_000);
