// What a template checks as the clerk types, in any spreadsheet program: dropdowns, score ranges
// with a Chinese prompt and alert, and a red cell for a score typed as text (data validation and
// conditional formatting are read by Excel, WPS and LibreOffice alike).
import type { ExcelJS } from './excel';
import { colLetter } from '../workbook/a1';
import { FLAG_CHOICES, META_SHEET, ORG_TYPES, formatMax, type DetailColumn } from './definition';
import type { Scheme } from '../scheme/schema';
import { safeText } from '../text/sanitize';

// exceljs supports range-wide validations (`dataValidations.add('D5:D204', …)`) but does not type it.
function validations(ws: ExcelJS.Worksheet): { add(address: string, v: ExcelJS.DataValidation): void } {
  return (ws as unknown as { dataValidations: { add(address: string, v: ExcelJS.DataValidation): void } }).dataValidations;
}

export function addValidation(ws: ExcelJS.Worksheet, range: string, v: ExcelJS.DataValidation): void {
  validations(ws).add(range, v);
}

export interface Lists {
  category: string;
  orgType: string;
  grade: string;
  flag: string;
}

/** Excel's limits on a validation's title (32) and message (255); scheme text made safe first. */
const title = (s: string) => Array.from(safeText(s)).slice(0, 32).join('');
const message = (s: string) => Array.from(safeText(s)).slice(0, 255).join('');

function listFormula(values: readonly string[], sheetRange: string): string {
  const inline = `"${values.join(',')}"`;
  // Excel refuses inline lists over 255 characters (some versions count CJK as two): longer
  // ones point at the meta sheet.
  let weight = 0;
  for (const ch of inline) weight += ch.charCodeAt(0) > 0x7f ? 2 : 1;
  return weight <= 250 && values.every((v) => !v.includes(',') && !v.includes('"') && safeText(v) === v) ? inline : sheetRange;
}

/** The dropdowns' values, also written to the meta sheet's columns D–G. */
export function listColumns(s: Scheme): Array<[string, string[]]> {
  return [
    ['D', s.categories.map((c) => c.name)],
    ['E', ORG_TYPES.map((t) => t.label)],
    ['F', s.grades.map((g) => g.label)],
    ['G', [...FLAG_CHOICES]],
  ];
}

export function listFormulas(s: Scheme): Lists {
  const [c, t, g, f] = listColumns(s).map(([col, values]) => listFormula(values, `'${META_SHEET}'!$${col}$2:$${col}$${values.length + 1}`));
  return { category: c ?? '', orgType: t ?? '', grade: g ?? '', flag: f ?? '' };
}

export function dropdown(ws: ExcelJS.Worksheet, range: string, formula: string, what: string, prompt?: string): void {
  addValidation(ws, range, {
    type: 'list',
    allowBlank: true,
    formulae: [formula],
    ...(prompt ? { showInputMessage: true, promptTitle: what, prompt } : {}),
    showErrorMessage: true,
    errorStyle: 'warning',
    errorTitle: '请从下拉列表中选择',
    error: `${what}请从下拉列表中选择`,
  });
}

const TEXT_SCORE_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', bgColor: { argb: 'FFFFC7CE' } };

/** 0..max with a prompt and a stop alert; a score typed as text turns red. */
export function scoreChecks(ws: ExcelJS.Worksheet, c: DetailColumn, col: number, first: number, last: number, name: string): void {
  const letter = colLetter(col);
  const range = `${letter}${first}:${letter}${last}`;
  const max = formatMax(c.max ?? 0);
  addValidation(ws, range, {
    type: 'decimal',
    operator: 'between',
    allowBlank: true,
    formulae: [0, c.max ?? 0],
    showInputMessage: true,
    promptTitle: title(`${name}（满分 ${max} 分）`),
    prompt: `请填写 0 到 ${max} 之间的数字，可带小数；不要写“分”字`,
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: '分数超出范围',
    error: message(`“${name}”应为 0 到 ${max} 之间的数字`),
  });
  ws.addConditionalFormatting({
    ref: range,
    rules: [{ type: 'expression', priority: 1, formulae: [`AND(${letter}${first}<>"",NOT(ISNUMBER(${letter}${first})))`], style: { fill: TEXT_SCORE_FILL } }],
  });
}

/** A prompt on the formula columns: they compute themselves, and how to add a row. */
export function formulaPrompt(ws: ExcelJS.Worksheet, range: string, what: string): void {
  addValidation(ws, range, {
    type: 'any',
    allowBlank: true,
    formulae: [],
    showInputMessage: true,
    promptTitle: `${what}由公式自动计算`,
    prompt: '请勿改写。需要增加行时：选中最后一行复制，在其下方“插入复制的单元格”，公式和校验随之复制。',
  } as unknown as ExcelJS.DataValidation);
}

export function wholeNumberCheck(ws: ExcelJS.Worksheet, range: string): void {
  addValidation(ws, range, { type: 'whole', operator: 'greaterThanOrEqual', allowBlank: true, formulae: [0], showErrorMessage: true, errorStyle: 'stop', error: '请填写不小于 0 的整数' });
}
