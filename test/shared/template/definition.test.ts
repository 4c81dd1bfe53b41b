import { defaultSchemeInput, normalizeLabel, planSheet, schemeSchema } from '../../../shared';
import { DETAIL_LAYOUT, detailColumns, splitHeader, splitLabel } from '../../../shared/template/definition';
import { detailDef } from '../../../shared/template/detail-sheet';

test.each<[string, { label: string; max: number | null }]>([
  ['组织建设（15分）', { label: '组织建设', max: 15 }],
  ['总分（满分100分）', { label: '总分', max: 100 }],
  ['工作业绩 (20)', { label: '工作业绩', max: 20 }],
  ['群众反映（２０．５分）', { label: '群众反映', max: 20.5 }],
  ['东山村党支部', { label: '东山村党支部', max: null }],
  ['东山村党支部（一）', { label: '东山村党支部(一)', max: null }],
  ['', { label: '', max: null }],
])('splitHeader(%p), and splitLabel of its normalized text', (text, parts) => {
  expect(splitHeader(text)).toEqual(parts);
  expect(splitLabel(normalizeLabel(text))).toEqual(parts);
});

/** A scheme of `n` indicators (adding to 100), with or without the two flag columns. */
function scheme(n: number, flags: boolean) {
  const toggle = { forcedBottom: { enabled: flags, label: '涉及三打两建问题' }, newlyEstablishedCap: { enabled: flags, label: '新组建', capGrade: 'fairlyGood' }, branchFollowsGeneralBranch: { enabled: false } };
  const indicators = Array.from({ length: n }, (_, i) => ({ key: `k${i}`, name: `指标${i + 1}`, max: i === 0 ? 100 - 10 * (n - 1) : 10 }));
  return schemeSchema.parse({ ...defaultSchemeInput, id: `n${n}`, name: `${n}项`, indicators, overrides: toggle });
}

// The score columns are narrow so the 一览表 prints legibly; with few of them the 填报 block, laid
// over the columns, once took a second row and moved the header (DETAIL_LAYOUT) down.
test.each([
  [2, false, 11],
  [3, false, 10],
  [4, false, 7],
  [5, false, 6],
  [7, false, 6],
  [1, true, 10],
  [2, true, 7],
  [7, true, 6],
  [8, true, 6],
])('%i indicators, flags %p: the 填报 block on one row, score columns %i wide', (n, flags, width) => {
  const s = scheme(n, flags);
  expect(planSheet(detailDef(s, '某某县', '城关镇', 2026)).infoRows.map((r) => r.row)).toEqual([DETAIL_LAYOUT.infoRow]);
  expect([...new Set(detailColumns(s).filter((c) => c.kind === 'score' || c.kind === 'total' || c.kind === 'flag').map((c) => c.width))]).toEqual([width]);
});
