// The table reader shared by the detail list and the ledger: where the table is, which rows are
// organizations, and what is set aside (and said).
import { defaultScheme as S, detailColumns, INDICATOR_GROUP, FLAG_GROUP, type MergedRange, type SheetRow } from '../../../shared';
import { DetailTable } from '../../../shared/validate/detail';
import { RectTable } from '../../../shared/validate/rect';
import { RECT_HEADER, detailRows, orgValues, row, type In } from '../../helpers/models';

function read(rows: SheetRow[], merges?: MergedRange[]): DetailTable {
  const d = new DetailTable(S, '一览表', merges);
  for (const r of rows) d.push(r);
  d.finish();
  return d;
}

const names = (d: DetailTable) => d.parsed.map((p) => `${p.org.row}:${p.org.name}`);
const codes = (d: DetailTable) => d.issues().map((i) => `${i.code}@${i.cell ?? ''}`);

test('the header is found below a title, notes and the 填报 block, wherever it starts', () => {
  const d = read([
    row(1, ['某某县2026年度分类定级情况一览表']),
    row(2, ['（此表请于4月25日前报送）']),
    row(4, ['填报单位：城关镇党委', null, null, '填报人', '张三']),
    row(5, ['联系电话：0795-1234567', null, null, '填报日期：', new Date(Date.UTC(2026, 3, 20))]),
    row(7, detailColumns(S).map((c) => c.header)),
    row(8, orgValues(S, { name: '西河村党支部' })),
  ]);
  expect(d.found).toBe(true);
  expect(names(d)).toEqual(['8:西河村党支部']);
  expect([...d.table.info.values].map(([k, v]) => [k, v.value])).toEqual([
    ['township', '城关镇党委'],
    ['filledBy', '张三'],
    ['phone', '0795-1234567'],
    ['filledOn', '2026-04-20'],
  ]);
  expect(codes(d)).toEqual([]);
});

test('a two-row header: groups above the indicators', () => {
  const cols = detailColumns(S);
  const d = read([
    row(3, cols.map((c) => (c.group === INDICATOR_GROUP ? INDICATOR_GROUP : c.group === FLAG_GROUP ? FLAG_GROUP : c.header))),
    row(4, cols.map((c) => (c.group ? c.header : null))),
    row(5, orgValues(S, {})),
  ]);
  expect(d.col('score', 6)).toBe(14);
  expect(names(d)).toEqual(['5:东山村党支部']);
});

test('a 栏次 row under the header is skipped silently', () => {
  const rows = detailRows(S, [{ name: '西河村党支部' }]);
  rows.splice(3, 0, row(4, ['甲', '乙', '丙', '丁', '戊', '己', '庚', 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]));
  rows[4] = row(5, orgValues(S, { name: '西河村党支部' }));
  const d = read(rows);
  expect(names(d)).toEqual(['5:西河村党支部']);
  expect(codes(d)).toEqual([]);
});

test('类别 merged down over a group belongs to every row of the group', () => {
  const rows = detailRows(S, [{ name: '东山村党总支', orgType: '党总支' }, { name: '东山村第一党支部', category: null }, { name: '东山村第二党支部', category: null }]);
  const d = read(rows, [{ top: 4, left: 4, bottom: 6, right: 4 }]);
  expect(d.parsed.map((p) => p.org.category)).toEqual(['village', 'village', 'village']);
  expect(codes(d)).toEqual([]);
});

test('a merge down to the sheet’s last row costs the rows present, not the rows it spans', () => {
  // U40:U1048576 and the like: the reader used to list every row of every merge (seconds each).
  let reads = 0;
  const tall = (top: number, left: number): MergedRange => ({
    top,
    left,
    right: left,
    get bottom() {
      reads++;
      return 1_048_576;
    },
  });
  const rows = detailRows(S, [{ name: '东山村党总支', orgType: '党总支' }, { name: '东山村第一党支部', category: null }, { name: '东山村第二党支部', category: null }]);
  const merges = [tall(4, 4), ...Array.from({ length: 8 }, (_, i) => tall(40 + i, 21 + i))];
  const d = read(rows, merges);
  expect(d.parsed.map((p) => p.org.category)).toEqual(['village', 'village', 'village']);
  expect(codes(d)).toEqual([]);
  // Each merge's bottom is read a bounded number of times: once for its master cell, once by each
  // cursor (the body's and the 填报 block's), never once per row it spans.
  expect(reads).toBeLessThanOrEqual(3 * merges.length);
});

