// A township sends again the exact bytes of an older version (A, then a corrected B, then A after
// all): version 1 becomes current again, as an upload of it would make it — pointer, audit entry,
// ledger, receipt — rather than being answered as a duplicate while version 2 stays current. Over
// real HTTP through the dev host, against Azurite; each test makes its own campaign. The races are
// staged, not timed: a hook runs the other request just before the restore's transaction.
import { campaignDetailSchema, completenessSchema, ledgerListSchema, receiptSchema, townshipStatusSchema, type Receipt } from '../../../shared/api/contract';
import { listAudit } from '../../../functions/src/storage/queries';
import type { Store } from '../../../functions/src/storage/store';
import { err, freshCampaign } from '../campaign';
import { AVERAGE, FAIR, POOR, line, rosterCampaign, townshipBook, upload } from '../ledger/fixture';
import { startStack, TOWNSHIPS, type Stack } from '../stack';
import { passThrough } from '../storage/recording';

let st: Stack;
const dongshan = TOWNSHIPS[0] as { id: string; name: string };
/** Run once, just before the next restore's transaction: another request that moves first. */
let beforeNextRestore: (() => Promise<void>) | null = null;

function racing(inner: Store): Store {
  return {
    ...passThrough(inner),
    transact: async (pk, ops) => {
      const hook = ops.some((o) => o.op === 'create' && o.props.action === 'restore') ? beforeNextRestore : null;
      if (hook) {
        beforeNextRestore = null;
        await hook();
      }
      return inner.transact(pk, ops);
    },
  };
}

beforeAll(async () => {
  st = await startStack({ wrapStore: racing });
}, 60_000);
afterAll(() => st?.stop());
afterEach(() => {
  beforeNextRestore = null;
});

const receiptOf = async (r: Response): Promise<Receipt> => receiptSchema.parse(await r.json());
const completeness = async (c: string) => completenessSchema.parse(await (await st.call('GET', `/campaigns/${c}/completeness`, { token: st.county() })).json());
const audit = async (c: string) => (await listAudit(st.store(), c)).map((a) => [a.action, a.version]);

/** A plain campaign (no roster) and 东山镇's files A and B, nothing uploaded yet. */
async function twoFiles() {
  const f = await freshCampaign(st);
  return { f, a: (await f.book(dongshan, 1)).bytes, b: (await f.book(dongshan, 2)).bytes };
}

describe('the bytes of an older version sent again', () => {
  it('A, B, A: version 1 is current again (201, restored), in the versions, completeness and audit log', async () => {
    const { f, a, b } = await twoFiles();
    const first = await receiptOf(await f.upload('dongshan', a));
    expect((await f.upload('dongshan', b)).status).toBe(201);
    const r = await f.upload('dongshan', a);
    expect(r.status).toBe(201);
    const rc = await receiptOf(r);
    // Version 1's own receipt: its number, hash, arrival, rows, counts and quota as first stored.
    expect(rc).toEqual({ ...first, restored: true });
    const s = await f.status('dongshan');
    expect(s).toMatchObject({ state: 'submitted', currentVersion: 1 });
    expect(s.versions.map((v) => v.version)).toEqual([1, 2]);
    expect((await completeness(f.c)).townships.find((t) => t.id === 'dongshan')).toMatchObject({ state: 'submitted', currentVersion: 1 });
    expect(await audit(f.c)).toEqual([
      ['upload', 1],
      ['upload', 2],
      ['restore', 1],
    ]);
  });

  it('A, B, A, A: the last is a retry of the current version (200, duplicate) and changes nothing', async () => {
    const { f, a, b } = await twoFiles();
    await f.upload('dongshan', a);
    await f.upload('dongshan', b);
    const restored = await receiptOf(await f.upload('dongshan', a));
    const r = await f.upload('dongshan', a);
    expect(r.status).toBe(200);
    expect(await receiptOf(r)).toEqual({ ...restored, duplicate: true, restored: false });
    expect((await f.status('dongshan')).currentVersion).toBe(1);
    expect(await audit(f.c)).toHaveLength(3);
  });

  it('A, B returned, A: version 1 is current again and 已上报待审核, the return’s comment gone', async () => {
    const { f, a, b } = await twoFiles();
    await f.upload('dongshan', a);
    await f.upload('dongshan', b);
    expect((await f.act('dongshan', { action: 'return', version: 2, comment: '请核实第 3 行' })).status).toBe(200);
    const r = await f.upload('dongshan', a);
    expect(r.status).toBe(201);
    expect(await f.status('dongshan')).toMatchObject({ state: 'submitted', currentVersion: 1, comment: null });
  });

  it('A, B accepted, A: refused (409 UPLOAD_LOCKED) like any upload, and nothing changes', async () => {
    const { f, a, b } = await twoFiles();
    await f.upload('dongshan', a);
    await f.upload('dongshan', b);
    expect((await f.act('dongshan', { action: 'accept', version: 2 })).status).toBe(200);
    const before = await f.status('dongshan');
    const r = await f.upload('dongshan', a);
    expect(r.status).toBe(409);
    const e = await err(r);
    expect(e.code).toBe('UPLOAD_LOCKED');
    expect(e.message).toContain('第 2 版已由县委组织部审核通过并锁定');
    expect(await f.status('dongshan')).toEqual(before);
    expect(await audit(f.c)).toEqual([
      ['upload', 1],
      ['upload', 2],
      ['accept', 2],
    ]);
    // The accepted version's own bytes are still a retry, answered as before.
    expect((await f.upload('dongshan', b)).status).toBe(200);
  });

});

