// What a template is pre-filled with in the year after: the unclosed items as ledger lines, and a
// 回头看's original rows (the grade left to the sheet's formula unless the original was not the
// formula's).
import { createLedgerItem, defaultScheme, gradeByFormulaRules, ledgerPrefill, lookbackPrefill, type LedgerItem, type LedgerStatus, type OrgRow } from '../../../shared';

const s = defaultScheme;
const item = (status: LedgerStatus, deadline: string): LedgerItem => ({
  ...createLedgerItem({ orgId: 'o-1', orgName: '东山村党支部', townshipId: 'dongshan', campaignId: 'c2025', grade: 'poor', fields: { matter: '阵地', deadline, leader: '赵' } }, [], { role: 'county' }, { at: '2025-05-01T00:00:00Z' }).item,
  status,
});

test.each<[LedgerStatus, string | null]>([
  ['open', '整改中'],
  ['reopened', '已复号'],
  ['requested', '申请销号'],
  ['closed', null],
  ['void', null],
])('an item %s is pre-filled as %s', (status, state) => {
  const lines = ledgerPrefill(s, [item(status, '年底前')]);
  expect(lines.map((l) => l.state)).toEqual(state === null ? [] : [state]);
  if (state) expect(lines[0]).toMatchObject({ orgName: '东山村党支部', grade: '较差', matter: '阵地', deadline: '年底前', leader: '赵' });
});

const row = (name: string, scores: number[], grade: string, flags = { forcedBottom: false, newlyEstablished: false }, parentName: string | null = null): OrgRow => ({
  row: 5,
  seq: 1,
  name,
  committee: null,
  category: 'village',
  orgType: 'branch',
  parentName,
  members: 10,
  scores,
  total: scores.reduce((a, b) => a + b, 0),
  grade,
  flags,
  explanation: '',
  remark: '',
});

test('a 回头看’s original rows: scores, flags and names as they were; the grade written only where the formula would not give it', () => {
  const rows = lookbackPrefill(s, [
    row('东山村党支部', [10, 10, 7, 7, 7, 14, 15], 'average'),
    row('红星一支部', [14, 14, 9, 9, 9, 18, 18], 'fairlyGood', undefined, '红星党总支'),
    row('西河村党支部', [14, 14, 9, 9, 9, 18, 18], 'poor', { forcedBottom: true, newlyEstablished: false }),
  ]);
  expect(rows.map((r) => [r.name, r.category, r.orgType, r.forcedBottom, r.grade])).toEqual([
    ['东山村党支部', '村', '党支部', '否', undefined],
    ['红星一支部', '村', '党支部', '否', '较好'],
    ['西河村党支部', '村', '党支部', '是', undefined],
  ]);
  expect(gradeByFormulaRules(s, 91, '是', '否')).toBe('较差');
});