test('subtotal and total rows are not organizations', () => {
  const rows = detailRows(S, [{ name: '西河村党支部' }, { name: '东山村党支部' }]);
  rows.push(row(6, [null, '村小计', null, null, null, null, null, 26, 26, 16, 16, 16, 32, 32, 164]));
  rows.push(row(7, orgValues(S, { name: '石桥社区党支部', category: '社区' })));
  rows.push(row(8, ['合计', null, null, null, null, null, null, 39, 39, 24, 24, 24, 48, 48, 246]));
  const d = read(rows);
  expect(names(d)).toEqual(['4:西河村党支部', '5:东山村党支部', '7:石桥社区党支部']);
  expect(codes(d)).toEqual([]);
});

test('notes and the signature block under the table are not organizations; 填报单位 there is read', () => {
  const rows = detailRows(S, [{ name: '西河村党支部' }], []);
  rows.push(row(6, ['注：1. 总分为百分制；2. 等次由党委研究确定。']));
  rows.push(row(8, ['填报单位（盖章）：', '城关镇党委', null, '审核人：', '李四', null, '填报人：', '张三']));
  rows.push(row(9, [null, null, null, null, null, null, null, '2026年4月20日']));
  const d = read(rows);
  expect(names(d)).toEqual(['4:西河村党支部']);
  expect(d.table.info.get('township')).toEqual({ value: '城关镇党委', cell: 'B8' });
  expect(d.table.info.get('filledBy')).toEqual({ value: '张三', cell: 'H8' });
});

test('hidden rows are not read, and said once for the sheet', () => {
  const rows = detailRows(S, [{ name: '西河村党支部' }, { name: '东山村党支部' }, { name: '南岭村党支部' }, { name: '北坪村党支部' }]);
  const hidden = rows.map((r) => (r.row === 5 || r.row === 6 ? { ...r, hidden: true } : r));
  const d = read(hidden);
  expect(names(d)).toEqual(['4:西河村党支部', '7:北坪村党支部']);
  const issue = d.issues().find((i) => i.code === 'ROWS_HIDDEN_SKIPPED');
  expect(issue).toMatchObject({ severity: 'warning', cell: 'B5' });
  expect(issue?.message).toContain('第 5–6 行已隐藏，未读取（共 2 行');
});

test('an empty hidden row is not worth a word', () => {
  const rows = detailRows(S, [{ name: '西河村党支部' }]);
  rows.push({ row: 5, cells: [undefined, { v: null, formula: 'IF(1,"","")' }], hidden: true });
  expect(codes(read(rows))).toEqual([]);
});

test('text under no heading is reported, not read and not dropped silently', () => {
  const rows = detailRows(S, [{ name: '西河村党支部' }]);
  rows.push(row(5, [...Array<In>(22).fill(null), '东山村党支部 88分 较好']));
  const d = read(rows);
  expect(names(d)).toEqual(['4:西河村党支部']);
  expect(d.issues().map((i) => [i.code, i.severity])).toEqual([['ROWS_OUTSIDE_COLUMNS', 'warning']]);
});

test('formula results alone (the template’s empty rows) are not a row', () => {
  const rows = detailRows(S, [{ name: '西河村党支部' }]);
  rows.push(row(5, [null, null, null, null, null, null, null, null, null, null, null, null, null, null, { f: 'IF(COUNT(H5:N5)=0,"",SUM(H5:N5))', v: '' }, null, null, { f: 'IF(O5="","",1)', v: '' }]));
  const d = read(rows);
  expect(names(d)).toEqual(['4:西河村党支部']);
  expect(codes(d)).toEqual([]);
});

test('the ledger’s header is not a detail list (and the reverse)', () => {
  const ledger = [row(1, RECT_HEADER), row(2, [1, '上塘村党支部', '一般', '阵地薄弱', '改善阵地', '李书记', '2026-12-31', '整改中'])];
  const d = read(ledger);
  expect(d.found).toBe(false);
  const r = new RectTable('台账');
  for (const x of ledger) r.push(x);
  r.finish();
  expect(r.found).toBe(true);
  const r2 = new RectTable('一览表');
  for (const x of detailRows(S, [{}])) r2.push(x);
  r2.finish();
  expect(r2.found).toBe(false);
});

test('a sheet without a header gives up after the preamble', () => {
  const d = read(Array.from({ length: 40 }, (_, i) => row(i + 1, [`第 ${i + 1} 行说明文字`])));
  expect(d.found).toBe(false);
  expect(d.table.header).toBeNull();
});

test('headings over groups of rows, typed in the name column, are not organizations', () => {
  const [title, info, header, first, second] = detailRows(S, [{ name: '东山村党支部' }, { name: '东山社区党支部', category: '社区' }]);
  const rows = [title, info, header, row(4, [null, '一、农村党组织（1个）']), { ...first, row: 5 }, row(6, [null, '（二）社区党组织']), { ...second, row: 7 }] as SheetRow[];
  const d = read(rows);
  expect(d.parsed.map((p) => [p.org.row, p.org.name])).toEqual([
    [5, '东山村党支部'],
    [7, '东山社区党支部'],
  ]);
  expect(codes(d)).toEqual([]);
});
