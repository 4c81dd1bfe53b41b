import { createLedgerItem } from '../../../shared/ledger/create';
import { recordChanges } from '../../../shared/ledger/fields';
import type { FieldChange } from '../../../shared/ledger/types';

const item = () =>
  createLedgerItem({ orgId: 'o-1', orgName: '东山村党支部', townshipId: 'dongshan', campaignId: 'c2026', grade: 'poor', fields: { matter: '阵地', deadline: '2026-06-30' } }, [], { role: 'system' }, { at: '2026-04-20T00:00:00Z', campaignId: 'c2026' }).item;

describe('recordChanges', () => {
  it.each<[string, Array<[FieldChange['field'], string | null]>, FieldChange[]]>([
    ['a new value', [['progress', '已完成']], [{ field: 'progress', from: '', to: '已完成' }]],
    ['the value already there', [['matter', '阵地']], []],
    ['a date cleared', [['deadline', null]], [{ field: 'deadline', from: '2026-06-30', to: null }]],
    ['two fields in order', [['owner', '张三'], ['orgName', '东山社区党支部']], [{ field: 'owner', from: '', to: '张三' }, { field: 'orgName', from: '东山村党支部', to: '东山社区党支部' }]],
    ['one field twice', [['progress', '整改中'], ['progress', '已完成']], [{ field: 'progress', from: '', to: '整改中' }, { field: 'progress', from: '整改中', to: '已完成' }]],
  ])('%s', (_, sets, want) => {
    const it0 = item();
    const { set, changes } = recordChanges(it0);
    for (const [f, v] of sets) set(f, v);
    expect(changes).toEqual(want);
    for (const c of want) expect(it0[c.field]).toBe(sets.filter(([f]) => f === c.field).at(-1)?.[1]);
  });
});
