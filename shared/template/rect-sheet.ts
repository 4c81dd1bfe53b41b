// The township's 整改台账 by the print standard: one line per rectification item. The deadline
// column shows a typed date as yyyy-mm-dd and keeps text such as 年底前 as written.
// A template may come pre-filled with the township's items still open in the county's ledger
// (shared/ledger): each line carries its 台账编号, so the sheet coming back updates that item;
// the township marks 申请销号 with its 完成日期. 台账状态, 挂点领导, 联络员 and 台账编号 are the
// county's and shaded: shown, not taken from the sheet.
import type { CampaignKind } from '../api/campaign';
import type { ExcelJS } from './excel';
import { colLetter } from '../workbook/a1';
import { addPrintedSheet, bodyStyle, fitRowHeight, putCell, styleWith, type PrintBook, type PrintCell, type PrintColumn, type PrintKind, type SheetDef } from '../print';
import { RECT_COLUMNS, RECT_SHEET, rectTitle, type RectColumn, type RectKey } from './definition';
import { TEMPLATE_SIGNATURE, infoItems } from './detail-sheet';
import { addValidation, dropdown, type Lists } from './checks';

function kindOf(c: RectColumn): PrintKind {
  if (c.key === 'deadline' || c.key === 'completedOn') return 'date';
  if (c.kind === 'seq') return 'seq';
  return c.key === 'grade' || c.key === 'owner' || c.key === 'requestClose' || c.key === 'state' || c.key === 'leader' || c.key === 'liaison' ? 'center' : 'text';
}

export const RECT_PRINT_COLUMNS: PrintColumn[] = RECT_COLUMNS.map((c) => ({ header: c.header, kind: kindOf(c), width: c.width }));

/** Columns the county fills: shown to the township, never taken from its sheet. */
const COUNTY_KEYS: ReadonlySet<RectKey> = new Set(['state', 'leader', 'liaison', 'itemId']);
const COUNTY_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };

/** Blank lines under the pre-filled ones, for items the township adds. */
export const SPARE_RECT_ROWS = 5;

/** One open item of the ledger as its pre-filled line (labels resolved). */
export interface RectPrefill {
  itemId: string;
  orgName: string;
  /** The grade label that opened it. */
  grade: string;
  matter: string;
  measures: string;
  owner: string;
  /** 完成时限 as written. */
  deadline: string;
  progress: string;
  /** 整改中 / 已复号 / 申请销号. */
  state: string;
  leader: string;
  liaison: string;
}

export function rectDef(township: string, year: number, kind?: CampaignKind): SheetDef {
  return {
    name: RECT_SHEET,
    title: rectTitle(township, year, kind),
    columns: RECT_PRINT_COLUMNS,
    info: [infoItems(township)[0] ?? { label: '填报单位（盖章）' }, { label: '填报日期', blank: 12, kind: 'date' }],
    infoInput: true,
    signature: TEMPLATE_SIGNATURE,
    freezeColumns: 2,
    printArea: 'used',
  };
}

function prefillValue(p: RectPrefill, key: RectKey, seq: number): PrintCell {
  switch (key) {
    case 'seq':
      return seq;
    case 'problems':
      return p.matter || null;
    case 'status':
      return p.progress || null;
    case 'requestClose':
    case 'completedOn':
      return null;
    default:
      return p[key] || null;
  }
}

export function writeRectSheet(wb: PrintBook, township: string, year: number, rows: number, lists: Lists, prefill: readonly RectPrefill[] = [], kind?: CampaignKind): ExcelJS.Worksheet {
  const sheet = addPrintedSheet(wb, rectDef(township, year, kind));
  const ws = sheet.out.ws;
  const first = sheet.nextRow;
  const last = first + Math.max(rows, prefill.length + SPARE_RECT_ROWS) - 1;
  const styles = RECT_COLUMNS.map((c, i) => {
    const base = bodyStyle(RECT_PRINT_COLUMNS[i]?.kind ?? 'text', 'body', false);
    return COUNTY_KEYS.has(c.key) ? styleWith(base, 'county', { fill: COUNTY_FILL }) : base;
  });
  for (let r = first; r <= last; r++) {
    const p = prefill[r - first];
    const values = RECT_COLUMNS.map((c) => (p ? prefillValue(p, c.key, r - first + 1) : null));
    values.forEach((v, i) => putCell(ws.getCell(r, i + 1), v, () => styles[i] as Partial<ExcelJS.Style>));
    // Last year's 问题 and 措施 run to several lines: a row left one line tall prints them over the next.
    if (p) fitRowHeight(ws, r, values, RECT_COLUMNS);
  }
  const col = (key: RectKey) => colLetter(RECT_COLUMNS.findIndex((c) => c.key === key) + 1);
  dropdown(ws, `${col('grade')}${first}:${col('grade')}${last}`, lists.grade, '等次', GRADE_PROMPT);
  addValidation(ws, `${col('requestClose')}${first}:${col('requestClose')}${last}`, {
    type: 'list',
    allowBlank: true,
    formulae: [lists.flag],
    showInputMessage: true,
    promptTitle: '申请销号',
    prompt: REQUEST_PROMPT,
    showErrorMessage: true,
    errorStyle: 'warning',
    errorTitle: '请从下拉列表中选择',
    error: '申请销号请选择“是”或留空',
  });
  addValidation(ws, `${col('itemId')}${first}:${col('itemId')}${last}`, {
    type: 'any',
    allowBlank: true,
    formulae: [],
    showInputMessage: true,
    promptTitle: '台账编号请勿修改',
    prompt: '编号把这一行与县委组织部台账中的整改事项对应起来。新增的整改事项请留空。',
  } as unknown as ExcelJS.DataValidation);
  sheet.end();
  return ws;
}

/**
 * The prompt of the 等次 cells. The list's grade decides (the county's 整改台账 and 汇总 take it);
 * a line's 等次 that differs is warned about at its cell (RECT_GRADE_DIFFERS). A pre-filled item
 * shows the grade that opened it, which may be last year's: not compared.
 */
export const GRADE_PROMPT = '填写该党组织在一览表中的等次，须与一览表一致（汇总以一览表为准）。预填的整改事项显示立项时的等次。';

/** The prompt of the 申请销号 cells: how to ask for 销号 (灰色栏 are the county's). */
export const REQUEST_PROMPT = '整改完成的事项选“是”，并填写“完成情况”和“完成日期”，由县委组织部核实销号。灰色栏由县委组织部填写。';
