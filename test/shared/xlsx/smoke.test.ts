import { defaultScheme, readSubmission, readWorkbook, validateSubmission } from '../../../shared';
import { exceljsModel } from '../../helpers/exceljs-model';
import { filledWorkbook } from '../../helpers/workbooks';

test('smoke', async () => {
  const bytes = await filledWorkbook({ n: 20 });
  const w = await readWorkbook(bytes);
  expect(w.issues).toEqual([]);
  const ex = await exceljsModel(bytes);
  const mine = w.model!;
  for (let i = 0; i < ex.sheets.length; i++) {
    const a = ex.sheets[i]!;
    const b = mine.sheets[i]!;
    expect({ ...b, merges: undefined }).toEqual(a);
  }
  const r = await readSubmission(bytes, defaultScheme);
  expect(r).toEqual(validateSubmission(ex, defaultScheme));
});
