import { isColumnNumberRow, isNoteRow, isSectionRow, isSubtotalRow } from '../../../shared/validate/row-kinds';
import { row, type In } from '../../helpers/models';

test.each<[string, In[], boolean]>([
  ['甲乙丙 then numbers', ['甲', '乙', '丙', 1, 2, 3, 4], true],
  ['numbers only', [1, 2, 3, 4, 5, 6], true],
  ['numbers as text', ['1', '2', '3'], true],
  ['栏次 label first', ['栏次', '甲', '乙', 1, 2, 3], true],
  ['(1) (2) (3)', ['(1)', '(2)', '(3)'], true],
  ['numbers that skip', [1, 2, 4], false],
  ['a data row', [1, '东山村党支部', '村', 13, 13, 8], false],
  ['scores that happen to count up', [8, 9, 10, 11], true],
  ['too few cells', [1, 2], false],
  ['a formula', [1, 2, { f: 'A1+1', v: 3 }], false],
])('栏次 row: %s → %p', (_n, values, want) => expect(isColumnNumberRow(row(5, values))).toBe(want));

test.each<[string, In[], boolean]>([
  ['合计', [null, '合计', null, null, 120], true],
  ['合 计 with spaces', [null, '合  计'], true],
  ['村小计', [null, '村小计', null, null, 40], true],
  ['社区小计（3个）', [null, '社区小计（3个）'], true],
  ['总计: 15 个', [null, '总计：15个'], true],
  ['合计 in the 序号 column, name blank', ['合计', null, null, 300], true],
  ['an organization', [1, '东山村党支部', '村'], false],
  ['an organization whose name contains 合', [1, '合心村党支部', '村'], false],
])('subtotal: %s → %p', (_n, values, want) => expect(isSubtotalRow(row(20, values), 2)).toBe(want));

test.each<[string, In[], boolean]>([
  ['注：', ['注：本表由乡镇党委填报。'], true],
  ['说明 1.', ['说明1.总分为百分制'], true],
  ['填报单位（盖章）', ['填报单位（盖章）：', null, '填报人：', '张三', '日期：', '2026-04-20'], true],
  ['审核人', ['审核人：李四', null, '负责人：王五'], true],
  ['年 月 日', [null, null, '年  月  日'], true],
  ['an organization', [1, '东山村党支部', '村', '党支部', null, null, null, 13], false],
  ['a name starting like a note but with scores', ['注册会计师协会党支部', '社会组织', 13], false],
])('note or signature: %s → %p', (_n, values, want) => expect(isNoteRow(row(30, values), [3])).toBe(want));

// Name in column 2, the table's data columns 2–6.
test.each<[string, In[], boolean]>([
  ['一、农村党组织（6个）', [null, '一、农村党组织（6个）'], true],
  ['（二）社区党组织', [null, '（二）社区党组织'], true],
  ['full-width and Traditional: 二、社區黨組織', [null, '二、社區黨組織'], true],
  ['第三部分 机关', [null, '第三部分 机关'], true],
  ['a group named with its count', [null, '非公企业党组织（12个）'], true],
  ['a heading with the 序号 column filled', ['一', '一、农村党组织'], true],
  ['a heading whose row still has the template’s formulas', [null, '一、农村党组织', null, null, null, { f: 'IF(COUNTA(H5:N5)=0,"",1)', v: '' }], true],
  ['an organization', [1, '东山村党支部', '村', 13], false],
  ['an organization with only its name typed', [1, '东山村党支部'], false],
  ['a heading-like name with a category', [null, '一、农村党组织', '村'], false],
  ['a heading-like name with a score', [null, '（一）东山村党支部', null, 13], false],
])('section heading: %s → %p', (_n, values, want) => expect(isSectionRow(row(12, values), 2, [2, 3, 4, 5, 6])).toBe(want));
