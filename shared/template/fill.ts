// Filled workbooks for tests, the demo and benches. Rows carry RAW cell values (numbers, "92分",
// Traditional text, blanks) so callers can inject exactly the mistakes clerks make.
import { loadWorkbook, workbookBytes, type ExcelJS } from './excel';
import { DETAIL_LAYOUT, DETAIL_SHEET, INFO_FIELDS, RECT_COLUMNS, RECT_LAYOUT, RECT_SHEET, SUMMARY_SHEET, detailColumns, type DetailColumn, type InfoKey } from './definition';
import { gradeByFormulaRules, gradeFormula, totalByFormulaRules, totalFormula } from './formulas';
import { infoCells } from './detail-sheet';
import { summaryResults, summaryRows, type SummaryInput } from './summary-sheet';
import type { Scheme } from '../scheme/schema';
import { fitRowHeight } from '../print';

export interface FillOrg {
  seq?: unknown;
  name: unknown;
  committee?: unknown;
  category?: unknown;
  orgType?: unknown;
  parent?: unknown;
  members?: unknown;
  /** One raw value per scheme indicator. */
  scores: unknown[];
  /** Omitted: the template's formula, with the engine's result cached. Given: written as is. */
  total?: unknown;
  grade?: unknown;
  forcedBottom?: unknown;
  newlyEstablished?: unknown;
  explanation?: unknown;
  remark?: unknown;
}

export interface FillRect {
  seq?: unknown;
  orgName: unknown;
  grade?: unknown;
  problems?: unknown;
  measures?: unknown;
  owner?: unknown;
  deadline?: unknown;
  status?: unknown;
  /** The ledger's columns (a pre-filled sheet's item lines, a 申请销号 mark). */
  requestClose?: unknown;
  completedOn?: unknown;
  state?: unknown;
  leader?: unknown;
  liaison?: unknown;
  itemId?: unknown;
}

export interface FillData {
  scheme: Scheme;
  info?: Partial<Record<InfoKey, unknown>>;
  orgs: FillOrg[];
  rectifications?: FillRect[];
  /**
   * Changes to lines pre-filled from the county's ledger, each found by its 台账编号 (a 申请销号
   * mark, 完成情况…); `rectifications` are written on the blank lines under them.
   */
  ledger?: Array<{ itemId: string } & Omit<FillRect, 'itemId' | 'orgName'> & { orgName?: unknown }>;
  /** false: formulas are written without cached results (as a file no spreadsheet has opened). */
  cachedResults?: boolean;
}

export async function fillTemplate(template: Uint8Array, data: FillData): Promise<Uint8Array> {
  const wb = await loadWorkbook(template);
  fillWorkbook(wb, data);
  return workbookBytes(wb);
}

type Raw = ExcelJS.CellValue;

function raw(v: unknown): Raw {
  return v === undefined ? null : (v as Raw);
}

export function fillWorkbook(wb: ExcelJS.Workbook, data: FillData): void {
  const s = data.scheme;
  const cols = detailColumns(s);
  const ws = wb.getWorksheet(DETAIL_SHEET);
  if (!ws) throw new Error(`template has no sheet ${DETAIL_SHEET}`);
  const cached = data.cachedResults !== false;

  const info = infoCells(cols);
  INFO_FIELDS.forEach((f, k) => {
    const c = info[k];
    const v = data.info?.[f.key];
    if (c && v !== undefined) ws.getCell(DETAIL_LAYOUT.infoRow, c.value).value = raw(v);
  });

  // A clerk with more organizations than rows copies the last row: its look comes along.
  const lastRow = lastTableRow(ws, DETAIL_LAYOUT.firstDataRow);
  const counted: SummaryInput[] = data.orgs.map((o, i) => {
    const r = DETAIL_LAYOUT.firstDataRow + i;
    if (r > lastRow) copyRowStyle(ws, lastRow, r, cols.length);
    const counted = writeOrg(ws, s, cols, r, o, cached);
    fitRow(ws, r, cols);
    return counted;
  });
  fillSummary(wb, s, counted, cached);

  const rs = wb.getWorksheet(RECT_SHEET);
  if (rs && (data.rectifications || data.ledger)) {
    const first = RECT_LAYOUT.firstDataRow;
    const lastRect = lastTableRow(rs, first);
    const colOf = (key: string) => RECT_COLUMNS.findIndex((c) => c.key === key) + 1;
    for (const edit of data.ledger ?? []) {
      let row = first;
      while (row <= lastRect && rs.getCell(row, colOf('itemId')).value !== edit.itemId) row++;
      if (row > lastRect) throw new Error(`no pre-filled line with 台账编号 ${edit.itemId}`);
      for (const [k, v] of Object.entries(edit)) if (k !== 'itemId' && colOf(k) > 0) rs.getCell(row, colOf(k)).value = raw(v);
      fitRow(rs, row, RECT_COLUMNS);
    }
    // New lines go under the pre-filled ones (numbered on from them).
    let next = first;
    while (next <= lastRect && rs.getCell(next, colOf('orgName')).value !== null) next++;
    (data.rectifications ?? []).forEach((r, i) => {
      const row = next + i;
      if (row > lastRect) copyRowStyle(rs, lastRect, row, RECT_COLUMNS.length);
      RECT_COLUMNS.forEach((c, ci) => {
        const v = c.key === 'seq' ? (r.seq ?? row - first + 1) : r[c.key as Exclude<keyof FillRect, 'seq'>];
        rs.getCell(row, ci + 1).value = raw(v);
      });
      fitRow(rs, row, RECT_COLUMNS);
    });
  }
}

