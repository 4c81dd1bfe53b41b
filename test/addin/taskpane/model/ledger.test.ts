import { ALL_ITEMS, countsText, filterItems, historyLines, missingInput, stepsFor, townshipsOf, type LedgerFilter } from '../../../../addin/taskpane/model/ledger';
import { item, list } from '../controllers/ledger-fixtures';

const ITEMS = [
  item('l1', '东山村党支部', 'open', { overdueDays: 12 }),
  item('l2', '上塘村党支部', 'requested', { townshipId: 'xihe', townshipName: '西河乡' }),
  item('l3', '红星厂党支部', 'closed'),
  item('l4', '河口村党支部', 'reopened', { townshipId: 'xihe', townshipName: '西河乡', overdueDays: 3 }),
  item('l5', '已撤村党支部', 'void'),
];

describe('filterItems', () => {
  it.each<[string, Partial<LedgerFilter>, string[]]>([
    ['everything but 已撤销', {}, ['l1', 'l2', 'l3', 'l4']],
    ['one township', { township: 'xihe' }, ['l2', 'l4']],
    ['one status', { status: 'requested' }, ['l2']],
    ['已撤销 only when asked', { status: 'void' }, ['l5']],
    ['overdue only', { overdue: true }, ['l1', 'l4']],
    ['township and overdue', { township: 'chengguan', overdue: true }, ['l1']],
    ['nothing left', { township: 'xihe', status: 'closed' }, []],
  ])('%s', (_what, f, ids) => {
    expect(filterItems(ITEMS, { ...ALL_ITEMS, ...f }).map((i) => i.id)).toEqual(ids);
  });
});

describe('stepsFor: the ledger machine’s rules, by role and status', () => {
  it.each<[string, 'county' | 'township', string[]]>([
    ['open', 'township', ['request']],
    ['reopened', 'township', ['request']],
    ['requested', 'township', []],
    ['closed', 'township', []],
    ['open', 'county', []],
    ['requested', 'county', ['confirm', 'reject']],
    ['closed', 'county', ['reopen']],
    ['void', 'county', []],
  ])('%s for the %s', (status, role, steps) => {
    expect(stepsFor({ status: status as never }, role)).toEqual(steps);
  });
});

describe('missingInput: what the page asks for before sending', () => {
  it.each<[string, 'request' | 'reject' | 'reopen', Record<string, string>, string | null]>([
    ['a request without 完成情况', 'request', { progress: ' ', completedOn: '2026-05-01' }, 'progress'],
    ['a request without its date', 'request', { progress: '已改造', completedOn: '' }, 'completedOn'],
    ['a request with both (the date checked by the server)', 'request', { progress: '已改造', completedOn: '2026-02-30' }, null],
    ['a 退回 without comment', 'reject', { comment: '  ' }, 'comment'],
    ['a 退回 with one', 'reject', { comment: '照片不全' }, null],
    ['a 复号 without reason', 'reopen', {}, 'comment'],
  ])('%s', (_what, step, input, field) => {
    const r = missingInput(step, input, '东山村党支部');
    expect(r?.field ?? null).toBe(field);
    if (r) expect(r.text).toContain('“东山村党支部”');
  });
});

it('names the townships that have items, in the list’s order', () => {
  expect(townshipsOf(list(ITEMS))).toEqual([{ id: 'chengguan', name: '城关镇' }, { id: 'xihe', name: '西河乡' }]);
  expect(townshipsOf(null)).toEqual([]);
});

it.each<[string, typeof ITEMS, string]>([
  // 已撤销 is not listed but said, so the line adds up to the 汇总表's 整改台账 (共 5 项 there).
  ['every status, one 已撤销', ITEMS, '共 4 项：整改中 1、申请销号 1、已销号 1、已复号 1；逾期 2 项；另有已撤销 1 项（未列出）。'],
  ['none withdrawn', ITEMS.slice(0, 4), '共 4 项：整改中 1、申请销号 1、已销号 1、已复号 1；逾期 2 项。'],
  ['only 已撤销', ITEMS.slice(4), '共 0 项；另有已撤销 1 项（未列出）。'],
  ['nothing', [], '暂无整改事项。'],
])('counts the list in one sentence: %s', (_what, items, text) => {
  expect(countsText(list(items))).toBe(text);
});

it('tells the history newest first, with who, what, the status move and the comment', () => {
  const base = item('l1', '东山村党支部', 'open');
  const created = base.history[0];
  if (!created) throw new Error('fixture');
  const i = {
    ...base,
    history: [
      created,
      { ...created, at: '2026-05-01T02:00:00Z', action: 'request' as const, from: 'open' as const, to: 'requested' as const },
      { ...created, at: '2026-05-02T02:00:00Z', by: { role: 'county' as const, label: '组织科' }, action: 'reject' as const, from: 'requested' as const, to: 'open' as const, comment: '照片不全' },
    ],
  };
  expect(historyLines(i, (iso) => iso.slice(0, 10))).toEqual([
    { at: '2026-05-02', text: '县委组织部（组织科） 退回销号申请（申请销号 → 整改中）：照片不全' },
    { at: '2026-05-01', text: '城关镇 申请销号（整改中 → 申请销号）' },
    { at: '2026-04-20', text: '城关镇 建立整改事项（整改中）' },
  ]);
});
