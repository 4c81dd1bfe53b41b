// The 分类定级情况一览表 of a township's template: the print standard's title, unit/date block and
// two-row header, then the organization rows with native formulas and checks. The sheet is not
// protected: a clerk with more organizations than rows copies a row and inserts it, and the
// formulas, checks and borders come with it in Excel, WPS and LibreOffice alike (protection would
// refuse that paste, and Excel tables neither take a two-row header nor grow in LibreOffice).
import type { CampaignKind } from '../api/campaign';
import type { ExcelJS } from './excel';
import { colLetter } from '../workbook/a1';
import { addPrintedSheet, bodyStyle, fitRowHeight, inlineRows, putCell, styleWith, type LabelledItem, type PrintBook, type PrintCell, type PrintColumn, type PrintKind, type SheetDef } from '../print';
import { DETAIL_SHEET, ORG_TYPES, detailColumns, detailTitle, infoItems, type ColumnKind, type DetailColumn } from './definition';

export { infoItems } from './definition';
import { dropdown, formulaPrompt, scoreChecks, wholeNumberCheck, type Lists } from './checks';
import { gradeFormula, totalFormula } from './formulas';
import type { Scheme } from '../scheme/schema';
import { findCategory } from '../scheme/lookup';
import { normalizeLabel } from '../text/normalize';

export interface RosterEntry {
  name: string;
  category?: string;
  orgType?: string;
  /** 所属党总支 of a branch, as the 名册 names it. */
  parent?: string;
}

const KIND: Record<ColumnKind, PrintKind> = { seq: 'seq', text: 'text', category: 'center', orgType: 'center', int: 'int', score: 'number', total: 'number', flag: 'center', grade: 'center' };

export function printColumns(cols: readonly DetailColumn[]): PrintColumn[] {
  return cols.map((c) => ({ header: c.header, kind: KIND[c.kind], width: c.width, ...(c.group ? { group: c.group } : {}) }));
}

/** Where the 填报 block's labels and values are (1-based columns; values merged to valueEnd). */
export function infoCells(cols: number | readonly { width: number }[]): Array<{ label: number; value: number; valueEnd: number }> {
  const widths = typeof cols === 'number' ? Array.from({ length: cols }, () => 10) : cols.map((c) => c.width);
  const spans = inlineRows(infoItems(null), widths).flat();
  return spans.map((s) => ({ label: s.labelFrom + 1, value: s.valueFrom + 1, valueEnd: s.valueTo + 1 }));
}

/** Signature lines at the foot of every page: the table's length is the clerk's. */
export const TEMPLATE_SIGNATURE: LabelledItem[] = [{ label: '填报人（签字）' }, { label: '审核人（签字）' }];

export function detailDef(s: Scheme, county: string, township: string, year: number, kind?: CampaignKind): SheetDef {
  return {
    name: DETAIL_SHEET,
    title: detailTitle(county, township, year, kind),
    columns: printColumns(detailColumns(s)),
    info: infoItems(township),
    infoInput: true,
    signature: TEMPLATE_SIGNATURE,
    freezeColumns: 2,
    printArea: 'used',
  };
}

const FORMULA_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };

/** The body style of a template cell: formula columns shaded. */
export function templateCellStyle(c: DetailColumn): Partial<ExcelJS.Style> {
  const base = bodyStyle(KIND[c.kind], 'body', false);
  return c.kind === 'total' || c.kind === 'grade' ? styleWith(base, 'formula', { fill: FORMULA_FILL }) : base;
}

export interface DetailSheetOptions {
  scheme: Scheme;
  county: string;
  township: string;
  year: number;
  rows: number;
  roster: readonly RosterEntry[];
  lists: Lists;
  /** A 回头看's template names the 回头看 in its titles. */
  kind?: CampaignKind;
}

export function writeDetailSheet(wb: PrintBook, o: DetailSheetOptions): ExcelJS.Worksheet {
  const s = o.scheme;
  const cols = detailColumns(s);
  const sheet = addPrintedSheet(wb, detailDef(s, o.county, o.township, o.year, o.kind));
  const ws = sheet.out.ws;
  const first = sheet.nextRow;
  const last = first + o.rows - 1;
  const styles = cols.map(templateCellStyle);
  for (let r = first; r <= last; r++) {
    const entry = o.roster[r - first];
    const values = cols.map((c): PrintCell => {
      if (c.kind === 'total') return { formula: totalFormula(cols, r), result: '' };
      if (c.kind === 'grade') return { formula: gradeFormula(s, cols, r), result: '' };
      return entry ? rosterValue(s, c, entry, r - first + 1) : null;
    });
    values.forEach((v, ci) => putCell(ws.getCell(r, ci + 1), v, () => styles[ci] as Partial<ExcelJS.Style>));
    // A roster name of two lines in a row of one prints over the next row in LibreOffice.
    if (entry) fitRowHeight(ws, r, values, cols);
  }
  const range = (key: string) => {
    const i = cols.findIndex((c) => c.key === key);
    return i < 0 ? null : `${colLetter(i + 1)}${first}:${colLetter(i + 1)}${last}`;
  };
  const list = (key: string, formula: string, what: string) => {
    const r = range(key);
    if (r) dropdown(ws, r, formula, what);
  };
  list('category', o.lists.category, '类别');
  list('orgType', o.lists.orgType, '组织类型');
  list('grade', o.lists.grade, '等次');
  list('forcedBottom', o.lists.flag, '标记');
  list('newlyEstablished', o.lists.flag, '标记');
  cols.forEach((c, ci) => {
    if (c.kind === 'score') scoreChecks(ws, c, ci + 1, first, last, s.indicators[c.indicator ?? 0]?.name ?? c.header);
    if (c.kind === 'int') wholeNumberCheck(ws, `${colLetter(ci + 1)}${first}:${colLetter(ci + 1)}${last}`);
  });
  const total = range('total');
  if (total) formulaPrompt(ws, total, '总分');
  sheet.end();
  return ws;
}

function rosterValue(s: Scheme, c: DetailColumn, e: RosterEntry, seq: number): string | number | null {
  switch (c.key) {
    case 'seq':
      return seq;
    case 'name':
      return e.name;
    case 'parent':
      return e.parent ?? null;
    case 'category':
      return e.category === undefined ? null : (findCategory(s, e.category)?.name ?? e.category);
    case 'orgType': {
      if (e.orgType === undefined) return null;
      const t = ORG_TYPES.find((x) => [x.label, x.key, ...x.aliases].some((y) => normalizeLabel(y) === normalizeLabel(e.orgType ?? '')));
      return t?.label ?? e.orgType;
    }
    default:
      return null;
  }
}
