import { applyReconciliation, createLedgerItem, followRoster, reconcileRoster, startRoster, type LedgerItem, type LedgerStatus, type OrgIdentity } from '../../../shared';

const stamp1 = { campaignId: 'c2025', on: '2025-03-01' };
const stamp2 = { campaignId: 'c2026', on: '2026-03-01' };

function setup() {
  const r = startRoster(
    [
      { townshipId: 'dongshan', name: '红星机械厂党支部', category: 'private' },
      { townshipId: 'dongshan', name: '上坪村党支部', category: 'village' },
      { townshipId: 'dongshan', name: '下坪村党支部', category: 'village' },
      { townshipId: 'dongshan', name: '东山砖厂党支部', category: 'private' },
    ],
    stamp1,
  );
  if (!r.ok) throw new Error('roster');
  const prev = r.identities;
  const id = (n: string) => prev.find((o) => o.name === n)?.id ?? '';
  const p = reconcileRoster(prev, [
    { townshipId: 'dongshan', name: '红星机械有限公司党支部', category: 'private' },
    { townshipId: 'dongshan', name: '上下坪联合村党支部', category: 'village' },
  ], { campaignId: 'c2026' });
  const a = applyReconciliation(prev, p, [
    { kind: 'rename', fromId: id('红星机械厂党支部'), to: { townshipId: 'dongshan', name: '红星机械有限公司党支部' } },
    { kind: 'merge', fromIds: [id('上坪村党支部'), id('下坪村党支部')], to: { townshipId: 'dongshan', name: '上下坪联合村党支部' } },
    { kind: 'dissolve', id: id('东山砖厂党支部') },
  ], stamp2);
  if (!a.ok) throw new Error(JSON.stringify(a.issues));
  return { prev, next: a.identities, events: a.events, id };
}

const item = (orgId: string, orgName: string, status: LedgerStatus): LedgerItem => ({
  ...createLedgerItem({ orgId, orgName, townshipId: 'dongshan', campaignId: 'c2025', grade: 'poor', fields: { matter: '事项' } }, [], { role: 'county' }, { at: '2025-05-01T00:00:00Z' }).item,
  status,
});

describe('the ledger follows the roster', () => {
  const { next, events, id } = setup();
  const nowId = (n: string, ids: OrgIdentity[] = next) => ids.find((o) => o.name === n && o.status === 'active')?.id;
  test.each<[string, string, LedgerStatus, string | undefined, string, LedgerStatus]>([
    ['a renamed organization’s item takes the new name', '红星机械厂党支部', 'open', undefined, '红星机械有限公司党支部', 'open'],
    ['a closed item follows too, and stays closed', '红星机械厂党支部', 'closed', undefined, '红星机械有限公司党支部', 'closed'],
    ['a merged organization’s item passes to the merged one', '上坪村党支部', 'open', '上下坪联合村党支部', '上下坪联合村党支部', 'open'],
    ['a dissolved organization’s unfinished item is 已撤销', '东山砖厂党支部', 'requested', 'SAME', '东山砖厂党支部', 'void'],
    ['a dissolved organization’s closed item stays closed', '东山砖厂党支部', 'closed', 'SAME', '东山砖厂党支部', 'closed'],
  ])('%s', (_what, from, status, toName, name, after) => {
    const before = item(id(from), from, status);
    const r = followRoster([before], events, next, 'c2026', '2026-03-02T00:00:00Z');
    const it = r.items[0];
    const wantId = toName === 'SAME' ? id(from) : toName ? nowId(toName) : id(from);
    expect([it?.orgId, it?.orgName, it?.status]).toEqual([wantId, name, after]);
    expect(r.events.every((e) => e.by.role === 'system' && e.campaignId === 'c2026')).toBe(true);
  });

  test('items of organizations the roster did not touch are left alone', () => {
    const other = item('o-elsewhere', '南湖村党支部', 'open');
    const r = followRoster([other], events, next, 'c2026', '2026-03-02T00:00:00Z');
    expect(r).toEqual({ items: [other], changed: [], events: [], issues: [] });
  });
});
