// Yes/no flags (三打两建, 新组建) as clerks mark them: 是/否, √, Y, 1, blank.
import type { Scheme } from '../scheme/schema';
import { normalizeLabel } from '../text/normalize';

const YES = new Set(['是', '√', '✓', '✔', 'y', 'yes', 'true', '1', '有', '涉及']);
const NO = new Set(['否', '×', '✗', 'n', 'no', 'false', '0', '无', '不涉及', '-', '—']);

export type FlagParse = { ok: true; value: boolean } | { ok: false; text: string };

/** `s` adds the county's own yes/no words (scheme.vocabulary) to the built-in ones. */
export function parseFlag(v: unknown, s?: Scheme): FlagParse {
  if (v === null || v === undefined) return { ok: true, value: false };
  if (typeof v === 'boolean') return { ok: true, value: v };
  if (typeof v === 'number') {
    if (v === 1 || v === 0) return { ok: true, value: v === 1 };
    return { ok: false, text: String(v) };
  }
  const t = normalizeLabel(String(v));
  if (t === '') return { ok: true, value: false };
  if (YES.has(t) || s?.vocabulary?.yes.some((w) => normalizeLabel(w) === t)) return { ok: true, value: true };
  if (NO.has(t) || s?.vocabulary?.no.some((w) => normalizeLabel(w) === t)) return { ok: true, value: false };
  return { ok: false, text: String(v).trim() };
}
