// Where everything of a printed sheet goes, computed before a row is written (exceljs's streaming
// writer fixes the frozen panes and sheet properties when the sheet is added, and rows cannot be
// revisited): title, notes, the unit/date block, one or two header rows, then the body.
import type ExcelJS from 'exceljs';
import { colLetter } from '../workbook/a1';
import { wrappedLines } from './measure';
import { inlineRows, itemText, joinedRows, type ItemSpan, type TextSpan } from './blocks';
import type { PrintColumn, SheetDef } from './types';

/** Points per line of 10-pt CJK text (Noto/SimSun line height is ~1.45 em) and cell padding. */
export const LINE_PT = 15;
export const PAD_PT = 4;
/** Height of a row of one line (the sheet default). */
export const ROW_PT = 15;

/** The tallest row Excel allows, in points; a taller height is cut to it on opening. */
export const MAX_ROW_PT = 409;
/**
 * Wrapped lines one row holds. A table row whose text needs more continues on the rows under it
 * (writer.ts), since a row can grow no further and spreadsheet programs clip the rest.
 */
export const ROW_LINES = Math.floor((MAX_ROW_PT - PAD_PT) / LINE_PT);
/**
 * Wrapped lines of each row a text longer than `ROW_LINES` continues in (199 pt), about a third
 * of a landscape A4 page's body (~500 pt at 100 %). A row that does not fit in what is left of a
 * page moves whole to the next one: pieces of 409 pt printed one a page, the rest of it blank.
 */
export const CONTINUED_LINES = 13;

/** Height for a row whose tallest cell wraps to `lines` lines; undefined for one line (default). */
export function rowHeight(lines: number): number | undefined {
  return lines > 1 ? Math.min(MAX_ROW_PT, lines * LINE_PT + PAD_PT) : undefined;
}
/**
 * Lines a cell's value takes in a column `width` units wide: text wraps (measure.ts), anything
 * else is one line. Most cells are short: text of n UTF-16 units is at most 2n wide, so shorter
 * text without a line break fits on one line and is not measured (100,000 rows of a county sheet).
 */
export function cellLines(v: unknown, width: number): number {
  if (typeof v !== 'string') return 1;
  return v.length * 2 > width - 0.5 || v.includes('\n') ? wrappedLines(v, width) : 1;
}

/** Height for a row of `values` in `cols` (the tallest cell's lines); undefined for one line. */
export function cellsHeight(values: ArrayLike<unknown>, cols: readonly { width: number }[]): number | undefined {
  let lines = 1;
  for (let i = 0; i < cols.length; i++) lines = Math.max(lines, cellLines(values[i], cols[i]?.width ?? 0));
  return rowHeight(lines);
}
export const TITLE_PT = 32;
export const INFO_PT = 22;

/** A portrait A4 page holds about this many width units at 100 % with our margins. */
const PORTRAIT_UNITS = 100;

export function tableWidth(cols: readonly PrintColumn[]): number {
  return cols.reduce((a, c) => a + c.width, 0);
}

export function orientationOf(def: SheetDef): 'portrait' | 'landscape' {
  return def.orientation ?? (tableWidth(def.columns) > PORTRAIT_UNITS ? 'landscape' : 'portrait');
}

/** A header cell: its row (0 = upper, 1 = lower), 0-based column range and text. */
export interface HeaderCell {
  row: 0 | 1;
  from: number;
  to: number;
  /** Covers both header rows (a column without a group in a two-row header). */
  tall: boolean;
  text: string;
}

export function hasGroups(cols: readonly PrintColumn[]): boolean {
  return cols.some((c) => c.group);
}

