import { headerCells, headerHeights, headerText, orientationOf, planSheet, sheetOptions, type PrintColumn, type SheetDef } from '../../../shared/print';

const col = (header: string, width: number, group?: string): PrintColumn => ({ header, kind: 'int', width, ...(group ? { group } : {}) });
const flat = [col('序号', 5), col('名称', 24), col('类别', 18), col('备注', 10)];
const grouped = [col('乡镇', 10), col('个数', 6, '好'), col('占比', 7, '好'), col('个数', 6, '较差'), col('占比', 7, '较差'), col('备注', 10)];

describe('header', () => {
  test('one row without groups', () => {
    expect(headerCells(flat).map((h) => [h.row, h.from, h.to, h.tall, h.text])).toEqual([
      [0, 0, 0, false, '序号'],
      [0, 1, 1, false, '名称'],
      [0, 2, 2, false, '类别'],
      [0, 3, 3, false, '备注'],
    ]);
    expect(headerHeights(flat)).toHaveLength(1);
  });

  test('two rows: groups over their columns, other columns over both rows', () => {
    expect(headerCells(grouped).map((h) => [h.row, h.from, h.to, h.tall, h.text])).toEqual([
      [0, 0, 0, true, '乡镇'],
      [0, 1, 2, false, '好'],
      [1, 1, 1, false, '个数'],
      [1, 2, 2, false, '占比'],
      [0, 3, 4, false, '较差'],
      [1, 3, 3, false, '个数'],
      [1, 4, 4, false, '占比'],
      [0, 5, 5, true, '备注'],
    ]);
  });

  test('header rows are tall enough for the longest wrapped header', () => {
    const [upper, lower] = headerHeights([col('党组织带头人（15分）', 6, '分类定级指标得分'), col('工作思路（15分）', 6, '分类定级指标得分')]);
    // Four lines in a 6-wide column under a one-line group.
    expect(upper).toBeLessThan(lower ?? 0);
    expect(lower).toBeGreaterThanOrEqual(4 * 15);
  });
});

describe('sheet plan and page setup', () => {
  const def: SheetDef = { name: 's', title: 't', notes: ['说明'], info: [{ label: '填报单位（盖章）', value: '某县委组织部' }], columns: grouped, freezeColumns: 1 };

  test('rows: title, notes, unit block, two header rows, body', () => {
    expect(planSheet(def)).toMatchObject({ titleRow: 1, noteRows: [2], headerTop: 4, headerBottom: 5, firstBodyRow: 6 });
    expect(planSheet(def).infoTexts.map((r) => r.row)).toEqual([3]);
  });

  test('A4, fit to one page wide, header rows repeated, frozen below the header, page numbers', () => {
    const o = sheetOptions(def);
    expect(o.pageSetup).toMatchObject({ paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '4:5', firstPageNumber: 1 });
    expect(o.views?.[0]).toMatchObject({ state: 'frozen', xSplit: 1, ySplit: 5, topLeftCell: 'B6' });
    expect(o.headerFooter).toEqual({ oddHeader: '&R&A　第 &P 页（本次打印共 &N 页）' });
  });

  test.each([
    ['narrow tables print portrait', flat, undefined, 'portrait'],
    ['wide tables print landscape', [...flat, col('情况说明', 80)], undefined, 'landscape'],
    ['a form may insist', [...flat, col('情况说明', 80)], 'portrait' as const, 'portrait'],
  ])('%s', (_what, columns, orientation, expected) => {
    expect(orientationOf({ name: 's', title: 't', columns, ...(orientation ? { orientation } : {}) })).toBe(expected);
  });

  test('signature lines in the footer, page numbers at the top right (they ran together in one footer); & in text is escaped', () => {
    const o = sheetOptions({ ...def, signature: [{ label: '审核人（签字）' }, { label: 'A&B', value: 'x' }] });
    expect(o.headerFooter).toEqual({ oddHeader: '&R&A　第 &P 页（本次打印共 &N 页）', oddFooter: '&L审核人（签字）：＿＿＿＿＿＿    A&&B：x' });
  });
});

describe('headerText: a wrapping header breaks before its bracketed part', () => {
  test.each<[string, number, string]>([
    ['乡镇（街道）', 7, '乡镇\n（街道）'],
    ['上报时间（北京时间）', 14, '上报时间\n（北京时间）'],
    ['乡镇（街道）', 14, '乡镇（街道）'], // fits on one line: unchanged
    ['党员数', 4, '党员数'], // nothing bracketed
    ['（注）说明', 4, '（注）说明'], // bracket first: nothing to keep together
    ['总分\n（100分）', 5, '总分\n（100分）'], // already broken by hand
    ['总分(100分)', 5, '总分\n(100分)'],
  ])('%j at width %i → %j', (text, width, want) => {
    expect(headerText(text, width)).toBe(want);
  });

  test('header cells carry the broken text, and their height counts its lines', () => {
    const cols: PrintColumn[] = [{ header: '乡镇（街道）', kind: 'text', width: 7 }];
    expect(headerCells(cols).map((h) => h.text)).toEqual(['乡镇\n（街道）']);
    expect(headerHeights(cols)).toEqual(headerHeights([{ header: '乡镇\n（街道）', kind: 'text', width: 7 }]));
  });
});
