// The check/upload controller against each host: Excel through office-addin-mock, and a browser.
import { DETAIL_SHEET, META_SHEET, RECT_SHEET } from '../../../../shared/template/definition';
import { FILL, memoryStore } from '../../../../addin/taskpane/excel/highlight';
import { excelPort } from '../../../../addin/taskpane/host/excel-port';
import { excelMock, installExcel } from '../excel/excel-mock';
import { clean, rectWarning, scoreError, setup, withErrors } from './check-fixtures';
import { status } from './fakes';

describe('CheckUploadController with Excel (office-addin-mock)', () => {
  const templateSheets = [
    { id: '{A}', name: DETAIL_SHEET },
    { id: '{B}', name: RECT_SHEET },
    { id: '{C}', name: META_SHEET, visibility: 'VeryHidden' },
  ];

  it('inserts the template sheets into the open workbook', async () => {
    const { mock, calls } = excelMock({ Sheet1: {} }, { templateSheets });
    installExcel(mock);
    const s = setup(clean, { excel: excelPort(memoryStore()) });
    await s.ctl.template();
    expect(calls.inserted).toEqual([{ base64: 'UEs=', options: { positionType: 'End' } }]);
    expect(s.store.get().work.verdict).toEqual({ tone: 'ok', text: `已插入模板工作表：${DETAIL_SHEET}、${RECT_SHEET}。` });
  });

  it('goes to the cell an issue names, and says so when the sheet is gone', async () => {
    const { mock, calls } = excelMock({ [DETAIL_SHEET]: { M5: null } });
    installExcel(mock);
    const s = setup(clean, { excel: excelPort(memoryStore()) });
    await s.ctl.goTo(scoreError);
    expect(calls.selected).toEqual([`${DETAIL_SHEET}!M5`]);
    await s.ctl.goTo(rectWarning);
    expect(s.store.get().work.verdict).toEqual({ tone: 'error', text: `工作簿中没有名为“${RECT_SHEET}”的工作表（可能已改名或删除）。请点“检查”重新检查后再定位。` });
  });

  it('a cell in a hidden row is selected and the clerk told why nothing shows', async () => {
    const { mock, calls } = excelMock({ [DETAIL_SHEET]: { M5: null } }, { hiddenRows: [`${DETAIL_SHEET}!M5`] });
    installExcel(mock);
    const s = setup(clean, { excel: excelPort(memoryStore()) });
    await s.ctl.goTo(scoreError);
    expect(calls.selected).toEqual([`${DETAIL_SHEET}!M5`]);
    expect(s.store.get().work.verdict).toEqual({ tone: 'info', text: `已选中工作表“${DETAIL_SHEET}”的 M5 单元格，但它所在的行或列已隐藏（或被筛选掉）。请取消隐藏或清除筛选后查看。` });
  });

  it('a hidden sheet is named with how to unhide it, not “请重试” with an Office code', async () => {
    const { mock, calls } = excelMock({ [DETAIL_SHEET]: { M5: null } }, { hidden: { [DETAIL_SHEET]: 'Hidden' } });
    installExcel(mock);
    const s = setup(clean, { excel: excelPort(memoryStore()) });
    await s.ctl.goTo(scoreError);
    expect(calls.activated).toEqual([]);
    expect(s.store.get().work.verdict).toEqual({ tone: 'error', text: `工作表“${DETAIL_SHEET}”已隐藏，无法定位。请在工作表标签上右击，选“取消隐藏”后再点此问题。` });
  });

  it('paints the cells of the last check and clears them again', async () => {
    const { mock, fill } = excelMock({ [DETAIL_SHEET]: { M5: '#FFFFFF', P6: '#FFFFFF' } });
    installExcel(mock);
    // The open workbook's bytes come from Office.context.document (read-file.test.ts); here the check's result is given.
    const s = setup(withErrors, { excel: { ...excelPort(memoryStore()), readOpenWorkbook: async () => new Uint8Array([1]) } });
    await s.ctl.check();
    await s.ctl.highlight();
    expect(fill(DETAIL_SHEET, 'M5')).toBe(FILL.error);
    expect(s.store.get().work.verdict?.text).toMatch(/^已标出 2 个单元格/);
    await s.ctl.clearHighlights();
    expect(s.store.get().work.verdict?.text).toBe('已清除 2 个单元格的标记。');
  });
});

describe('CheckUploadController in a browser', () => {
  it('downloads the template under the server’s file name', async () => {
    const s = setup();
    await s.ctl.template();
    expect(s.files.saved.map((f) => f.fileName)).toEqual(['城关镇模板.xlsx']);
    expect(s.store.get().work.verdict?.text).toBe('模板已下载，请填好后在此选择并上报。');
  });

  it('refreshes the county’s decision into the status card', async () => {
    const s = setup();
    s.server.status_ = status('returned', 1, '请补充');
    await s.ctl.refreshStatus();
    expect(s.store.get().township).toEqual({ status: status('returned', 1, '请补充'), verdict: { tone: 'ok', text: '已刷新。' } });
  });
});
