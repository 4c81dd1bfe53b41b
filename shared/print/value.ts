// The one place a printed cell's value is made safe, whichever back end writes it
// (shared/text/sanitize.ts: XML-invalid characters removed, Excel's cell limit, formula-like text).
import { looksLikeFormula, safeText } from '../text/sanitize';
import type { OutValue } from './output';
import type { PrintCell } from './types';

/** A cell value as written: text made safe, non-finite numbers dropped; `asText` for "=…" and kin. */
export function cellValue(v: PrintCell | undefined): { value: OutValue; asText: boolean } {
  if (v === null || v === undefined) return { value: null, asText: false };
  if (typeof v === 'number') return { value: Number.isFinite(v) ? v : null, asText: false };
  if (typeof v === 'string') {
    const s = safeText(v);
    return { value: s === '' ? null : s, asText: looksLikeFormula(s) };
  }
  const result = typeof v.result === 'string' ? safeText(v.result) : v.result;
  return { value: { formula: v.formula, ...(result !== undefined ? { result } : {}) }, asText: false };
}
