// The township's 分类定级汇总表 (source 002, 附件三): counts, 党员 totals and shares of the
// 一览表 by category and grade, as COUNTIFS/SUMIFS formulas over whole columns below the header,
// so rows a clerk adds are counted too. The same functions work in Excel, WPS and LibreOffice.
// `summaryResults` is the formulas' arithmetic in TypeScript, for cached results.
import type { CampaignKind } from '../api/campaign';
import { kindName } from '../consolidate/titles';
import type { ExcelJS } from './excel';
import { colLetter } from '../workbook/a1';
import { addPrintedSheet, fitWidth, planSheet, type PrintBook, type PrintCell, type PrintColumn, type SheetDef } from '../print';
import { DETAIL_LAYOUT, DETAIL_SHEET, SUMMARY_SHEET, detailColumns, type DetailKey } from './definition';
import { TEMPLATE_SIGNATURE, infoItems } from './detail-sheet';
import type { Scheme } from '../scheme/schema';

export const OTHER_CATEGORY_ROW = '类别未按下拉列表填写';

/** The last row a spreadsheet has (Excel, WPS and LibreOffice since 7.x alike). */
const LAST_ROW = 1048576;

export function summaryTitle(township: string, year: number | string, kind?: CampaignKind): string {
  return `${township}${year}年度${kindName('基层党组织分类定级情况汇总表', kind)}`;
}

export function summaryColumnsOf(s: Scheme): PrintColumn[] {
  return [
    { header: '类别', kind: 'center', width: fitWidth([OTHER_CATEGORY_ROW, ...s.categories.map((c) => c.name)], 10, 22) },
    { header: '党组织数', kind: 'int', width: 9 },
    { header: '党员数', kind: 'int', width: 9 },
    ...s.grades.flatMap((g): PrintColumn[] => [
      { header: '个数', group: g.label, kind: 'int', width: 8 },
      { header: '占比', group: g.label, kind: 'percent', width: 9 },
    ]),
  ];
}

export function summaryDef(s: Scheme, township: string, year: number, kind?: CampaignKind): SheetDef {
  return {
    name: SUMMARY_SHEET,
    title: summaryTitle(township, year, kind),
    notes: [`本表由“${DETAIL_SHEET}”自动统计，请勿改写；占比保留一位小数。`],
    columns: summaryColumnsOf(s),
    info: [infoItems(township)[0] ?? { label: '填报单位（盖章）' }, { label: '填报日期', blank: 12, kind: 'date' }],
    infoInput: true,
    signature: TEMPLATE_SIGNATURE,
  };
}

/** Whole-column range of a detail column from the first data row down. */
function detailRange(s: Scheme, key: DetailKey): string {
  const i = detailColumns(s).findIndex((c) => c.key === key);
  const l = colLetter(i + 1);
  return `'${DETAIL_SHEET}'!$${l}$${DETAIL_LAYOUT.firstDataRow}:$${l}$${LAST_ROW}`;
}

function q(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

/** A row's cells: label, then formulas (count, members, per grade count and share). */
function formulaRow(s: Scheme, r: number, label: string, kind: 'category' | 'other' | 'total', first: number, lastCat: number, cached: readonly (number | '')[]): PrintCell[] {
  const cat = detailRange(s, 'category');
  const cells: PrintCell[] = [label];
  const at = (k: number) => cached[k] ?? '';
  const sumAbove = (col: string) => `SUM(${col}${first}:${col}${lastCat})`;
  const total = (col: string) => `${col}${r + (kind === 'other' ? 1 : 0)}`;
  const expr = (col: string, own: string, all: string) => (kind === 'category' ? own : kind === 'total' ? all : `${total(col)}-${sumAbove(col)}`);
  cells.push({ formula: expr('B', `COUNTIFS(${cat},$A${r})`, `COUNTIF(${detailRange(s, 'name')},"?*")`), result: at(0) });
  cells.push({ formula: expr('C', `SUMIFS(${detailRange(s, 'members')},${cat},$A${r})`, `SUM(${detailRange(s, 'members')})`), result: at(1) });
  s.grades.forEach((g, k) => {
    const col = colLetter(4 + 2 * k);
    const grade = detailRange(s, 'grade');
    cells.push({ formula: expr(col, `COUNTIFS(${cat},$A${r},${grade},${q(g.label)})`, `COUNTIF(${grade},${q(g.label)})`), result: at(2 + 2 * k) });
    cells.push({ formula: `IF($B${r}=0,"",${col}${r}/$B${r})`, result: at(3 + 2 * k) });
  });
  return cells;
}

/** One row of the 一览表 as the formulas see it. */
export interface SummaryInput {
  name: unknown;
  category: unknown;
  members: unknown;
  grade: unknown;
}

/**
 * The formulas' results for the given 一览表 rows: per category, then 类别未按下拉列表填写, then
 * the total; each row is [count, members, (grade count, share)…], share '' when count is 0.
 */
export function summaryResults(s: Scheme, rows: readonly SummaryInput[]): Array<Array<number | ''>> {
  const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
  const line = (pick: (r: SummaryInput) => boolean): Array<number | ''> => {
    const rs = rows.filter(pick);
    const n = rs.length;
    const out: Array<number | ''> = [n, rs.reduce((a, r) => a + num(r.members), 0)];
    for (const g of s.grades) {
      const c = rs.filter((r) => r.grade === g.label).length;
      out.push(c, n ? c / n : '');
    }
    return out;
  };
  const cats = s.categories.map((c) => line((r) => r.category === c.name));
  const named = rows.filter((r) => typeof r.name === 'string' && r.name !== '');
  const total: Array<number | ''> = [named.length, rows.reduce((a, r) => a + num(r.members), 0)];
  for (const g of s.grades) {
    const c = rows.filter((r) => r.grade === g.label).length;
    total.push(c, named.length ? c / named.length : '');
  }
  const other = total.map((v, k) => {
    if (k >= 2 && k % 2 === 1) return '';
    return (v as number) - cats.reduce((a, row) => a + ((row[k] as number) || 0), 0);
  });
  const o0 = other[0] as number;
  for (let k = 3; k < other.length; k += 2) other[k] = o0 ? (other[k - 1] as number) / o0 : '';
  return [...cats, other, total];
}

export function writeSummarySheet(wb: PrintBook, s: Scheme, township: string, year: number, rows: readonly SummaryInput[], kind?: CampaignKind): ExcelJS.Worksheet {
  const sheet = addPrintedSheet(wb, summaryDef(s, township, year, kind));
  const first = sheet.nextRow;
  const lastCat = first + s.categories.length - 1;
  const results = summaryResults(s, rows);
  s.categories.forEach((c, i) => sheet.row(formulaRow(s, first + i, c.name, 'category', first, lastCat, results[i] ?? [])));
  sheet.row(formulaRow(s, lastCat + 1, OTHER_CATEGORY_ROW, 'other', first, lastCat, results[s.categories.length] ?? []));
  sheet.row(formulaRow(s, lastCat + 2, '合计', 'total', first, lastCat, results[s.categories.length + 1] ?? []), 'total');
  sheet.end();
  return sheet.out.ws;
}

/** Sheet rows of the first category line, of 类别未按下拉列表填写 and of the total. */
export function summaryRows(s: Scheme): { first: number; other: number; total: number } {
  const first = planSheet(summaryDef(s, '', 0)).firstBodyRow;
  return { first, other: first + s.categories.length, total: first + s.categories.length + 1 };
}
