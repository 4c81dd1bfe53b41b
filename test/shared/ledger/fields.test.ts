import { createLedgerItem } from '../../../shared/ledger/create';
import { deadlineDate, recordChanges } from '../../../shared/ledger/fields';
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

// 完成时限 written without a year (年底前, 12月底前) is the next such day from the change, Beijing time.
describe('a deadline without a year', () => {
  const created = (deadline: string, at: string) => createLedgerItem({ orgId: 'o-1', orgName: '东山村党支部', townshipId: 'dongshan', campaignId: 'c2026', grade: 'poor', fields: { deadline } }, [], { role: 'township', townshipId: 'dongshan' }, { at, campaignId: 'c2026' });
  it.each<[string, string, string | null, string[]]>([
    ['12月底前', '2026-04-20T02:00:00Z', '2026-12-31', []],
    ['12月底', '2026-04-20T02:00:00Z', '2026-12-31', []],
    ['12月末', '2026-04-20T02:00:00Z', '2026-12-31', []],
    ['12月前', '2026-04-20T02:00:00Z', '2026-12-31', []],
    ['12月份', '2026-04-20T02:00:00Z', '2026-12-31', []],
    ['6月底前', '2026-04-20T02:00:00Z', '2026-06-30', []],
    ['年底前', '2026-04-20T02:00:00Z', '2026-12-31', []],
    ['年底前', '2026-12-31T16:30:00Z', '2027-12-31', []], // already 1 January 2027 in Beijing
    ['2026年12月', '2026-04-20T02:00:00Z', '2026-12-31', []],
    ['3月底前', '2026-05-10T02:00:00Z', '2027-03-31', []], // set ahead: next March, not a day already past
    ['4月底前', '2026-04-30T15:00:00Z', '2026-04-30', []], // the same day in Beijing still counts
    ['4月底前', '2026-04-30T16:00:00Z', '2027-04-30', []],
    ['2026年3月', '2026-05-10T02:00:00Z', '2026-03-31', []], // a year typed is the year meant
    ['13月底前', '2026-04-20T02:00:00Z', null, ['LEDGER_DEADLINE_MALFORMED']],
    ['0月底', '2026-04-20T02:00:00Z', null, ['LEDGER_DEADLINE_MALFORMED']],
    ['十二月底前', '2026-04-20T02:00:00Z', null, ['LEDGER_DEADLINE_MALFORMED']],
  ])('%s written at %s → %p', (deadline, at, iso, codes) => {
    const r = created(deadline, at);
    expect([r.item.deadlineText, r.item.deadline]).toEqual([deadline, iso]);
    expect(r.issues.map((i) => i.code)).toEqual(codes);
  });

  it.each<[string, string, string | null]>([
    ['年底前', '2026-04-20T02:00:00Z', '2026-12-31'],
    ['年底前', '2026-12-31T15:59:59Z', '2026-12-31'],
    ['年底前', '2026-12-31T16:00:00Z', '2027-12-31'],
    ['2026-06-30', 'not a time', '2026-06-30'],
    ['年底前', 'not a time', null],
  ])('deadlineDate(%p, %p) → %p', (text, at, iso) => expect(deadlineDate(text, at)).toBe(iso));
});
