// The look of the print standard, as style objects made once. exceljs finds a style's id by the
// object's identity, so 100,000 rows that share these objects cost no style lookups.
import type ExcelJS from 'exceljs';
import type { PrintKind } from './types';

/** The body font of Chinese official forms; LibreOffice substitutes a CJK font where it is absent. */
export const FONT_NAME = '宋体';
const BODY_FONT: Partial<ExcelJS.Font> = { name: FONT_NAME, size: 10 };
const BOLD_FONT: Partial<ExcelJS.Font> = { name: FONT_NAME, size: 10, bold: true };

export const THIN_BORDER: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};
const UNDERLINE: Partial<ExcelJS.Borders> = { bottom: { style: 'thin' } };

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
const TOTAL_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };

export const TITLE_STYLE: Partial<ExcelJS.Style> = {
  font: { name: FONT_NAME, size: 16, bold: true },
  alignment: { horizontal: 'center', vertical: 'middle', wrapText: true },
};
export const NOTE_STYLE: Partial<ExcelJS.Style> = { font: BODY_FONT, alignment: { horizontal: 'left', vertical: 'middle', wrapText: true } };
/** A printed block item ("制表人：＿＿＿＿"): bold, on one line. */
export const SIGN_STYLE: Partial<ExcelJS.Style> = { font: BOLD_FONT, alignment: { horizontal: 'left', vertical: 'bottom' } };
export const LABEL_STYLE: Partial<ExcelJS.Style> = { font: BOLD_FONT, alignment: { horizontal: 'right', vertical: 'bottom' } };
export const VALUE_STYLE: Partial<ExcelJS.Style> = { font: BODY_FONT, border: UNDERLINE, alignment: { horizontal: 'left', vertical: 'bottom', shrinkToFit: true } };
/** A separate object for dates: exceljs gives a style object one id, whatever the cell holds. */
export const VALUE_DATE_STYLE: Partial<ExcelJS.Style> = { ...VALUE_STYLE, numFmt: 'yyyy-mm-dd' };
export const HEADER_STYLE: Partial<ExcelJS.Style> = {
  font: BOLD_FONT,
  fill: HEADER_FILL,
  border: THIN_BORDER,
  alignment: { horizontal: 'center', vertical: 'middle', wrapText: true },
};

const NUM_FMT: Partial<Record<PrintKind, string>> = { seq: '0', percent: '0.0%', date: 'yyyy-mm-dd' };

function alignment(kind: PrintKind): Partial<ExcelJS.Alignment> {
  return kind === 'text' ? { horizontal: 'left', vertical: 'middle', wrapText: true } : { horizontal: 'center', vertical: 'middle', wrapText: true };
}

export type RowVariant = 'body' | 'total';

/**
 * The style of a body cell: by column kind, row variant, and whether the cell holds text that
 * must stay text (Text number format "@": a leading = + - @ is never taken for a formula).
 */
export function bodyStyle(kind: PrintKind, variant: RowVariant, asText: boolean): Partial<ExcelJS.Style> {
  const key = `${kind}|${variant}|${asText ? 't' : ''}`;
  let s = CACHE.get(key);
  if (!s) {
    s = { font: variant === 'total' ? BOLD_FONT : BODY_FONT, border: THIN_BORDER, alignment: alignment(kind) };
    const fmt = asText ? '@' : NUM_FMT[kind];
    if (fmt) s.numFmt = fmt;
    if (variant === 'total') s.fill = TOTAL_FILL;
    CACHE.set(key, s);
  }
  return s;
}

const CACHE = new Map<string, Partial<ExcelJS.Style>>();

/**
 * A body style whose text starts at the top of the cell, for text that wraps. A program that sets
 * the text on more lines than measured (Excel's CJK is wider than LibreOffice's) then cuts only
 * its last line, where a centred text loses both its first and its last; and a text continued on
 * the next row (writer.ts) reads on without a gap.
 */
export function topAligned(base: Partial<ExcelJS.Style>): Partial<ExcelJS.Style> {
  return styleWith(base, 'top', { alignment: { ...base.alignment, vertical: 'top' } });
}

const DERIVED = new Map<string, Partial<ExcelJS.Style>>();

/**
 * A cached variant of a style (e.g. a body cell shaded as a formula cell). Never change a style
 * object after assigning it: exceljs keeps the reference, so every cell sharing it would change.
 */
export function styleWith(base: Partial<ExcelJS.Style>, key: string, extra: Partial<ExcelJS.Style>): Partial<ExcelJS.Style> {
  let ids = IDS.get(base);
  if (ids === undefined) {
    ids = IDS.size;
    IDS.set(base, ids);
  }
  const k = `${ids}|${key}`;
  let s = DERIVED.get(k);
  if (!s) {
    s = { ...base, ...extra };
    DERIVED.set(k, s);
  }
  return s;
}

const IDS = new Map<Partial<ExcelJS.Style>, number>();
