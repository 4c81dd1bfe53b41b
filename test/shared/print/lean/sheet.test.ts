import { HEADER_STYLE, TITLE_STYLE, bodyStyle, planSheet, type SheetDef } from '../../../../shared/print';
import { LeanSheet } from '../../../../shared/print/lean/sheet';
import { SharedStrings } from '../../../../shared/print/lean/strings';
import { StyleTable } from '../../../../shared/print/lean/styles';
import { TextSink } from './sink';

const def: SheetDef = {
  name: '表',
  title: '标题',
  columns: [
    { header: '序号', kind: 'seq', width: 5 },
    { header: '名称', kind: 'text', width: 20 },
    { header: '个数', group: '好', kind: 'int', width: 6 },
  ],
  freezeColumns: 2,
};

function sheet(d: SheetDef = def) {
  const sink = new TextSink();
  const strings = new SharedStrings(sink.part('sst'));
  const styles = new StyleTable();
  const ended: Array<{ lastRow: number } | null> = [];
  const s = new LeanSheet(sink.part('sheet'), d, planSheet(d), strings, styles, (a) => ended.push(a));
  return { s, sink, styles, ended, rows: () => [...sink.body('sheet').matchAll(/<row r="(\d+)"/g)].map((m) => Number(m[1])) };
}

describe('a lean worksheet', () => {
  test('cells set out of order wait for their row’s commit and come out in row and column order', () => {
    const { s, sink, rows } = sheet();
    s.cell(3, 2, 'b3', HEADER_STYLE);
    s.cell(2, 3, 'c2', HEADER_STYLE);
    s.cell(3, 1, 'a3', HEADER_STYLE);
    s.cell(2, 1, 'a2', HEADER_STYLE);
    expect(rows()).toEqual([]);
    s.commit(2);
    expect(rows()).toEqual([2]);
    s.commit(3);
    expect(rows()).toEqual([2, 3]);
    const body = sink.body('sheet');
    expect(body.indexOf('r="A3"')).toBeLessThan(body.indexOf('r="B3"'));
    expect(body.indexOf('r="A2"')).toBeLessThan(body.indexOf('r="C2"'));
  });

  test('a row once written is closed', () => {
    const { s } = sheet();
    s.cell(5, 1, 1, HEADER_STYLE);
    s.commit(5);
    expect(() => s.cell(5, 2, 1, HEADER_STYLE)).toThrow(/already written/);
    expect(() => s.height(4, 20)).toThrow(/already written/);
  });

  test('a later value for the same cell replaces the earlier; numbers, text, blanks and formulas', () => {
    const { s, sink, styles } = sheet();
    const st = bodyStyle('int', 'body', false);
    s.cell(6, 1, 'first', st);
    s.cell(6, 1, 7.25, st);
    s.cell(6, 2, '文字', st);
    s.cell(6, 3, null, st);
    s.cell(7, 1, { formula: 'SUM(A6:A6)', result: 7.25 }, st);
    s.cell(7, 2, { formula: 'IF(A6>1,"是","否")', result: '是' }, st);
    s.cell(7, 3, { formula: 'A6*2' }, st);
    s.commit(7);
    const id = styles.id(st);
    expect(sink.body('sheet')).toBe(
      `<row r="6"><c r="A6" s="${id}"><v>7.25</v></c><c r="B6" s="${id}" t="s"><v>1</v></c><c r="C6" s="${id}"/></row>` +
        `<row r="7"><c r="A7" s="${id}"><f>SUM(A6:A6)</f><v>7.25</v></c><c r="B7" s="${id}" t="str"><f>IF(A6&gt;1,"是","否")</f><v>是</v></c><c r="C7" s="${id}"><f>A6*2</f></c></row>`,
    );
  });

  test('heights are custom; a merge gives the cells it covers the first cell’s style', () => {
    const { s, sink, styles } = sheet();
    s.cell(1, 1, '标题', TITLE_STYLE);
    s.merge(1, 1, 1, 3);
    s.height(1, 32);
    s.commit(1);
    const t = styles.id(TITLE_STYLE);
    expect(sink.body('sheet')).toBe(`<row r="1" ht="32" customHeight="1"><c r="A1" s="${t}" t="s"><v>0</v></c><c r="B1" s="${t}"/><c r="C1" s="${t}"/></row>`);
  });

  test('the head holds the dimension, frozen panes and widths; the tail merges and the page', () => {
    const { s, sink, ended } = sheet();
    s.cell(1, 1, '标题', TITLE_STYLE);
    s.merge(1, 1, 1, 3);
    s.cell(9, 3, 1, HEADER_STYLE);
    s.end({ lastRow: 9 });
    const xml = sink.text('sheet');
    expect(ended).toEqual([{ lastRow: 9 }]);
    expect(xml).toContain('<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr><dimension ref="A1:C9"/>');
    // Two header rows (a group): frozen below row 3 and right of column B.
    expect(xml).toContain('<pane xSplit="2" ySplit="3" topLeftCell="C4" activePane="bottomRight" state="frozen"/><selection pane="bottomRight" activeCell="A4" sqref="A4"/>');
    expect(xml).toContain('<cols><col min="1" max="1" width="5" customWidth="1"/><col min="2" max="2" width="20" customWidth="1"/><col min="3" max="3" width="6" customWidth="1"/></cols>');
    expect(xml).toContain('<mergeCells count="1"><mergeCell ref="A1:C1"/></mergeCells><printOptions horizontalCentered="1"/>');
    expect(xml).toContain('<pageSetup paperSize="9" orientation="portrait" fitToWidth="1" fitToHeight="0" firstPageNumber="1" useFirstPageNumber="1"/>');
    expect(xml).toContain('<headerFooter><oddHeader>&amp;R&amp;A　第 &amp;P 页（本次打印共 &amp;N 页）</oddHeader></headerFooter></worksheet>');
    expect(xml.indexOf('<row r="1"')).toBeLessThan(xml.indexOf('<row r="9"'));
  });

  test('an empty sheet without frozen columns', () => {
    const d: SheetDef = { name: '空', title: '', columns: [{ header: 'a', kind: 'text', width: 10 }] };
    const { s, sink } = sheet(d);
    s.end(null);
    const xml = sink.text('sheet');
    expect(xml).toContain('<dimension ref="A1"/>');
    expect(xml).toContain('<pane ySplit="2" topLeftCell="A3" activePane="bottomLeft" state="frozen"/>');
  });
});
