// The standards that ship with the product, found by what a clerk types for them in a formula
// or a form: the id (default6), the full name (基层党组织分类定级标准（六类）) or the short name the
// page shows beside its choices (六类, 宜春五类, with or without 标准; 默认 for the default),
// Simplified or Traditional, full or half width.
import { normalizeLabel } from '../text/normalize';
import { defaultScheme, yichunScheme } from './default';
import type { Scheme } from './schema';

export const BUILT_IN_SCHEMES: readonly Scheme[] = [defaultScheme, yichunScheme];

/** 六类 from 基层党组织分类定级标准（六类）: the bracketed part of the name, if any. */
export function shortSchemeName(s: Scheme): string | null {
  const m = /[（(]([^（）()]+)[）)]\s*$/.exec(s.name);
  return m?.[1] ?? null;
}

function namesOf(s: Scheme): string[] {
  const short = shortSchemeName(s);
  const names = [s.id, s.name];
  if (short) names.push(short, `${short}标准`);
  if (s === defaultScheme) names.push('默认', '默认标准');
  return names;
}

let index: Map<string, Scheme> | null = null;

export function findBuiltInScheme(text: string): Scheme | undefined {
  if (!index) {
    index = new Map();
    for (const s of BUILT_IN_SCHEMES) for (const n of namesOf(s)) index.set(normalizeLabel(n), s);
  }
  return index.get(normalizeLabel(text));
}

/** How the functions' messages list the choices: default6（六类）、yichun5（宜春五类）. */
export function builtInSchemeChoices(): string {
  return BUILT_IN_SCHEMES.map((s) => {
    const short = shortSchemeName(s);
    return short ? `${s.id}（${short}）` : s.id;
  }).join('、');
}