/** The header as merged cells: groups above their columns, other columns merged over both rows. */
export function headerCells(cols: readonly PrintColumn[]): HeaderCell[] {
  const two = hasGroups(cols);
  const out: HeaderCell[] = [];
  let i = 0;
  while (i < cols.length) {
    const c = cols[i] as PrintColumn;
    if (two && c.group) {
      let j = i;
      while (cols[j + 1]?.group === c.group) j++;
      out.push({ row: 0, from: i, to: j, tall: false, text: headerText(c.group, spanWidth(cols, i, j)) });
      for (let k = i; k <= j; k++) out.push({ row: 1, from: k, to: k, tall: false, text: headerText(cols[k]?.header ?? '', cols[k]?.width ?? 0) });
      i = j + 1;
    } else {
      out.push({ row: 0, from: i, to: i, tall: two, text: headerText(c.header, c.width) });
      i++;
    }
  }
  return out;
}

/**
 * A header that wraps breaks before its bracketed part: 乡镇（街道） in a narrow column printed
 * 乡镇（街道 over a lone ）, 上报时间（北京时间 over ）. Readers compare headers without
 * whitespace (normalizeLabel), so the line break changes nothing they match.
 */
export function headerText(text: string, width: number): string {
  const at = text.search(/[（(]/);
  if (at <= 0 || text.includes('\n') || cellLines(text, width) === 1) return text;
  return `${text.slice(0, at)}\n${text.slice(at)}`;
}

function spanWidth(cols: readonly PrintColumn[], from: number, to: number): number {
  let w = 0;
  for (let k = from; k <= to; k++) w += cols[k]?.width ?? 0;
  return w;
}

/**
 * Heights of the header rows, from the lines each header text wraps to. Merged cells do not grow
 * by themselves in any spreadsheet program, so the heights are set.
 */
export function headerHeights(cols: readonly PrintColumn[]): number[] {
  const cells = headerCells(cols);
  const lines = (h: HeaderCell) => wrappedLines(h.text, spanWidth(cols, h.from, h.to));
  const h = (n: number) => n * LINE_PT + PAD_PT;
  if (!hasGroups(cols)) return [h(Math.max(1, ...cells.map(lines)))];
  const upper = h(Math.max(1, ...cells.filter((c) => c.row === 0 && !c.tall).map(lines)));
  let lower = h(Math.max(1, ...cells.filter((c) => c.row === 1).map(lines)));
  const tall = Math.max(0, ...cells.filter((c) => c.tall).map((c) => h(lines(c))));
  if (upper + lower < tall) lower = tall - upper;
  return [upper, lower];
}

/** Height of a merged, wrapped line of text across the whole table. */
export function noteHeight(text: string, cols: readonly PrintColumn[]): number {
  return wrappedLines(text, tableWidth(cols)) * LINE_PT + PAD_PT;
}

/** Row numbers of each part of a sheet (1-based). */
export interface SheetPlan {
  titleRow: number;
  noteRows: number[];
  /** The unit/date block as label and value cells (a template's, typed into)… */
  infoRows: Array<{ row: number; spans: ItemSpan[] }>;
  /** …or as printed texts (a county sheet's). */
  infoTexts: Array<{ row: number; spans: TextSpan[] }>;
  headerTop: number;
  headerBottom: number;
  firstBodyRow: number;
}

export function planSheet(def: SheetDef): SheetPlan {
  let r = 1;
  const titleRow = r++;
  const noteRows = (def.notes ?? []).map(() => r++);
  const widths = def.columns.map((c) => c.width);
  const infoRows = def.infoInput ? inlineRows(def.info ?? [], widths).map((spans) => ({ row: r++, spans })) : [];
  const infoTexts = def.infoInput ? [] : joinedRows(def.info ?? [], widths).map((spans) => ({ row: r++, spans }));
  const headerTop = r;
  const headerBottom = hasGroups(def.columns) ? r + 1 : r;
  return { titleRow, noteRows, infoRows, infoTexts, headerTop, headerBottom, firstBodyRow: headerBottom + 1 };
}

/** Footer text: & is Excel's code character, so text from data doubles it. */
function footerText(s: string): string {
  return s.replace(/&/g, '&&');
}

/**
 * Page numbers in the header, right: the form (&A, its sheet's name), its own page (&P, restarting at 1
 * on every sheet through FIRST_PAGE_NUMBER) and the pages of the print job (&N). When a whole
 * workbook is printed &N cannot count one sheet's pages: LibreOffice gives the document's total
 * (sc/source/ui/view/printfun.cxx takes nDocPages), so 第 &P 页，共 &N 页 read 第 157 页，共 1654
 * 页 with numbering across sheets, and with numbering per sheet would read 第 1 页，共 29 页 on a
 * one-page 汇总表. Said as the print job's total it is true both ways; printed alone they agree.
 */
export const PAGE_NUMBERS = '&A　第 &P 页（本次打印共 &N 页）';
/**
 * Every sheet numbers its pages from 1 (pageSetup firstPageNumber with useFirstPageNumber):
 * without it Excel and LibreOffice go on numbering from the sheet before when a workbook is
 * printed whole.
 */
export const FIRST_PAGE_NUMBER = 1;

/** Paper size code of A4 in SpreadsheetML. */
export const PAPER_A4 = 9;
/** Page margins in inches (narrow, so a wide table prints larger). */
export const PAGE_MARGINS = { left: 0.4, right: 0.4, top: 0.5, bottom: 0.6, header: 0.25, footer: 0.25 } as const;

/**
 * The page of a printed sheet, as both back ends write it: A4 in `orientation`, fit to one page
 * wide (any number of pages tall), centred, the header rows repeated on every page, the panes
 * frozen under the header, page numbers at the top right and the signature lines in the footer.
 * They once shared the footer: on a portrait page 联系电话：＿＿＿ ran into 汇总表（按类别） 第 1
 * 页（本次打印共 14 页）, and a longer name or a print of 100 pages more would overlap it.
 */
export interface PageSpec {
  orientation: 'portrait' | 'landscape';
  /** Rows repeated at the top of every page (1-based, inclusive). */
  titleRows: { top: number; bottom: number };
  /** Header code (&R…, &A sheet, &P page, &N pages): the page numbers. */
  header: string;
  /** Footer code (&L…): the signature lines, or '' for none. */
  footer: string;
  /** The number of the sheet's first page: each sheet counts its own pages. */
  firstPageNumber: number;
  /** Columns left of and rows above the frozen panes. */
  frozen: { columns: number; rows: number };
}

export function pageSpec(def: SheetDef, plan: SheetPlan = planSheet(def)): PageSpec {
  const sign = def.signature?.length ? def.signature.map((s) => footerText(itemText(s))).join('    ') : '';
  return {
    orientation: orientationOf(def),
    titleRows: { top: plan.headerTop, bottom: plan.headerBottom },
    header: `&R${PAGE_NUMBERS}`,
    footer: sign ? `&L${sign}` : '',
    frozen: { columns: def.freezeColumns ?? 0, rows: plan.headerBottom },
    firstPageNumber: FIRST_PAGE_NUMBER,
  };
}

/** Options for exceljs's `addWorksheet`: the page spec in exceljs's words. */
export function sheetOptions(def: SheetDef, plan: SheetPlan = planSheet(def)): Partial<ExcelJS.AddWorksheetOptions> {
  const p = pageSpec(def, plan);
  const { columns: x, rows: y } = p.frozen;
  return {
    pageSetup: {
      paperSize: PAPER_A4,
      orientation: p.orientation,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { ...PAGE_MARGINS },
      printTitlesRow: `${p.titleRows.top}:${p.titleRows.bottom}`,
      firstPageNumber: p.firstPageNumber,
    },
    headerFooter: p.footer ? { oddHeader: p.header, oddFooter: p.footer } : { oddHeader: p.header },
    views: [{ state: 'frozen', xSplit: x, ySplit: y, topLeftCell: `${colLetter(x + 1)}${y + 1}`, activeCell: `A${y + 1}` }],
  };
}
