// The county's plain tables (派发表, 名册模板): a wrapped cell's row is as tall as its lines, so a
// long invitation link prints inside its row instead of over the next ones.
import ExcelJS from 'exceljs';
import { rowHeight } from '../../../shared/print/layout';
import { wrappedLines } from '../../../shared/print/measure';
import { addTableSheet } from '../../../functions/src/sheets/layout';

const LINK = `http://localhost:7071/taskpane.html#server=http%3A%2F%2Flocalhost%3A7071&token=${'eyJ2IjoxLCJpZCI6'.repeat(16)}`;

describe('addTableSheet row heights', () => {
  const wb = new ExcelJS.Workbook();
  const ws = addTableSheet(wb, {
    name: '派发表',
    title: '上报链接派发表',
    note: '说明',
    columns: [{ header: '乡镇（街道）', width: 16 }, { header: '上报链接', width: 90, wrap: true }, { header: '状态', width: 8 }],
    rows: [['东山镇', LINK, '有效'], ['西山镇', 'http://localhost/短', '有效'], ['南岭乡', null, '未发放']],
    stamp: ['发放单位：青山县委组织部（盖章）'],
  });
  // Title, note, header: the data starts on row 4.
  it.each<[string, number, number | undefined]>([
    ['a long link: as many lines as it wraps to', 4, rowHeight(wrappedLines(LINK, 90))],
    ['a short one: the default height', 5, undefined],
    ['no link: the default height', 6, undefined],
  ])('%s', (_name, row, height) => {
    expect(ws.getRow(row).height).toBe(height);
  });
  it('the long link needs several lines', () => {
    expect(wrappedLines(LINK, 90)).toBeGreaterThan(2);
  });
});
