// The county forms fit what they hold and agree with their row mappers.
import {
  SHEETS,
  defaultScheme,
  detailForm,
  detailRow,
  duplicateRow,
  duplicatesForm,
  goodListForm,
  ledgerForm,
  ledgerRows,
  poorDetailForm,
  poorListForm,
  quotaForm,
  quotaRow,
  statusForm,
  statusRow,
  summaryColumns,
  summaryForm,
  summaryRow,
  textWidth,
  wrappedLines,
  yichunScheme,
  consolidatedFileName,
  ledgerStatusForm,
  notMovedForm,
  targetsForm,
  type FormContext,
  type OrgRow,
  type Scheme,
} from '../../../shared';
import { fiveGoods } from '../../helpers/workbooks';

const ctx = (scheme: Scheme): FormContext => ({ scheme, county: '青山县', year: 2026, townships: ['城关镇', '桃园街道'], generatedAt: '2026-04-25 10:00' });

const org = (grade: string): OrgRow => ({ row: 5, seq: 1, name: '甲', committee: null, category: 'village', orgType: null, parentName: null, members: 3, scores: [15, 15, 10, 10, 10, 20, 5], total: 85, grade, flags: { forcedBottom: false, newlyEstablished: false }, explanation: '', remark: '' });

test.each([
  ['default', defaultScheme],
  ['yichun', yichunScheme],
])('every category name fits its column on one line, in the 明细表 (22 columns to print legibly) on two (%s)', (_n, scheme) => {
  for (const form of [poorListForm, poorDetailForm, goodListForm, ledgerForm]) {
    const c = form(ctx(scheme)).columns.find((x) => x.header === '类别');
    for (const cat of scheme.categories) expect([form.name, cat.name, (c?.width ?? 0) >= textWidth(cat.name) + 1]).toEqual([form.name, cat.name, true]);
  }
  const detail = detailForm(ctx(scheme)).columns.find((x) => x.header === '类别');
  for (const cat of scheme.categories) expect([cat.name, wrappedLines(cat.name, detail?.width ?? 0)]).toEqual([cat.name, cat.name.length > 4 ? 2 : 1]);
});

test('the 明细表 follows the scheme: its indicators with their maxima, override columns only when enabled', () => {
  const headers = (s: Scheme) => detailForm(ctx(s)).columns.map((c) => c.header);
  expect(headers(defaultScheme)).toEqual(expect.arrayContaining(['党组织带头人（15分）', '涉及三打两建问题', '新组建', '等次调整原因']));
  expect(headers(fiveGoods)).toEqual(expect.arrayContaining(['领导班子好（20分）']));
  expect(headers(fiveGoods)).not.toContain('涉及三打两建问题');
  expect(detailRow(fiveGoods, 1, '甲镇', { ...org('good'), scores: [20, 20, 20, 20, 15] })).toHaveLength(headers(fiveGoods).length);
});

test('the 汇总表 by category is a sheet of its own, under its own header and title', () => {
  const c = ctx(defaultScheme);
  const d = summaryForm(c, 3, 'category');
  expect([d.name, d.title, d.columns[0]?.header]).toEqual(['汇总表（按类别）', '青山县2026年度基层党组织分类定级情况汇总表（按类别）', '类别']);
  expect(summaryForm(c, 3).columns[0]?.header).toBe('乡镇（街道）');
});

test('sheet names are distinct and valid', () => {
  const names = Object.values(SHEETS);
  expect(new Set(names).size).toBe(names.length);
  for (const n of names) expect(n.length <= 31 && !/[[\]:*?/\\]/.test(n)).toBe(true);
});

test('each form has as many columns as its rows have cells', () => {
  const c = ctx(defaultScheme);
  const l = ledgerRows(defaultScheme, '甲镇', { orgs: [org('good'), org('poor')], rectifications: [] });
  const count = { label: '甲镇', included: true, total: 1, counts: [1, 0, 0, 0], shares: [1, 0, 0, 0], members: 3, remark: null };
  const quota = { scope: '甲镇', graded: 1, ok: true, summary: 's', top: { count: 1, share: 1 }, bottom: { count: 0, share: 0 } };
  const status = { id: 'a', name: '甲镇', state: 'accepted' as const, stateText: '已审核通过', version: 1, receivedAt: null, late: false, included: true, quotaOk: true, comment: null };
  const pairs: Array<[string, number, number]> = [
    ['汇总表', summaryForm(c, 1).columns.length, summaryRow(count).length],
    ['汇总表（类别）', summaryColumns(c, 'category').length, summaryRow(count).length],
    ['较差名单', poorListForm(c).columns.length, l.poor[0]?.length ?? 0],
    ['较差状况明细表', poorDetailForm(c).columns.length, l.poorDetail[0]?.length ?? 0],
    ['好等次名单', goodListForm(c).columns.length, l.good[0]?.length ?? 0],
    ['整改台账', ledgerForm(c).columns.length, l.rect[0]?.length ?? 0],
    ['比例检查', quotaForm(c).columns.length, quotaRow(quota).length],
    ['报送情况', statusForm(c).columns.length, statusRow(1, status).length],
    ['重复上报', duplicatesForm(c).columns.length, duplicateRow(1, { key: 'k', reports: [] }).length],
  ];
  for (const [name, cols, cells] of pairs) expect([name, cells]).toEqual([name, cols]);
});

test('every county sheet carries the unit/date block, and the signature lines (printed in every page’s footer)', () => {
  const c = ctx(defaultScheme);
  for (const d of [summaryForm(c, 1), summaryForm(c, 1, 'category'), detailForm(c), poorListForm(c), poorDetailForm(c), goodListForm(c), ledgerForm(c), quotaForm(c), statusForm(c), duplicatesForm(c)]) {
    expect([d.name, d.info?.map((i) => i.label), d.signature?.map((i) => i.label)]).toEqual([d.name, ['填报单位（盖章）', '填报日期'], ['制表人', '审核人', '联系电话']]);
  }
});

test('a 回头看’s forms name the 回头看 in every title and the file name; a grading’s never', () => {
  const forms = (c: FormContext) => [summaryForm(c, 2), detailForm(c), poorListForm(c), poorDetailForm(c), goodListForm(c), ledgerForm(c), quotaForm(c), statusForm(c), duplicatesForm(c), ledgerStatusForm(c, [], 0), targetsForm(c, 2025, false), notMovedForm(c)].map((f) => f.title);
  const grading = forms(ctx(defaultScheme));
  const lookback = forms({ ...ctx(defaultScheme), kind: 'lookback' });
  expect(lookback[0]).toBe('青山县2026年度基层党组织分类定级回头看情况汇总表');
  expect(lookback[5]).toBe('青山县2026年度分类定级回头看一般、较差基层党组织整改台账');
  expect(lookback.filter((t) => !t.includes('回头看') || !t.startsWith('青山县2026年度'))).toEqual([]);
  expect(grading.filter((t) => t.includes('回头看'))).toEqual([]);
  expect(new Set([...grading, ...lookback]).size).toBe(grading.length * 2);
  expect([consolidatedFileName({ county: '青山县', year: 2026 }), consolidatedFileName({ county: '青山县', year: 2026, kind: 'lookback' })]).toEqual([
    '青山县2026年度基层党组织分类定级汇总表.xlsx',
    '青山县2026年度基层党组织分类定级回头看汇总表.xlsx',
  ]);
});
