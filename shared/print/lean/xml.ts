// Escaping for the lean .xlsx writer's XML. Values are already safe text (value.ts removes the
// characters XML forbids); what is left is markup and the two things XML parsers would change.
export const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
export const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
export const NS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\r': '&#13;', '\n': '&#10;', '\t': '&#9;', _: '_x005F_' };

/** Text content: markup escaped; a CR as a reference (a parser reads a literal CR as LF). */
export function xmlText(s: string): string {
  return /[&<>\r]/.test(s) ? s.replace(/[&<>\r]/g, (c) => ESC[c] as string) : s;
}

/**
 * A cell's text (shared strings, formula results): as xmlText, and an underscore that starts
 * "_x0041_" escaped as _x005F_, because Excel reads _xHHHH_ in cell text as a character code.
 */
export function cellText(s: string): string {
  return /[&<>\r]|_x[0-9A-Fa-f]{4}_/.test(s) ? s.replace(/[&<>\r]|_(?=x[0-9A-Fa-f]{4}_)/g, (c) => ESC[c] as string) : s;
}

/** An attribute value in double quotes: tab, LF and CR as references (parsers turn them into spaces). */
export function xmlAttr(s: string): string {
  return /[&<>"\r\n\t]/.test(s) ? s.replace(/[&<>"\r\n\t]/g, (c) => ESC[c] as string) : s;
}
