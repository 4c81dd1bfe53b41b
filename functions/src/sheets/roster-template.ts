// A blank 党组织名册 for the county to fill (or to paste its own list into): the columns the
// roster reader knows, drop-downs for 类别 (from the chosen standard) and 组织类型, printable by
// the print standard (shared/print): title, the header on every page, the unit/date block to stamp.
import { addPrintedSheet } from '../../../shared/print/writer';
import { ROSTER_COLUMNS, ROSTER_SHEET } from '../../../shared/roster/sheet';
import type { Scheme } from '../../../shared/scheme/schema';
import { ORG_TYPES } from '../../../shared/template/definition';
import { newWorkbook, workbookBytes, type ExcelJS } from '../../../shared/template/excel';
import { colLetter } from '../../../shared/workbook/a1';

const BLANK_ROWS = 300;

// exceljs supports range-wide validations but does not type them.
type Validations = { add(address: string, v: ExcelJS.DataValidation): void };

export async function rosterTemplate(scheme: Scheme, county = ''): Promise<Uint8Array> {
  const wb = await newWorkbook();
  const sheet = addPrintedSheet(wb, {
    name: ROSTER_SHEET,
    title: `${county}基层党组织名册`,
    notes: [`每行一个基层党组织。“乡镇（街道）”和“党组织名称”必填；类别按评定标准“${scheme.name}”填写；党支部隶属党总支的，在“所属党总支”中写明。也可以从已有表格中复制粘贴。`],
    columns: ROSTER_COLUMNS.map((c) => ({ header: c.header, kind: 'text' as const, width: c.width })),
    // Under the table, as on every form the county collects: who filled it, and the stamp.
    signature: [{ label: '填报单位（盖章）', blank: 24 }, { label: '填报人' }, { label: '联系电话', blank: 16 }, { label: '填报日期', blank: 12 }],
    signatureAt: 'table',
  });
  const first = sheet.nextRow;
  for (let i = 0; i < BLANK_ROWS; i++) sheet.row(ROSTER_COLUMNS.map(() => null));
  sheet.end();
  const last = first + BLANK_ROWS - 1;
  const v = (sheet.out.ws as unknown as { dataValidations: Validations }).dataValidations;
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
