// Rows inside or around a table that are not organizations, as a reviewer tells them apart:
// the 栏次 row under the header, subtotal and total rows, notes and the signature block.
import { normalizeLabel } from '../text/normalize';
import { cellIsBlank, cellText, type SheetCell, type SheetRow } from '../workbook/model';

const STEMS = '甲乙丙丁戊己庚辛壬癸';

function filled(row: SheetRow): SheetCell[] {
  return row.cells.filter((c): c is SheetCell => !cellIsBlank(c));
}

/** The first filled cell, without listing the others: asked of every row of a table. */
function firstFilled(row: SheetRow): SheetCell | undefined {
  for (const c of row.cells) if (!cellIsBlank(c)) return c;
  return undefined;
}

/**
 * "栏次 | 甲 | 乙 | 1 | 2 | 3 …" under a header: every filled cell is 栏次, a heavenly stem or a
 * column number, and the numbers count up by one from left to right.
 */
export function isColumnNumberRow(row: SheetRow): boolean {
  const cells = filled(row);
  if (cells.length < 3) return false;
  let last: number | null = null;
  for (const c of cells) {
    if (c.formula) return false;
    const t = normalizeLabel(cellText(c));
    if (t === '栏次' || t === '栏目' || (t.length === 1 && STEMS.includes(t))) continue;
    const n = typeof c.v === 'number' ? c.v : /^\(?\d{1,3}\)?$/.test(t) ? Number(t.replace(/[()]/g, '')) : NaN;
    if (!Number.isInteger(n)) return false;
    if (last !== null && n !== last + 1) return false;
    last = n;
  }
  return true;
}

const SUBTOTAL = /^[^\d]{0,12}?(小计|合计|总计|共计)(\(.*\)|:.*)?$/;

/** 合计, 总计, 村小计, 社区小计（5个）: sums of the rows above, not an organization. */
export function isSubtotalRow(row: SheetRow, nameCol: number): boolean {
  const name = row.cells[nameCol];
  const first = cellIsBlank(name) ? firstFilled(row) : name;
  if (!first || typeof first.v !== 'string') return false;
  const t = normalizeLabel(first.v);
  return t.length <= 24 && SUBTOTAL.test(t);
}

// 一、农村党组织 / （二）社区 / 第三部分 … / 非公企业党组织（6个）: how a clerk heads a group of rows.
const SECTION = /^([一二三四五六七八九十]{1,3}[、.]|\([一二三四五六七八九十]{1,3}\)|第[一二三四五六七八九十\d]{1,3}(部分|类|组))|\(\d{1,4}个\)$/;

/**
 * A heading over a group of rows typed in the name column ("一、农村党组织（6个）"): its text
 * reads as a heading and nothing else of the row is filled in the table's columns (a formula's
 * result aside). A reviewer reads it as the group's title, not as an organization left blank.
 */
export function isSectionRow(row: SheetRow, nameCol: number, dataCols: readonly number[]): boolean {
  const name = row.cells[nameCol];
  if (!name || typeof name.v !== 'string') return false;
  const t = normalizeLabel(name.v);
  if (t.length > 40 || !SECTION.test(t)) return false;
  return dataCols.every((c) => c === nameCol || cellIsBlank(row.cells[c]) || !!row.cells[c]?.formula);
}

const NOTE = /^(注|说明|填表说明|备注|附注|附件|填报说明)(\d|[:.、(]|$)/;
const SIGNATURE =
  /^(\(盖章\)|盖章|单位\(盖章\)|填报单位|报送单位|填表单位|填报人|填表人|制表人|经办人|审核人|审批人|负责人|主要负责人|单位负责人|分管领导|书记|党委书记|联系人|联系电话|电话|填报日期|填表日期|报送日期|日期)/;
const DATE_LINE = /^\d{0,4}年\d{0,2}月\d{0,2}日$/;

/**
 * "注：…" under the table (a few cells), or the signature block ("填报单位（盖章）：", "审核人：",
 * "年 月 日"): led by such words, with no number in the score columns.
 */
export function isNoteRow(row: SheetRow, numberCols: readonly number[]): boolean {
  const first = firstFilled(row);
  if (!first || typeof first.v !== 'string') return false;
  if (numberCols.some((c) => typeof row.cells[c]?.v === 'number')) return false;
  const t = normalizeLabel(first.v);
  if (NOTE.test(t) && filled(row).length <= 3) return true;
  return SIGNATURE.test(t) || DATE_LINE.test(t);
}
