// A blank 党组织名册 for the county to fill (or to paste its own list into): the columns the
// roster reader knows, drop-downs for 类别 (from the chosen standard) and 组织类型, printable by
// the print standard (shared/print): title, the unit/date block to stamp, the header on every page.
import { THIN_BORDER } from '../../../shared/print/styles';
import type { SheetDef } from '../../../shared/print/types';
import { addPrintedSheet } from '../../../shared/print/writer';
import { ROSTER_COLUMNS, ROSTER_SHEET } from '../../../shared/roster/sheet';
import type { Scheme } from '../../../shared/scheme/schema';
import { ORG_TYPES } from '../../../shared/template/definition';
import { newWorkbook, workbookBytes, type ExcelJS } from '../../../shared/template/excel';
import { colLetter } from '../../../shared/workbook/a1';

/** Bordered blank lines of the blank form; the table goes on below them (typed or pasted rows). */
const BLANK_ROWS = 300;
/**
 * Rows the 类别 and 组织类型 drop-downs cover: three times the largest county of the sources
 * (1,014 organizations), not MAX_ROSTER_ENTRIES, because exceljs reads a range back as one entry
 * per cell (20,000 rows made each load and save of the template 2 s slower). Rows further down
 * read the same; they only have no drop-down.
 */
const DROPDOWN_ROWS = 3_000;

// exceljs supports range-wide validations but does not type them.
type Validations = { add(address: string, v: ExcelJS.DataValidation): void };

/**
 * The 名册 by the print standard. The unit/date block to stamp is above the header, as on the
 * township's template, and no print area is set: the table takes any number of rows. (The block
 * once sat under the 300 blank lines, in merged cells, with a print area ending there: a county of
 * 2,000 organizations pasting from the first line ran into it and printed 300.)
 */
export function rosterDef(scheme: Scheme, county: string): SheetDef {
  return {
    name: ROSTER_SHEET,
    title: `${county}基层党组织名册`,
    notes: [`每行一个基层党组织。“乡镇（街道）”和“党组织名称”必填；类别按评定标准“${scheme.name}”填写；党支部隶属党总支的，在“所属党总支”中写明。也可以从已有表格中复制粘贴；空行用完后接着往下填写或粘贴即可。`],
    columns: ROSTER_COLUMNS.map((c) => ({ header: c.header, kind: 'text' as const, width: c.width })),
    info: [{ label: '填报单位（盖章）', blank: 24 }, { label: '填报人', blank: 12 }, { label: '联系电话', blank: 16 }, { label: '填报日期', blank: 12, kind: 'date' }],
    infoInput: true,
    printArea: 'used',
  };
}

export async function rosterTemplate(scheme: Scheme, county = ''): Promise<Uint8Array> {
  const wb = await newWorkbook();
  const sheet = addPrintedSheet(wb, rosterDef(scheme, county));
  const first = sheet.nextRow;
  for (let i = 0; i < BLANK_ROWS; i++) sheet.row(ROSTER_COLUMNS.map(() => null));
  sheet.end();
  const last = first + DROPDOWN_ROWS - 1;
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
  // A 名册 longer than the blank lines (typed on, or values pasted by a script) prints ruled like
  // them: a row with anything in it gets the table's borders, in Excel, WPS and LibreOffice alike.
  const right = colLetter(ROSTER_COLUMNS.length);
  sheet.out.ws.addConditionalFormatting({
    ref: `A${first}:${right}${last}`,
    rules: [{ type: 'expression', priority: 1, formulae: [`COUNTA($A${first}:$${right}${first})>0`], style: { border: THIN_BORDER } }],
  });
  return workbookBytes(wb);
}
