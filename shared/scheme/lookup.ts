// Lookups by what clerks write: names, aliases, Traditional forms, full-width text.
import { fnv1a2x32 } from '../text/fnv';
import { normalizeLabel } from '../text/normalize';
import { ORG_TYPES } from '../template/definition';
import type { OrgType } from '../submission/types';
import type { Category, GradeBand, Indicator, Scheme } from './schema';

const cache = new WeakMap<Scheme, Lookups>();

interface Lookups {
  category: Map<string, Category>;
  grade: Map<string, GradeBand>;
  indicator: Map<string, Indicator>;
  orgType: Map<string, OrgType>;
}

function lookups(s: Scheme): Lookups {
  let l = cache.get(s);
  if (l) return l;
  l = { category: new Map(), grade: new Map(), indicator: new Map(), orgType: new Map() };
  for (const c of s.categories) for (const n of [c.name, c.key, ...c.aliases]) l.category.set(normalizeLabel(n), c);
  for (const g of s.grades) for (const n of [g.label, g.key, ...g.aliases]) l.grade.set(normalizeLabel(n), g);
  for (const i of s.indicators) for (const n of [i.name, i.key, ...i.aliases]) l.indicator.set(normalizeLabel(n), i);
  // Built-in words first; a county's own words (scheme.vocabulary) are added, never replace them.
  for (const t of ORG_TYPES) for (const n of [t.label, t.key, ...t.aliases, ...(s.vocabulary?.orgTypes[t.key] ?? [])]) l.orgType.set(normalizeLabel(n), t.key);
  cache.set(s, l);
  return l;
}

export function findCategory(s: Scheme, text: string): Category | undefined {
  return lookups(s).category.get(normalizeLabel(text));
}

/** "较差", "較差", " 较 差 " all find the same band. */
export function findGrade(s: Scheme, text: string): GradeBand | undefined {
  return lookups(s).grade.get(normalizeLabel(text));
}

/** 党委 / 党总支 / 党支部 by what clerks write (总支, 支部, 黨支部, or the county's own words). */
export function findOrgType(s: Scheme, text: string): OrgType | undefined {
  return lookups(s).orgType.get(normalizeLabel(text));
}

export function findIndicator(s: Scheme, text: string): Indicator | undefined {
  return lookups(s).indicator.get(normalizeLabel(text));
}

export function gradeByKey(s: Scheme, key: string): GradeBand | undefined {
  return s.grades.find((g) => g.key === key);
}

/** The highest total a row can have: the scale's ceiling (the schema makes the maxima add up to it). */
export function maxTotal(s: Scheme): number {
  return Math.min(s.totalMax, indicatorMaxSum(s));
}

export function indicatorMaxSum(s: Scheme): number {
  return s.indicators.reduce((a, i) => a + i.max, 0);
}

/** Stable short fingerprint of a scheme, written into templates so a sheet made under another standard is caught. */
export function schemeFingerprint(s: Scheme): string {
  // Every upload checks it; a scheme is never changed once parsed (the lookups above rely on that too).
  let f = fingerprints.get(s);
  if (f === undefined) {
    const [h1, h2] = fnv1a2x32(canonicalJson(s));
    f = h1.toString(16).padStart(8, '0') + h2.toString(16).padStart(8, '0');
    fingerprints.set(s, f);
  }
  return f;
}

const fingerprints = new WeakMap<Scheme, string>();

function canonicalJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o).sort().map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`).join(',')}}`;
  }
  return JSON.stringify(v) ?? 'null';
}
