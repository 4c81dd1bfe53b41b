// An upload to a campaign with a roster reads the county's whole ledger to check its lines before
// it is stored; the sync after it works on that same list instead of reading the ledger again. The
// list is only a first try: when the county changed an item in between, the sync's write over it
// fails on the item's ETag, and the sync reads the ledger again and keeps both changes.
import { ledgerListSchema, receiptSchema, type LedgerList } from '../../../shared/api/contract';
import { ledgerPartition } from '../../../functions/src/storage/ledger-items';
import type { Store } from '../../../functions/src/storage/store';
import { startStack, type Stack } from '../stack';
import { passThrough } from '../storage/recording';
import { DONGSHAN, line, rosterCampaign, townshipBook, TWO_ORGS, type LedgerEdit, upload } from './fixture';

let st: Stack;
/** How many times the county's items were listed. */
let listings = 0;
/** Run once, right after the next listing of the items has been read (and before it is used). */
let afterNextListing: (() => Promise<void>) | null = null;

function counting(inner: Store): Store {
  return {
    ...passThrough(inner),
    listEntities: async (pk, prefix) => {
      const rows = await inner.listEntities(pk, prefix);
      if (pk === ledgerPartition('qingshan') && prefix === 'item|') {
        listings++;
        const hook = afterNextListing;
        afterNextListing = null;
        await hook?.();
      }
      return rows;
    },
  };
}

beforeAll(async () => {
  st = await startStack({ wrapStore: counting });
}, 60_000);
afterAll(() => st?.stop());

const DS = DONGSHAN;
const ORGS = TWO_ORGS;
let n = 0;

/** A campaign of its own with 东山镇's roster. */
const campaign = () => rosterCampaign(st, `u${++n}-${process.pid}`, DS, ORGS);
const ledgerOf = async (c: string): Promise<LedgerList> => ledgerListSchema.parse(await (await st.call('GET', `/campaigns/${c}/ledger`, { token: st.county() })).json());
const PROGRESS = '活动室改造已完成一半';
/** 东山镇's next sheet: the pre-filled line of item `id` with its 完成情况 written. */
const progress = (itemId: string): LedgerEdit => {
  const { orgName: _o, ...rest } = line('东山村党支部', '活动阵地简陋', '2026-06-30', PROGRESS);
  return { ...rest, itemId };
};
const dongshanItem = (l: LedgerList) => l.items.find((i) => i.orgName === '东山村党支部');

test('each upload lists the county’s items once: the check before it is stored and the sync after share the list', async () => {
  const c = await campaign();
  // (Making a template lists the items too, to pre-fill its ledger: each book is made first.)
  const b1 = await townshipBook(st, c, DS, ORGS, [line('东山村党支部', '活动阵地简陋', '2026-06-30')]);
  listings = 0;
  expect((await upload(st, c, DS, b1)).status).toBe(201);
  expect(listings).toBe(1);
  const b2 = await townshipBook(st, c, DS, ORGS, [], [progress(dongshanItem(await ledgerOf(c))?.id ?? '')]);
  listings = 0;
  const v2 = await upload(st, c, DS, b2);
  expect(receiptSchema.parse(await v2.json()).version).toBe(2);
  expect(listings).toBe(1);
  expect(dongshanItem(await ledgerOf(c))?.progress).toBe(PROGRESS);
});

test('the county changing the item between the check and the sync: the sync lists again and both changes stay', async () => {
  const c = await campaign();
  expect((await upload(st, c, DS, await townshipBook(st, c, DS, ORGS, [line('东山村党支部', '活动阵地简陋', '2026-06-30')]))).status).toBe(201);
  const id = dongshanItem(await ledgerOf(c))?.id ?? '';
  const v2 = await townshipBook(st, c, DS, ORGS, [], [progress(id)]);
  // The upload's check has just read the items: the county sets the item's 挂点领导 now.
  afterNextListing = async () => {
    const r = await st.call('POST', `/campaigns/${c}/ledger/${id}`, { token: st.county(), json: { action: 'edit', fields: { leader: '赵副县长' } } });
    expect(r.status).toBe(200);
  };
  listings = 0;
  const r = await upload(st, c, DS, v2);
  expect(r.status).toBe(201);
  expect(receiptSchema.parse(await r.json()).warnings.map((w) => w.code)).not.toContain('LEDGER_SYNC_PENDING');
  // The check's list, then the sync's second try (its first, on the check's list, was refused).
  expect(listings).toBe(2);
  const item = dongshanItem(await ledgerOf(c));
  expect([item?.progress, item?.leader]).toEqual([PROGRESS, '赵副县长']);
});
