import { openWorkbook } from '../../../../addin/taskpane/excel/open-workbook';
import { excelMock, installExcel } from './excel-mock';

describe('openWorkbook', () => {
  it('hands the base64 workbook to Excel.createWorkbook', async () => {
    const { mock, calls } = excelMock({});
    installExcel(mock);
    await openWorkbook('UEsDBBQ=');
    expect(calls.created).toEqual(['UEsDBBQ=']);
  });
});
