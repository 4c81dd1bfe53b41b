import { selectCell } from '../../../../addin/taskpane/excel/select';
import { excelMock, installExcel } from './excel-mock';

describe('selectCell', () => {
  const sheet = '分类定级情况一览表';

  it.each([
    ['a cell', 'H5', 'selected', [`${sheet}!H5`]],
    ['a range', 'A7:K7', 'selected', [`${sheet}!A7:K7`]],
    ['no cell', undefined, 'sheetOnly', []],
    ['a non-address', '第5行', 'sheetOnly', []],
  ])('activates the sheet and selects %s', async (_what, cell, result, selected) => {
    const { mock, calls } = excelMock({ [sheet]: { H5: null, 'A7:K7': null }, 其他: {} });
    installExcel(mock);
    await expect(selectCell({ sheet, cell })).resolves.toBe(result);
    expect(calls.activated).toEqual([sheet]);
    expect(calls.selected).toEqual(selected);
  });

  it('a cell in a hidden or filtered-out row is selected, and the pane is told it is out of sight', async () => {
    const { mock, calls } = excelMock({ [sheet]: { B8: null, B9: null } }, { hiddenRows: [`${sheet}!B8`] });
    installExcel(mock);
    await expect(selectCell({ sheet, cell: 'B8' })).resolves.toBe('hiddenCell');
    await expect(selectCell({ sheet, cell: 'B9' })).resolves.toBe('selected');
    expect(calls.selected).toEqual([`${sheet}!B8`, `${sheet}!B9`]);
  });

  it.each([['Hidden'], ['VeryHidden']])('a %s sheet is not activated (Excel refuses): the pane is told', async (visibility) => {
    const { mock, calls } = excelMock({ [sheet]: { H5: null } }, { hidden: { [sheet]: visibility } });
    installExcel(mock);
    await expect(selectCell({ sheet, cell: 'H5' })).resolves.toBe('hiddenSheet');
    expect(calls.activated).toEqual([]);
    expect(calls.selected).toEqual([]);
  });

  it('says so when the workbook has no such sheet, touching nothing', async () => {
    const { mock, calls } = excelMock({ Sheet1: { A1: null } });
    installExcel(mock);
    await expect(selectCell({ sheet: '整改台账', cell: 'B3' })).resolves.toBe('noSheet');
    expect(calls.activated).toEqual([]);
    expect(calls.selected).toEqual([]);
  });
});
