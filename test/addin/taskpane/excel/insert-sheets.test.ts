import { insertTemplateSheets, SheetConflictError } from '../../../../addin/taskpane/excel/insert-sheets';
import { excelMock, installExcel } from './excel-mock';

const TEMPLATE = ['分类定级情况一览表', '整改台账', '_meta'];
const templateSheets = [
  { id: '{A}', name: '分类定级情况一览表' },
  { id: '{B}', name: '整改台账' },
  { id: '{C}', name: '_meta', visibility: 'VeryHidden' },
];

describe('insertTemplateSheets', () => {
  it('inserts the template at the end, shows its first visible sheet and returns the visible names', async () => {
    const { mock, calls } = excelMock({ Sheet1: {} }, { templateSheets });
    installExcel(mock);
    await expect(insertTemplateSheets('UEsDBA==', TEMPLATE)).resolves.toEqual(['分类定级情况一览表', '整改台账']);
    expect(calls.inserted).toEqual([{ base64: 'UEsDBA==', options: { positionType: 'End' } }]);
    expect(calls.activated).toEqual(['分类定级情况一览表']);
  });

  it('refuses, naming the sheets, when the workbook already has them', async () => {
    const { mock, calls } = excelMock({ 整改台账: {}, Sheet1: {} }, { templateSheets });
    installExcel(mock);
    const err = await insertTemplateSheets('UEsDBA==', TEMPLATE).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SheetConflictError);
    expect((err as SheetConflictError).names).toEqual(['整改台账']);
    expect((err as Error).message).toContain('“整改台账”');
    expect(calls.inserted).toEqual([]);
  });
});
