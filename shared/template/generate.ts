// A township's blank template: the forms clerks know (一览表, 汇总表, 整改台账) by the print
// standard, with dropdowns, score checks and native formulas, so it works in any spreadsheet
// program; plus the very hidden metadata sheet that ties it to its campaign and scheme.
import type { CampaignKind } from '../api/campaign';
import { newWorkbook, workbookBytes, type ExcelJS } from './excel';
import { DEFAULT_RECT_ROWS, DEFAULT_TEMPLATE_ROWS, META_SHEET, SPARE_TEMPLATE_ROWS, TEMPLATE_ID, TEMPLATE_VERSION, detailTitle, type TemplateMeta } from './definition';
import { listColumns, listFormulas } from './checks';
import { writeDetailSheet, type RosterEntry } from './detail-sheet';
import { writeSummarySheet } from './summary-sheet';
import { writeRectSheet, type RectPrefill } from './rect-sheet';
import type { Scheme } from '../scheme/schema';
import { findCategory, schemeFingerprint } from '../scheme/lookup';
import { safeText } from '../text/sanitize';

export type { RosterEntry } from './detail-sheet';
export type { RectPrefill } from './rect-sheet';
export { infoCells } from './detail-sheet';

export interface GenerateOptions {
  scheme: Scheme;
  year: number;
  county: string;
  campaignId: string;
  township: { id: string; name: string };
  roster?: RosterEntry[];
  /** Rows pre-created with formulas; default: roster size + SPARE_TEMPLATE_ROWS, or DEFAULT_TEMPLATE_ROWS. */
  rows?: number;
  /** Rows pre-created in 整改台账; default DEFAULT_RECT_ROWS (at least the pre-filled lines and a few blank ones). */
  rectRows?: number;
  /** The township's open items of the county's ledger, pre-filled in 整改台账 with their 台账编号. */
  ledger?: readonly RectPrefill[];
  /** A 回头看's template: every title names the 回头看 (a grading's when absent). */
  kind?: CampaignKind;
}

export async function generateTemplate(opts: GenerateOptions): Promise<Uint8Array> {
  return workbookBytes(await buildTemplate(opts));
}

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
  const s = opts.scheme;
  const wb = await newWorkbook();
  wb.creator = safeText(opts.county);
  wb.title = safeText(detailTitle(opts.county, opts.township.name, opts.year, opts.kind));
  wb.subject = `${TEMPLATE_ID} v${TEMPLATE_VERSION}`;
  // Excel recalculates on open, so a file written without cached results still shows totals.
  wb.calcProperties.fullCalcOnLoad = true;

  const lists = listFormulas(s);
  const roster = opts.roster ?? [];
  const rows = Math.max(1, opts.rows ?? (opts.roster ? roster.length + SPARE_TEMPLATE_ROWS : DEFAULT_TEMPLATE_ROWS));
  const township = opts.township.name;
  writeDetailSheet(wb, { scheme: s, county: opts.county, township, year: opts.year, rows, roster, lists, ...(opts.kind ? { kind: opts.kind } : {}) });
  const counted = roster.map((e) => ({ name: e.name, category: e.category === undefined ? null : (findCategory(s, e.category)?.name ?? e.category), members: null, grade: null }));
  writeSummarySheet(wb, s, township, opts.year, counted, opts.kind);
  writeRectSheet(wb, township, opts.year, opts.rectRows ?? DEFAULT_RECT_ROWS, lists, opts.ledger, opts.kind);
  writeMeta(wb.addWorksheet(META_SHEET, { state: 'veryHidden' }), templateMeta(opts), s);

  wb.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: 0, visibility: 'visible' }];
  return wb;
}

function writeMeta(ws: ExcelJS.Worksheet, meta: TemplateMeta, s: Scheme): void {
  ws.getCell('A1').value = 'key';
  ws.getCell('B1').value = 'value';
  let r = 2;
  for (const [k, v] of Object.entries(meta)) {
    ws.getCell(`A${r}`).value = k;
    ws.getCell(`B${r}`).value = safeText(v ?? '');
    r++;
  }
  for (const [col, values] of listColumns(s)) {
    ws.getCell(`${col}1`).value = 'list';
    values.forEach((v, i) => (ws.getCell(`${col}${i + 2}`).value = safeText(v)));
  }
}