// Another request moving the pointer between a restore's read and its write: the restore's
// transaction fails on the pointer's ETag, and the retry judges the pointer as that request left it.
describe('a restore that loses the race for the pointer', () => {
  it('to the same restore: that one makes version 1 current (201), this one finds it so (200)', async () => {
    const { f, a, b } = await twoFiles();
    await f.upload('dongshan', a);
    await f.upload('dongshan', b);
    let other: Response | null = null;
    beforeNextRestore = async () => {
      other = await f.upload('dongshan', a);
    };
    const r = await f.upload('dongshan', a);
    expect([(other as Response | null)?.status, r.status]).toEqual([201, 200]);
    expect(await receiptOf(r)).toMatchObject({ version: 1, duplicate: true, restored: false });
    expect((await f.status('dongshan')).currentVersion).toBe(1);
    expect(await audit(f.c)).toEqual([
      ['upload', 1],
      ['upload', 2],
      ['restore', 1],
    ]);
  });

  it('to the county’s accept of version 2: refused (409 UPLOAD_LOCKED), version 2 stays current and accepted', async () => {
    const { f, a, b } = await twoFiles();
    await f.upload('dongshan', a);
    await f.upload('dongshan', b);
    beforeNextRestore = async () => {
      expect((await f.act('dongshan', { action: 'accept', version: 2 })).status).toBe(200);
    };
    const r = await f.upload('dongshan', a);
    expect([r.status, (await err(r)).code]).toEqual([409, 'UPLOAD_LOCKED']);
    expect(await f.status('dongshan')).toMatchObject({ state: 'accepted', currentVersion: 2 });
    expect(await audit(f.c)).toEqual([
      ['upload', 1],
      ['upload', 2],
      ['accept', 2],
    ]);
  });

  it('to an upload of a third file: version 1 is still made current, after version 3', async () => {
    const { f, a, b } = await twoFiles();
    const c3 = (await f.book(dongshan, 3)).bytes;
    await f.upload('dongshan', a);
    await f.upload('dongshan', b);
    beforeNextRestore = async () => {
      expect((await f.upload('dongshan', c3)).status).toBe(201);
    };
    const r = await f.upload('dongshan', a);
    expect(r.status).toBe(201);
    expect((await f.status('dongshan')).currentVersion).toBe(1);
    expect(await audit(f.c)).toEqual([
      ['upload', 1],
      ['upload', 2],
      ['upload', 3],
      ['restore', 1],
    ]);
  });
});

