// A township's blank template: the forms clerks know, with dropdowns, protected headers, print
// setup and native formulas so it works in any spreadsheet program.
import { ExcelJS, workbookBytes } from './excel';
import {
  DEFAULT_TEMPLATE_ROWS,
  DETAIL_LAYOUT,
  DETAIL_SHEET,
  FLAG_CHOICES,
  INFO_FIELDS,
  META_SHEET,
  ORG_TYPES,
  RECT_COLUMNS,
  RECT_LAYOUT,
  RECT_SHEET,
  TEMPLATE_ID,
  TEMPLATE_VERSION,
  detailColumns,
  detailTitle,
  rectTitle,
  type DetailColumn,
  type TemplateMeta,
} from './definition';
import { colLetter } from '../workbook/a1';
import { gradeFormula, totalFormula } from './formulas';
import type { Scheme } from '../scheme/schema';
import { findCategory, schemeFingerprint } from '../scheme/lookup';
import { normalizeLabel } from '../text/normalize';

export interface RosterEntry {
  name: string;
  category?: string;
  orgType?: string;
}

export interface GenerateOptions {
  scheme: Scheme;
  year: number;
  county: string;
  campaignId: string;
  township: { id: string; name: string };
  roster?: RosterEntry[];
  /** Rows pre-created with formulas; default: roster size + 20, or 200 without a roster. */
  rows?: number;
  /** Rows pre-created in 整改台账; default 50. */
  rectRows?: number;
}

/** Clerks print these for the committee's meeting: A4 landscape, one page wide, headers repeated. */
function a4Landscape(printTitlesRow: string) {
  return { paperSize: 9, orientation: 'landscape' as const, fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow };
}

export async function generateTemplate(opts: GenerateOptions): Promise<Uint8Array> {
  return workbookBytes(await buildTemplate(opts));
}

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
const FORMULA_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};
const PROTECTION: Partial<ExcelJS.WorksheetProtection> = {
  selectLockedCells: true,
  selectUnlockedCells: true,
  // The task pane paints cells with issues (and restores them); protection must allow that.
  formatCells: true,
  formatColumns: true,
  formatRows: true,
  insertRows: true,
  deleteRows: true,
  sort: true,
  autoFilter: true,
};

export function templateMeta(opts: Pick<GenerateOptions, 'scheme' | 'campaignId' | 'township' | 'county' | 'year'>): TemplateMeta {
  return {
    templateId: TEMPLATE_ID,
    templateVersion: TEMPLATE_VERSION,
    schemeId: opts.scheme.id,
    schemeVersion: opts.scheme.version,
    schemeFingerprint: schemeFingerprint(opts.scheme),
    campaignId: opts.campaignId,
    townshipId: opts.township.id,
    township: opts.township.name,
    county: opts.county,
    year: String(opts.year),
  };
}

export async function buildTemplate(opts: GenerateOptions): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  wb.creator = opts.county;
  wb.title = detailTitle(opts.county, opts.township.name, opts.year);
  wb.subject = `${TEMPLATE_ID} v${TEMPLATE_VERSION}`;
  // Excel recalculates on open, so a file written without cached results still shows totals.
  wb.calcProperties.fullCalcOnLoad = true;

  const cols = detailColumns(opts.scheme);
  const lists = listFormulas(opts.scheme);

  const ws = wb.addWorksheet(DETAIL_SHEET, {
    views: [{ state: 'frozen', xSplit: 2, ySplit: DETAIL_LAYOUT.subHeaderRow }],
    pageSetup: { ...a4Landscape(`${DETAIL_LAYOUT.headerRow}:${DETAIL_LAYOUT.subHeaderRow}`), horizontalCentered: true, margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 } },
    headerFooter: { oddFooter: '第 &P 页，共 &N 页' },
  });
  const rosterRows = opts.roster?.length ?? 0;
  const nRows = Math.max(1, opts.rows ?? (opts.roster ? rosterRows + 20 : DEFAULT_TEMPLATE_ROWS));
  writeDetailSheet(ws, opts, cols, nRows, lists);

  const rs = wb.addWorksheet(RECT_SHEET, {
    views: [{ state: 'frozen', ySplit: RECT_LAYOUT.headerRow }],
    pageSetup: a4Landscape(`${RECT_LAYOUT.headerRow}:${RECT_LAYOUT.headerRow}`),
  });
  writeRectSheet(rs, opts, opts.rectRows ?? 50, lists);
  writeMeta(wb.addWorksheet(META_SHEET, { state: 'veryHidden' }), templateMeta(opts), opts.scheme);

  wb.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: 0, visibility: 'visible' }];
  await ws.protect('', PROTECTION);
  await rs.protect('', PROTECTION);
  return wb;
}

