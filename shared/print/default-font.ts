// The workbook's default font, the font of its Normal style. Column widths are counted in the
// width of a "0" in it, so it decides how wide every column prints. Calibri 11 (exceljs's default)
// and Arial 10 both have a 7 px "0" in Excel and WPS on Windows, so widths there stay as measured
// (measure.ts). But where Calibri is missing (LibreOffice on Linux and on the domestic desktops
// many offices use, without Carlito) it is replaced by DejaVu Sans, whose "0" is 9.3 px: every
// column printed a third wider, fit-to-width shrank the page to about three quarters, and body
// text of 明细表 printed at 5 pt. Arial is replaced by its metric twin Liberation Sans, which
// LibreOffice installs with itself: a "0" of 7.4 px, within 6 % of Excel's.
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';

/** The default font as SpreadsheetML writes it: no theme scheme, so no program takes Calibri from the theme. */
export const DEFAULT_FONT_XML = '<font><sz val="10"/><name val="Arial"/><family val="2"/></font>';

/** styles.xml with its first font (the default) replaced by DEFAULT_FONT_XML. */
export function withDefaultFont(stylesXml: string): string {
  return stylesXml.replace(/(<fonts\b[^>]*>)\s*<font>[\s\S]*?<\/font>/, `$1${DEFAULT_FONT_XML}`);
}

/** An .xlsx (exceljs writes Calibri 11 and cannot be told otherwise) with DEFAULT_FONT_XML as its default font. */
export function xlsxWithDefaultFont(bytes: Uint8Array): Uint8Array {
  const files = unzipSync(bytes);
  const styles = files['xl/styles.xml'];
  if (!styles) return bytes;
  files['xl/styles.xml'] = strToU8(withDefaultFont(strFromU8(styles)));
  return zipSync(files);
}
