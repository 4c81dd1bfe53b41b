// A blank 党组织名册 for the county to fill (or to paste its own list into): the columns the
// roster reader knows, drop-downs for 类别 (from the chosen standard) and 组织类型, printable.
import type { Scheme } from '../../../shared/scheme/schema';
import { ROSTER_COLUMNS, ROSTER_SHEET } from '../../../shared/roster/sheet';
import { ORG_TYPES } from '../../../shared/template/definition';
import { newWorkbook, workbookBytes, type ExcelJS } from '../../../shared/template/excel';
import { colLetter } from '../../../shared/workbook/a1';
import { addTableSheet } from './layout';

const BLANK_ROWS = 300;

// exceljs supports range-wide validations but does not type them.
type Validations = { add(address: string, v: ExcelJS.DataValidation): void };

export async function rosterTemplate(scheme: Scheme, county = ''): Promise<Uint8Array> {
  const wb = await newWorkbook();
  const ws = addTableSheet(wb, {
    name: ROSTER_SHEET,
    title: `${county}基层党组织名册`,
    note: `每行一个基层党组织。“乡镇（街道）”和“党组织名称”必填；类别按评定标准“${scheme.name}”填写；党支部隶属党总支的，在“所属党总支”中写明。也可以从已有表格中复制粘贴。`,
    columns: ROSTER_COLUMNS.map((c) => ({ header: c.header, width: c.width })),
    rows: Array.from({ length: BLANK_ROWS }, () => ROSTER_COLUMNS.map(() => null)),
    stamp: ['填报单位：＿＿＿＿＿＿＿＿（盖章）', '填报人：＿＿＿＿＿＿  联系电话：＿＿＿＿＿＿  填报日期：＿＿＿＿＿＿'],
  });
  const first = 4;
  const last = first + BLANK_ROWS - 1;
  const v = (ws as unknown as { dataValidations: Validations }).dataValidations;
  const list = (key: string, items: string[], what: string) => {
    const col = colLetter(ROSTER_COLUMNS.findIndex((c) => c.key === key) + 1);
    v.add(`${col}${first}:${col}${last}`, {
      type: 'list',
      allowBlank: true,
      formulae: [`"${items.join(',')}"`],
      showErrorMessage: true,
      errorStyle: 'warning',
      errorTitle: '请从下拉列表中选择',
      error: `${what}请从下拉列表中选择`,
    });
  };
  list('category', scheme.categories.map((c) => c.name), '类别');
  list('orgType', ORG_TYPES.map((o) => o.label), '组织类型');
  return workbookBytes(wb);
}