interface Lists {
  category: string;
  orgType: string;
  grade: string;
  flag: string;
}

function listFormula(values: readonly string[], sheetRange: string): string {
  const inline = `"${values.join(',')}"`;
  // Excel refuses inline lists over 255 characters (some versions count CJK as two): longer
  // ones point at the meta sheet.
  let weight = 0;
  for (const ch of inline) weight += ch.charCodeAt(0) > 0x7f ? 2 : 1;
  return weight <= 250 && values.every((v) => !v.includes(',')) ? inline : sheetRange;
}

function listColumns(s: Scheme): Array<[string, string[]]> {
  return [
    ['D', s.categories.map((c) => c.name)],
    ['E', ORG_TYPES.map((t) => t.label)],
    ['F', s.grades.map((g) => g.label)],
    ['G', [...FLAG_CHOICES]],
  ];
}

function listFormulas(s: Scheme): Lists {
  const [c, t, g, f] = listColumns(s).map(([col, values]) => listFormula(values, `'${META_SHEET}'!$${col}$2:$${col}$${values.length + 1}`));
  return { category: c ?? '', orgType: t ?? '', grade: g ?? '', flag: f ?? '' };
}

function writeMeta(ws: ExcelJS.Worksheet, meta: TemplateMeta, s: Scheme): void {
  ws.getCell('A1').value = 'key';
  ws.getCell('B1').value = 'value';
  let r = 2;
  for (const [k, v] of Object.entries(meta)) {
    ws.getCell(`A${r}`).value = k;
    ws.getCell(`B${r}`).value = v ?? '';
    r++;
  }
  for (const [col, values] of listColumns(s)) {
    ws.getCell(`${col}1`).value = 'list';
    values.forEach((v, i) => (ws.getCell(`${col}${i + 2}`).value = v));
  }
}

