// Error cells (#N/A, #VALUE!) in the ranges a clerk passes: each is named by its cell and code in
// Chinese, in its own row only; the quota verdict names it among what it did not count.
import { gradeCore } from '../../../addin/functions/grade-core';
import { quotaCheckCore } from '../../../addin/functions/quota-core';

const na = { code: '#N/A' };
const value = { type: 'Error', basicType: 'Error', basicValue: '#VALUE!', errorType: 'Value' };
const fix = '请先更正该单元格（或其公式引用的单元格）';

describe('GRADE with error cells', () => {
  test.each<[string, () => unknown, unknown]>([
    ['one total', () => gradeCore({ scores: [[na]], addresses: ['一览表!O5'] }), [[{ problem: `O5 单元格内容为错误值 #N/A，${fix}` }]]],
    ['one total, no address', () => gradeCore({ scores: na }), [[{ problem: `内容为错误值 #N/A，${fix}` }]]],
    [
      'a column: the error row only',
      () => gradeCore({ scores: [[92], [value], ['85分']], addresses: ['一览表!O5:O7'] }),
      [['好'], [{ problem: `第 6 行：O6 单元格内容为错误值 #VALUE!，${fix}` }], ['较好']],
    ],
    [
      'an indicator row: the error cell, then the row’s other problems',
      () => gradeCore({ scores: [[na, 15, 10, 10, 10, 25, 20]], addresses: ['一览表!H5:N5'] }),
      [[{ problem: `H5 单元格内容为错误值 #N/A，${fix}；M5 单元格“工作业绩”分数 25 超出范围，应在 0 到 20 之间` }]],
    ],
    [
      'a formatted number (data types) grades as its number',
      () => gradeCore({ scores: [[{ type: 'FormattedNumber', basicValue: 91, numberFormat: '0.0' }]] }),
      [['好']],
    ],
    [
      'a flag cell in error marks its row',
      () => gradeCore({ scores: [[95], [95]], forcedBottom: [['否'], [na]], addresses: ['S!O5:O6', 'S!P5:P6'] }),
      [['好'], [{ problem: '第 6 行：P6 单元格“涉及三打两建问题”一栏的“#N/A”无法识别，请填写“是”或“否”（或留空）' }]],
    ],
  ])('%s', (_name, run, expected) => {
    expect(run()).toEqual(expected);
  });

  test('a single flag cell in error refuses the formula, naming the code', () => {
    expect(() => gradeCore({ scores: [[95]], forcedBottom: [[na]] })).toThrow('“涉及三打两建问题”一栏的“#N/A”无法识别');
  });
});

test.each<[string, unknown[][], unknown[][] | undefined, string]>([
  ['a grade in error', [['好'], [na], ['较好'], ['较好'], ['一般']], undefined, '1 个无法识别的等次（“#N/A”）'],
  ['a category in error', [['好'], ['较好']], [[na], ['村']], '1 个类别无法识别（“#N/A”），其等次已按“好”不超过 20% 的类别计入'],
])('QUOTA_CHECK: %s is named by its code', (_name, grades, categories, fragment) => {
  const line = quotaCheckCore({ grades, categories });
  expect(line).toContain(fragment);
  expect(line).not.toContain('object');
});
