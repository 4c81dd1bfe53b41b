// What Excel hands a custom function for one cell: plain values, error cells as objects (the
// CustomFunctions.Error shape and the data-types ErrorCellValue shape), data-typed values.
import { cellValue, readCell } from '../../../addin/functions/values';

describe('readCell', () => {
  test.each<[string, unknown, ReturnType<typeof readCell>]>([
    ['a number', 85, { value: 85 }],
    ['text', '85分', { value: '85分' }],
    ['a blank', null, { value: null }],
    ['a boolean', true, { value: true }],
    ['CustomFunctions.Error #N/A', { code: '#N/A' }, { error: '#N/A' }],
    ['CustomFunctions.Error #VALUE! with a message', { code: '#VALUE!', message: 'x' }, { error: '#VALUE!' }],
    ['ErrorCellValue #DIV/0!', { type: 'Error', basicType: 'Error', basicValue: '#DIV/0!', errorType: 'Div0' }, { error: '#DIV/0!' }],
    ['ErrorCellValue without its code', { type: 'Error' }, { error: '#VALUE!' }],
    ['a formatted number', { type: 'FormattedNumber', basicValue: 85, numberFormat: '0.0' }, { value: 85 }],
    ['a data-typed string', { type: 'String', basicValue: '较好' }, { value: '较好' }],
  ])('%s', (_name, input, expected) => {
    expect(readCell(input)).toEqual(expected);
  });

  test('an object that is neither stays itself (the engine names it as text)', () => {
    const o = { properties: {} };
    expect(readCell(o)).toEqual({ value: o });
  });
});

test.each<[unknown, unknown]>([
  [{ code: '#N/A' }, '#N/A'],
  [{ type: 'Error', basicValue: '#REF!' }, '#REF!'],
  [{ type: 'Double', basicValue: 92 }, 92],
  ['好', '好'],
  [null, null],
])('cellValue(%p) → %p', (input, expected) => {
  expect(cellValue(input)).toEqual(expected);
});