function writeDetailSheet(ws: ExcelJS.Worksheet, opts: GenerateOptions, cols: DetailColumn[], nRows: number, lists: Lists): void {
  const s = opts.scheme;
  const L = DETAIL_LAYOUT;
  const n = cols.length;
  cols.forEach((c, i) => (ws.getColumn(i + 1).width = c.width));

  ws.mergeCells(L.titleRow, 1, L.titleRow, n);
  const title = ws.getCell(L.titleRow, 1);
  title.value = detailTitle(opts.county, opts.township.name, opts.year);
  title.font = { bold: true, size: 16 };
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getRow(L.titleRow).height = 30;

  writeInfoRow(ws, L.infoRow, n, opts.township.name);

  // Two header rows: groups (指标得分, 否决及限制情形) above their columns, others merged down.
  let i = 0;
  while (i < n) {
    const c = cols[i];
    if (!c) break;
    if (c.group) {
      let j = i;
      while (cols[j + 1]?.group === c.group) j++;
      if (j > i) ws.mergeCells(L.headerRow, i + 1, L.headerRow, j + 1);
      styleHeader(ws.getCell(L.headerRow, i + 1), c.group);
      for (let k = i; k <= j; k++) styleHeader(ws.getCell(L.subHeaderRow, k + 1), cols[k]?.header ?? '');
      i = j + 1;
    } else {
      ws.mergeCells(L.headerRow, i + 1, L.subHeaderRow, i + 1);
      styleHeader(ws.getCell(L.headerRow, i + 1), c.header);
      i++;
    }
  }
  ws.getRow(L.headerRow).height = 22;
  ws.getRow(L.subHeaderRow).height = 36;

  const first = L.firstDataRow;
  const last = first + nRows - 1;
  const roster = opts.roster ?? [];
  for (let r = first; r <= last; r++) {
    const entry = roster[r - first];
    cols.forEach((c, ci) => {
      const cell = ws.getCell(r, ci + 1);
      cell.border = THIN;
      if (c.kind === 'total') {
        cell.value = { formula: totalFormula(cols, r), result: '' } as ExcelJS.CellFormulaValue;
        cell.fill = FORMULA_FILL;
        cell.numFmt = '0.0';
        return;
      }
      // 等次 stays editable: a branch may follow its general branch against the formula.
      cell.protection = { locked: false };
      if (c.kind === 'grade') {
        cell.value = { formula: gradeFormula(s, cols, r), result: '' } as ExcelJS.CellFormulaValue;
        cell.fill = FORMULA_FILL;
        cell.alignment = { horizontal: 'center' };
      }
      if (c.kind === 'score') cell.numFmt = '0.0';
      if (c.kind === 'int' || c.kind === 'seq') cell.numFmt = '0';
      if (c.kind === 'text') cell.alignment = { wrapText: true, vertical: 'middle' };
    });
    if (entry) writeRosterEntry(ws, s, cols, r, r - first + 1, entry);
  }
  const range = (key: string, k = 0) => {
    const idx = cols.findIndex((c, ci) => c.key === key && (c.indicator === undefined || c.indicator === k) && ci >= 0);
    return idx < 0 ? null : `${colLetter(idx + 1)}${first}:${colLetter(idx + 1)}${last}`;
  };
  const list = (addr: string | null, formula: string, what: string) => {
    if (!addr) return;
    validations(ws).add(addr, {
      type: 'list',
      allowBlank: true,
      formulae: [formula],
      showErrorMessage: true,
      errorStyle: 'warning',
      errorTitle: '请从下拉列表中选择',
      error: `${what}请从下拉列表中选择`,
    });
  };
  list(range('category'), lists.category, '类别');
  list(range('orgType'), lists.orgType, '组织类型');
  list(range('grade'), lists.grade, '等次');
  list(range('forcedBottom'), lists.flag, '标记');
  list(range('newlyEstablished'), lists.flag, '标记');
  cols.forEach((c, ci) => {
    const addr = `${colLetter(ci + 1)}${first}:${colLetter(ci + 1)}${last}`;
    if (c.kind === 'score' && c.max !== undefined) {
      validations(ws).add(addr, {
        type: 'decimal',
        operator: 'between',
        allowBlank: true,
        formulae: [0, c.max],
        showErrorMessage: true,
        errorStyle: 'stop',
        errorTitle: '分数超出范围',
        error: `请填写 0 到 ${c.max} 之间的数字`,
      });
    }
    if (c.kind === 'int') {
      validations(ws).add(addr, {
        type: 'whole',
        operator: 'greaterThanOrEqual',
        allowBlank: true,
        formulae: [0],
        showErrorMessage: true,
        errorStyle: 'stop',
        error: '请填写不小于 0 的整数',
      });
    }
  });
}

function writeRosterEntry(ws: ExcelJS.Worksheet, s: Scheme, cols: DetailColumn[], r: number, seq: number, e: RosterEntry): void {
  const at = (key: string) => cols.findIndex((c) => c.key === key) + 1;
  if (at('seq')) ws.getCell(r, at('seq')).value = seq;
  ws.getCell(r, at('name')).value = e.name;
  if (e.category !== undefined) ws.getCell(r, at('category')).value = findCategory(s, e.category)?.name ?? e.category;
  if (e.orgType !== undefined && at('orgType')) {
    const t = ORG_TYPES.find((o) => [o.label, o.key, ...o.aliases].some((x) => normalizeLabel(x) === normalizeLabel(e.orgType ?? '')));
    ws.getCell(r, at('orgType')).value = t?.label ?? e.orgType;
  }
}

