// The deadline day's end in Beijing time, through the real API: deadline 2026-04-25, the server in
// UTC. An upload at 23:30 Beijing on the 25th (15:30 UTC) is on time; one at 00:10 Beijing on the
// 26th (16:10 UTC) is late, though its UTC date is still the 25th. The receipt, the county's
// table and the consolidated workbook's 报送情况 agree, and print Beijing times.
// The server runs in this process: only Date is faked (timers run), so every instant is chosen.
import type ExcelJS from 'exceljs';
import { completenessSchema, receiptSchema } from '../../shared/api/contract';
import { beijingText } from '../../shared/consolidate/deadline';
import { filled } from './filled';
import { campaignBody, startStack, TOWNSHIPS, type Stack } from './stack';
import { loadWorkbookBytes, rowValues } from './xlsx';

const REAL_TIMERS = ['hrtime', 'nextTick', 'performance', 'queueMicrotask', 'requestAnimationFrame', 'cancelAnimationFrame', 'requestIdleCallback', 'cancelIdleCallback', 'setImmediate', 'clearImmediate', 'setInterval', 'clearInterval', 'setTimeout', 'clearTimeout'] as const;
const [DS, XH, NL] = TOWNSHIPS as [(typeof TOWNSHIPS)[0], (typeof TOWNSHIPS)[0], (typeof TOWNSHIPS)[0]];

let st: Stack;
const receivedAt: Record<string, string> = {};
let table: Map<string, boolean>;
let printed: unknown[][];

beforeAll(async () => {
  st = await startStack();
  jest.useFakeTimers({ doNotFake: [...REAL_TIMERS], now: Date.parse('2026-04-20T02:00:00Z') });
  expect((await st.call('POST', '/campaigns', { token: st.county(), json: campaignBody({ deadline: '2026-04-25' }) })).status).toBe(201);
  for (const [t, at, seed] of [[DS, '2026-04-25T15:30:00Z', 1], [XH, '2026-04-25T16:10:00Z', 2]] as const) {
    jest.setSystemTime(Date.parse(at));
    const r = await st.call('POST', `/campaigns/c2026/townships/${t.id}/submissions`, { token: st.township(t.id), body: (await filled(t, { seed })).bytes });
    expect(r.status).toBe(201);
    receivedAt[t.id] = receiptSchema.parse(await r.json()).receivedAt;
  }
  jest.setSystemTime(Date.parse('2026-04-26T02:00:00Z'));
  const c = completenessSchema.parse(await (await st.call('GET', '/campaigns/c2026/completeness', { token: st.county() })).json());
  table = new Map(c.townships.map((t) => [t.name, t.late]));
  const wb = await loadWorkbookBytes(new Uint8Array(await (await st.call('GET', '/campaigns/c2026/consolidated', { token: st.county() })).arrayBuffer()));
  const ws = wb.getWorksheet('报送情况') as ExcelJS.Worksheet;
  printed = [];
  for (let r = 1; r <= ws.rowCount; r++) if (typeof rowValues(ws, r)[0] === 'number') printed.push(rowValues(ws, r));
}, 120_000);
afterAll(async () => {
  jest.useRealTimers();
  await st.stop();
});

it.each([
  [DS.name, '2026-04-25T15:30:00.000Z', '2026-04-25 23:30', false, DS],
  [XH.name, '2026-04-25T16:10:00.000Z', '2026-04-26 00:10', true, XH],
])('%s: received %s, shown as %s (Beijing), late: %s', (_name, iso, shown, late, t) => {
  expect(receivedAt[t.id]).toBe(iso);
  // The receipt's time as the page words it (上报成功：第 1 版已于 … 收到).
  expect(beijingText(receivedAt[t.id])).toBe(shown);
  expect(table.get(t.name)).toBe(late);
  const row = printed.find((r) => r[1] === t.name);
  expect([row?.[4], row?.[5]]).toEqual([shown, late ? '是' : '否']);
});

it('a township with nothing in is late once the deadline day is over in Beijing', () => {
  expect(table.get(NL.name)).toBe(true);
  expect(printed.find((r) => r[1] === NL.name)?.[5]).toBe('是');
});
