// An upload and its ledger sync are two writes: the upload is stored first, the ledger synced
// after. A failure between the two (the ledger's transaction refused by storage) must leave the
// upload stored and answered 201, its receipt saying the ledger will follow; the next read of the
// ledger (or a retry of the same bytes) runs the sync, exactly once.
import { ledgerListSchema, receiptSchema } from '../../../shared/api/contract';
import { listItems, listLedgerAudit } from '../../../functions/src/storage/ledger-items';
import { ConflictError, StorageUnavailableError, type Store } from '../../../functions/src/storage/store';
import { startStack, type Stack } from '../stack';
import { passThrough } from '../storage/recording';
import { DONGSHAN, line, rosterCampaign, THREE_ORGS, townshipBook, upload } from './fixture';

let st: Stack;
/** Ledger transactions still to refuse (the county's partition `_ledger|…`), and how. */
let refuseLedger = 0;
let refuseWith: () => Error = () => new StorageUnavailableError('transact', new Error('injected'));
/** Names of the blobs and pk/rk of the entities read, while `watchReads` is on. */
let watchReads = false;
const storageReads: string[] = [];

function failing(inner: Store): Store {
  return {
    ...passThrough(inner),
    getBlob: (n) => {
      if (watchReads) storageReads.push(n);
      return inner.getBlob(n);
    },
    getEntity: (pk, rk) => {
      if (watchReads) storageReads.push(`${pk}/${rk}`);
      return inner.getEntity(pk, rk);
    },
    transact: async (pk, ops) => {
      if (pk.startsWith('_ledger|') && refuseLedger > 0) {
        refuseLedger--;
        throw refuseWith();
      }
      return inner.transact(pk, ops);
    },
  };
}

beforeAll(async () => {
  st = await startStack({ wrapStore: failing });
}, 60_000);
afterAll(() => st?.stop());

const T = DONGSHAN;
const ORGS = THREE_ORGS;
let n = 0;

/** A campaign of its own with 东山镇's roster. */
const campaign = () => rosterCampaign(st, `s${++n}-${process.pid}`, T, ORGS);
const book = (c: string) => townshipBook(st, c, T, ORGS, [line('东山村党支部', '活动阵地简陋', '2026-06-30')]);
const ledgerOf = async (c: string) => ledgerListSchema.parse(await (await st.call('GET', `/campaigns/${c}/ledger`, { token: st.county() })).json());
const quietly = () => jest.spyOn(console, 'warn').mockImplementation(() => undefined);

test('the ledger failing after the upload is stored: 201 with a note; the next read syncs it, once', async () => {
  const c = await campaign();
  const warn = quietly();
  refuseLedger = 1; // storage unreachable when the ledger is written (not retried: a 503 by nature)
  const r = await upload(st, c, T, await book(c));
  refuseLedger = 0;
  warn.mockRestore();
  expect(r.status).toBe(201);
  const receipt = receiptSchema.parse(await r.json());
  expect(receipt.version).toBe(1);
  expect(receipt.warnings.filter((w) => w.code === 'LEDGER_SYNC_PENDING').map((w) => w.message)).toEqual([
    '本次上报已保存，但整改台账暂未随之更新（存储服务繁忙）；县委组织部或本单位下次查看整改台账时将自动补上，无需重新上报',
  ]);
  const county = (await st.call('GET', `/campaigns/${c}/ledger`, { token: st.county() })).status;
  expect(county).toBe(200);
  // Read back from storage, not from the endpoint that synced it.
  const items = (await listItems(st.store(), 'qingshan')).map((s) => s.item).filter((i) => i.campaignId === c);
  expect(items.map((i) => [i.orgName, i.matter, i.status]).sort()).toEqual([
    ['东山村党支部', '活动阵地简陋', 'open'],
    ['西河村党支部', '', 'open'],
  ]);
  const again = await ledgerOf(c);
  expect(again.items.filter((i) => i.campaignId === c)).toHaveLength(2);
  // One audit entry per event, though the sync ran twice (once refused, once through) and was read twice.
  const events = (await listLedgerAudit(st.store(), 'qingshan')).filter((e) => e.campaignId === c);
  const byId = (a: string[], b: string[]) => String(a[1]).localeCompare(String(b[1]));
  expect(events.map((e) => [e.action, e.itemId]).sort(byId)).toEqual(items.map((i) => ['create', i.id]).sort(byId));
});

test('a retry of the same bytes finishes a sync that failed, and answers with what it did', async () => {
  const c = await campaign();
  const bytes = await book(c);
  const warn = quietly();
  refuseLedger = 1;
  expect((await upload(st, c, T, bytes)).status).toBe(201);
  refuseLedger = 0;
  warn.mockRestore();
  const retry = await upload(st, c, T, bytes);
  expect(retry.status).toBe(200);
  const receipt = receiptSchema.parse(await retry.json());
  expect(receipt.duplicate).toBe(true);
  expect(receipt.warnings.map((w) => w.code)).toContain('LEDGER_ITEM_MISSING');
  expect(receipt.warnings.map((w) => w.code)).not.toContain('LEDGER_SYNC_PENDING');
  const items = (await listItems(st.store(), 'qingshan')).filter((s) => s.item.campaignId === c);
  expect(items).toHaveLength(2);
});

test('another writer moving first (409/412 on the ledger) is retried within the upload: nothing deferred, nothing twice', async () => {
  const c = await campaign();
  refuseWith = () => new ConflictError(412);
  refuseLedger = 2;
  const r = await upload(st, c, T, await book(c));
  refuseLedger = 0;
  refuseWith = () => new StorageUnavailableError('transact', new Error('injected'));
  expect(r.status).toBe(201);
  expect(receiptSchema.parse(await r.json()).warnings.map((w) => w.code)).not.toContain('LEDGER_SYNC_PENDING');
  expect((await listItems(st.store(), 'qingshan')).filter((s) => s.item.campaignId === c)).toHaveLength(2);
  expect((await listLedgerAudit(st.store(), 'qingshan')).filter((e) => e.campaignId === c)).toHaveLength(2);
});

test('the sync right after an upload uses the submission it was given, not a read of what was just stored', async () => {
  const c = await campaign();
  const bytes = await book(c);
  storageReads.length = 0;
  watchReads = true;
  const r = await upload(st, c, T, bytes);
  watchReads = false;
  expect(r.status).toBe(201);
  expect(storageReads.filter((b) => b.startsWith(`${c}/${T.id}/`) || b.startsWith(`${c}/sub|${T.id}|`))).toEqual([]);
  const items = (await listItems(st.store(), 'qingshan')).map((s) => s.item).filter((i) => i.campaignId === c);
  expect(items.map((i) => [i.orgName, i.matter]).sort()).toEqual([
    ['东山村党支部', '活动阵地简陋'],
    ['西河村党支部', ''],
  ]);
});