/** 填报单位 / 填报人 / 联系电话 / 填报日期: a label cell, then a merged, unlocked value cell. */
export function infoCells(n: number): Array<{ label: number; value: number; valueEnd: number }> {
  const seg = Math.max(2, Math.floor(n / INFO_FIELDS.length));
  return INFO_FIELDS.map((_, k) => {
    const label = 1 + k * seg;
    const valueEnd = k === INFO_FIELDS.length - 1 ? Math.max(label + 1, n) : label + seg - 1;
    return { label, value: label + 1, valueEnd };
  });
}

function writeInfoRow(ws: ExcelJS.Worksheet, row: number, n: number, township: string): void {
  const cells = infoCells(n);
  INFO_FIELDS.forEach((f, k) => {
    const c = cells[k];
    if (!c) return;
    const label = ws.getCell(row, c.label);
    label.value = `${f.label}：`;
    label.font = { bold: true };
    label.alignment = { horizontal: 'right' };
    if (c.valueEnd > c.value) ws.mergeCells(row, c.value, row, c.valueEnd);
    const v = ws.getCell(row, c.value);
    v.protection = { locked: false };
    v.border = { bottom: { style: 'thin' } };
    if (f.key === 'township') v.value = township;
    if (f.key === 'filledOn') v.numFmt = 'yyyy-mm-dd';
  });
  ws.getRow(row).height = 22;
}

// exceljs supports range-wide validations (`dataValidations.add('D5:D204', …)`) but does not type it.
function validations(ws: ExcelJS.Worksheet): { add(address: string, v: ExcelJS.DataValidation): void } {
  return (ws as unknown as { dataValidations: { add(address: string, v: ExcelJS.DataValidation): void } }).dataValidations;
}

function styleHeader(cell: ExcelJS.Cell, text: string): void {
  cell.value = text;
  cell.font = { bold: true };
  cell.fill = HEADER_FILL;
  cell.border = THIN;
  cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
}

function writeRectSheet(ws: ExcelJS.Worksheet, opts: GenerateOptions, nRows: number, lists: Lists): void {
  const L = RECT_LAYOUT;
  const n = RECT_COLUMNS.length;
  RECT_COLUMNS.forEach((c, i) => (ws.getColumn(i + 1).width = c.width));
  ws.mergeCells(L.titleRow, 1, L.titleRow, n);
  const title = ws.getCell(L.titleRow, 1);
  title.value = rectTitle(opts.township.name, opts.year);
  title.font = { bold: true, size: 14 };
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getRow(L.titleRow).height = 26;
  RECT_COLUMNS.forEach((c, i) => styleHeader(ws.getCell(L.headerRow, i + 1), c.header));
  for (let r = L.firstDataRow; r < L.firstDataRow + nRows; r++) {
    RECT_COLUMNS.forEach((c, i) => {
      const cell = ws.getCell(r, i + 1);
      cell.border = THIN;
      cell.protection = { locked: false };
      if (c.key === 'deadline') cell.numFmt = 'yyyy-mm-dd';
      if (c.kind === 'text') cell.alignment = { wrapText: true, vertical: 'middle' };
    });
  }
  const gi = RECT_COLUMNS.findIndex((c) => c.key === 'grade') + 1;
  validations(ws).add(`${colLetter(gi)}${L.firstDataRow}:${colLetter(gi)}${L.firstDataRow + nRows - 1}`, {
    type: 'list',
    allowBlank: true,
    formulae: [lists.grade],
    showErrorMessage: true,
    errorStyle: 'warning',
    error: '等次请从下拉列表中选择',
  });
}