/** The height a spreadsheet program saves for a row it fitted to its wrapped text. */
function fitRow(ws: ExcelJS.Worksheet, r: number, cols: readonly { width: number }[]): void {
  fitRowHeight(ws, r, cols.map((_, i) => ws.getCell(r, i + 1).value), cols);
}

/** The last row of the template's table (the last row with a bordered first cell). */
function lastTableRow(ws: ExcelJS.Worksheet, first: number): number {
  let last = first;
  for (let r = first; r <= ws.rowCount; r++) if (ws.getCell(r, 1).border?.left) last = r;
  return last;
}

function copyRowStyle(ws: ExcelJS.Worksheet, from: number, to: number, n: number): void {
  for (let c = 1; c <= n; c++) ws.getCell(to, c).style = ws.getCell(from, c).style;
}

/** The 汇总表's formulas with the results a spreadsheet would cache for these rows. */
function fillSummary(wb: ExcelJS.Workbook, s: Scheme, rows: SummaryInput[], cached: boolean): void {
  const ws = wb.getWorksheet(SUMMARY_SHEET);
  if (!ws) return;
  const results = summaryResults(s, rows);
  const { first } = summaryRows(s);
  results.forEach((line, i) => {
    line.forEach((v, k) => {
      const cell = ws.getCell(first + i, k + 2);
      const f = cell.formula;
      if (f) cell.value = formula(f, v, cached);
    });
  });
}

function writeOrg(ws: ExcelJS.Worksheet, s: Scheme, cols: DetailColumn[], row: number, o: FillOrg, cached: boolean): SummaryInput {
  const put = (ci: number, v: Raw) => (ws.getCell(row, ci + 1).value = v);
  const has = (key: string) => cols.some((c) => c.key === key);
  const forced = has('forcedBottom') ? (o.forcedBottom ?? null) : null;
  const fresh = has('newlyEstablished') ? (o.newlyEstablished ?? null) : null;
  const scores = cols.filter((c) => c.key === 'score').map((c) => o.scores[c.indicator ?? 0]);
  const total = o.total !== undefined ? o.total : totalByFormulaRules(scores);
  const grade = o.grade !== undefined ? o.grade : gradeByFormulaRules(s, total, forced, fresh);
  cols.forEach((c, ci) => {
    switch (c.key) {
      case 'score':
        put(ci, raw(o.scores[c.indicator ?? 0]));
        break;
      case 'total':
        put(ci, o.total !== undefined ? raw(o.total) : formula(totalFormula(cols, row), total, cached));
        break;
      case 'grade':
        put(ci, o.grade !== undefined ? raw(o.grade) : formula(gradeFormula(s, cols, row), grade, cached));
        break;
      default:
        put(ci, raw(o[c.key]));
    }
  });
  return { name: o.name, category: o.category, members: o.members, grade };
}

function formula(f: string, result: unknown, cached: boolean): Raw {
  if (!cached) return { formula: f } as ExcelJS.CellFormulaValue;
  return { formula: f, result: result as ExcelJS.CellFormulaValue['result'] } as ExcelJS.CellFormulaValue;
}
