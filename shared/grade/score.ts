// Scores as clerks type them: 92, "92", "92分", "９２", "92.0", " 92 ", or nothing.
import { INVISIBLE_OR_SPACE, toHalfWidth } from '../text/normalize';

export type ScoreParse =
  | { kind: 'blank' }
  | { kind: 'number'; value: number }
  | { kind: 'malformed'; text: string };

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

export function parseScore(v: unknown): ScoreParse {
  if (v === null || v === undefined) return { kind: 'blank' };
  if (typeof v === 'number') {
    return Number.isFinite(v) ? { kind: 'number', value: v } : { kind: 'malformed', text: String(v) };
  }
  if (typeof v !== 'string') return { kind: 'malformed', text: describe(v) };
  const s = toHalfWidth(v).replace(INVISIBLE_OR_SPACE, '').replace(/。/g, '.');
  if (s === '') return { kind: 'blank' };
  const body = s.endsWith('分') ? s.slice(0, -1) : s;
  if (!NUMBER.test(body)) return { kind: 'malformed', text: v.trim() };
  return { kind: 'number', value: Number(body) };
}

function describe(v: unknown): string {
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v);
}

export type ScoreCheck =
  | { ok: true; value: number; blank: false }
  | { ok: true; value: null; blank: true }
  | { ok: false; code: 'SCORE_MALFORMED' | 'SCORE_OUT_OF_RANGE'; value: string | number; max: number };

/** A score is valid in [0, max]; blank is reported as blank so callers decide if it is allowed. */
export function checkScore(v: unknown, max: number): ScoreCheck {
  const p = parseScore(v);
  if (p.kind === 'blank') return { ok: true, value: null, blank: true };
  if (p.kind === 'malformed') return { ok: false, code: 'SCORE_MALFORMED', value: p.text, max };
  if (p.value < 0 || p.value > max) return { ok: false, code: 'SCORE_OUT_OF_RANGE', value: p.value, max };
  return { ok: true, value: p.value, blank: false };
}

/** Sums without 0.1 + 0.2 noise, so 89.9 + 0.1 is exactly 90 and grades at the band edge. */
export function sumScores(xs: readonly number[]): number {
  let s = 0;
  for (const x of xs) s += x;
  return Math.round(s * 1e6) / 1e6;
}
