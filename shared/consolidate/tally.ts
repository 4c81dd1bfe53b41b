// Per-submission counts, computed once at upload and kept beside the pointer, so the county
// summary is a merge of small tallies rather than a re-read of every row.
import type { QuotaEntry } from '../quota/quota';
import type { Scheme } from '../scheme/schema';
import type { Submission } from '../submission/types';

export interface Tally {
  orgs: number;
  rectifications: number;
  /** category key → grade key → count. */
  byCategory: Record<string, Record<string, number>>;
  /**
   * category key → 党员 total (organizations without a 党员数 add nothing). Absent on tallies
   * stored before it was counted: their townships show no 党员 figure rather than a wrong one.
   */
  members?: Record<string, number>;
}

export function emptyTally(): Tally {
  return { orgs: 0, rectifications: 0, byCategory: {}, members: {} };
}

export function tallySubmission(sub: Pick<Submission, 'orgs' | 'rectifications'>): Tally {
  const t = emptyTally();
  t.orgs = sub.orgs.length;
  t.rectifications = sub.rectifications.length;
  const members: Record<string, number> = {};
  for (const o of sub.orgs) {
    const row = (t.byCategory[o.category] ??= {});
    row[o.grade] = (row[o.grade] ?? 0) + 1;
    members[o.category] = (members[o.category] ?? 0) + (o.members ?? 0);
  }
  t.members = members;
  return t;
}

/** The sum of tallies; its 党员 totals are absent when any part lacks them (never a partial sum). */
export function mergeTallies(ts: readonly Tally[]): Tally {
  const out = emptyTally();
  let members: Record<string, number> | undefined = {};
  for (const t of ts) {
    out.orgs += t.orgs;
    out.rectifications += t.rectifications;
    for (const [cat, grades] of Object.entries(t.byCategory)) {
      const row = (out.byCategory[cat] ??= {});
      for (const [g, n] of Object.entries(grades)) row[g] = (row[g] ?? 0) + n;
    }
    if (!t.members) members = undefined;
    else if (members) for (const [cat, n] of Object.entries(t.members)) members[cat] = (members[cat] ?? 0) + n;
  }
  if (members) out.members = members;
  else delete out.members;
  return out;
}

/** 党员 total of a tally, or null when it was stored without one. */
export function memberTotal(t: Tally, category?: string): number | null {
  if (!t.members) return null;
  if (category !== undefined) return t.members[category] ?? 0;
  return Object.values(t.members).reduce((a, b) => a + b, 0);
}

/** grade key → count, every scheme grade present. */
export function gradeCounts(s: Scheme, t: Tally): Record<string, number> {
  const out: Record<string, number> = Object.fromEntries(s.grades.map((g) => [g.key, 0]));
  for (const grades of Object.values(t.byCategory)) for (const [g, n] of Object.entries(grades)) out[g] = (out[g] ?? 0) + n;
  return out;
}

/** grade label → count, as a receipt shows it. */
export function gradeCountsByLabel(s: Scheme, t: Tally): Record<string, number> {
  const byKey = gradeCounts(s, t);
  return Object.fromEntries(s.grades.map((g) => [g.label, byKey[g.key] ?? 0]));
}

/** The tally as checkQuota's entries (one per organization: grade and category keys). */
export function quotaEntries(t: Tally): QuotaEntry[] {
  const out: QuotaEntry[] = [];
  for (const [category, grades] of Object.entries(t.byCategory)) {
    for (const [grade, n] of Object.entries(grades)) for (let i = 0; i < n; i++) out.push({ grade, category });
  }
  return out;
}
