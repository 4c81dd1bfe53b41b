// The day stamped on an organization's history (created, renamed, dissolved…) when a campaign is
// made: the county's day in Beijing, not the server's UTC day.
import { planCampaign, yearAfterFields } from '../../../functions/src/orgs/campaign-plan';
import { getOrgs } from '../../../functions/src/storage/orgs';
import { createAzureStore, type Store } from '../../../functions/src/storage/store';
import { startAzurite } from '../../helpers/azurite';

let az: Awaited<ReturnType<typeof startAzurite>>;
let store: Store;
beforeAll(async () => {
  az = await startAzurite();
  store = createAzureStore(az.connectionString, 'grading', 'grading');
  await store.init();
}, 60_000);
afterAll(() => az?.stop());

let n = 0;
it.each([
  ['the morning of 1 January in Beijing (still 31 December in UTC)', '2026-12-31T23:30:00.000Z', '2027-01-01'],
  ['midnight in Beijing', '2027-04-24T16:00:00.000Z', '2027-04-25'],
  ['just before midnight in Beijing', '2027-04-25T15:59:59.999Z', '2027-04-25'],
])('made on %s: the organizations are created on the Beijing day', async (_name, createdAt, day) => {
  const id = `day${++n}`;
  const body = { id, year: 2027, county: '青山县', deadline: '2027-04-25', townships: [{ id: 'dongshan', name: '东山镇' }], roster: { dongshan: [{ name: '东山村党支部', category: '村' }] } };
  const plan = await planCampaign(store, 'qingshan', body, Date.parse(createdAt));
  const { fields } = await yearAfterFields(store, plan, id, createdAt);
  if (!fields.orgs) throw new Error('no organizations stored');
  const orgs = (await getOrgs(store, fields.orgs.blob)).identities;
  expect(orgs.map((o) => [o.name, o.history])).toEqual([['东山村党支部', [{ kind: 'created', campaignId: id, on: day }]]]);
});