describe('the ledger follows the version made current again', () => {
  const T = { id: 'dongshan', name: '东山镇' };
  const PLACE = '活动阵地简陋';
  // A: 东山村 较差 with its line due in June; 西河村 一般 without a line (the ledger opens a blank
  // item). B: the line due in September; 西河村 较好, so the blank item A's grade opened is 已撤销.
  const A = [
    { name: '东山村党支部', category: '村', total: POOR },
    { name: '西河村党支部', category: '村', total: AVERAGE },
  ];
  const B = [
    { name: '东山村党支部', category: '村', total: POOR },
    { name: '西河村党支部', category: '村', total: FAIR },
  ];
  let n = 0;
  const ledgerOf = async (c: string) => ledgerListSchema.parse(await (await st.call('GET', `/campaigns/${c}/ledger`, { token: st.county() })).json()).items.filter((i) => i.campaignId === c);
  const deadlineOf = async (c: string) => (await ledgerOf(c)).find((i) => i.orgName === '东山村党支部' && i.matter === PLACE)?.deadline;

  it('A, B, A: the ledger takes A’s values again, and the receipt’s warnings are A’s, not B’s', async () => {
    const c = await rosterCampaign(st, `r${++n}-${process.pid}`, T, A);
    // Both files from the template as it was before any upload (no items pre-filled).
    const a = await townshipBook(st, c, T, A, [line('东山村党支部', PLACE, '2026-06-30')]);
    const b = await townshipBook(st, c, T, B, [line('东山村党支部', PLACE, '2026-09-30')]);
    const first = await upload(st, c, T, a);
    expect(first.status).toBe(201);
    const ra = await receiptOf(first);
    expect(await deadlineOf(c)).toBe('2026-06-30');
    const second = await upload(st, c, T, b);
    expect(second.status).toBe(201);
    const rb = await receiptOf(second);
    expect(rb.warnings.map((w) => w.code)).toContain('LEDGER_WITHDRAWN_REGRADED');
    expect(await deadlineOf(c)).toBe('2026-09-30');

    const again = await upload(st, c, T, a);
    expect(again.status).toBe(201);
    const r = await receiptOf(again);
    expect(r).toMatchObject({ version: 1, contentHash: ra.contentHash, duplicate: false, restored: true });
    // Nothing B's sync said about B's rows (西河村 较好, its blank item withdrawn); A's own warnings
    // and this sync's. 西河村 is 一般 again with no item being worked on, so this sync opens a new
    // blank one (LEDGER_ITEM_MISSING, standing for the reader's RECT_MISSING of that row), as A's
    // first sync did; the withdrawn one stays on record.
    expect(rb.warnings.find((w) => w.code === 'LEDGER_WITHDRAWN_REGRADED')?.message).toContain('较好');
    expect(r.warnings.map((w) => w.code)).not.toContain('LEDGER_WITHDRAWN_REGRADED');
    expect(JSON.stringify(r.warnings)).not.toContain('较好');
    expect(ra.warnings.map((w) => [w.code, w.cell])).toEqual([['LEDGER_ITEM_MISSING', 'B6']]);
    expect(r.warnings.map((w) => [w.code, w.cell])).toEqual([['LEDGER_ITEM_MISSING', 'B6']]);
    expect(await deadlineOf(c)).toBe('2026-06-30');
    expect((await ledgerOf(c)).map((i) => [i.orgName, i.statusLabel])).toEqual([
      ['东山村党支部', '整改中'],
      ['西河村党支部', '已撤销'],
      ['西河村党支部', '整改中'],
    ]);
  });

  it('A, roster changed, B, A: refused (422) as an upload of A would be now, and B stays current', async () => {
    const c = await rosterCampaign(st, `r${++n}-${process.pid}`, T, A);
    const a = await townshipBook(st, c, T, A, [line('东山村党支部', PLACE, '2026-06-30')]);
    expect((await upload(st, c, T, a)).status).toBe(201);
    // 西河村 off the roster, and B without it: A's row of 西河村 is no longer the township's.
    const cur = campaignDetailSchema.parse(await (await st.call('GET', `/campaigns/${c}`, { token: st.county() })).json());
    const edit = { year: cur.year, county: cur.county, deadline: cur.deadline, townships: cur.townships, roster: { [T.id]: [{ name: '东山村党支部', category: '村' }] }, revision: cur.revision };
    const put = await st.call('PUT', `/campaigns/${c}`, { token: st.county(), json: edit });
    expect([put.status, put.status === 200 ? '' : await put.text()]).toEqual([200, '']);
    const b = await townshipBook(st, c, T, A.slice(0, 1), [line('东山村党支部', PLACE, '2026-09-30')]);
    expect((await upload(st, c, T, b)).status).toBe(201);
    const ledger = await ledgerOf(c);
    const r = await upload(st, c, T, a);
    expect(r.status).toBe(422);
    const e = await err(r);
    expect(e.code).toBe('UPLOAD_REFUSED');
    expect(e.issues?.filter((i) => i.severity === 'error').map((i) => [i.cell, i.message.includes('西河村党支部')])).toEqual([['B6', true]]);
    const s = townshipStatusSchema.parse(await (await st.call('GET', `/campaigns/${c}/townships/${T.id}/submissions`, { token: st.county() })).json());
    expect(s.currentVersion).toBe(2);
    expect(await ledgerOf(c)).toEqual(ledger);
  });
});
