// How alike two organization names are, for suggesting renames for the county to confirm.
// Chinese names have no word breaks, so the measure is Dice's coefficient over character
// bigrams. It is taken over the name's *core*: every name ends in 党支部/党总支/党委, and many
// villages end in 村, so “东山村党支部” and “西河村党支部” would share 村党/党支/支部 and look 60 %
// alike. Without those endings they share nothing, while “东山村” → “东山社区” (a village turned
// community) and “红星机械厂” → “红星机械有限公司” (a restructured enterprise) stay close.
import { orgKey } from '../text/normalize';

// Party-organization endings, longest first inside each alternative.
const PARTY_PREFIX = /^(?:中国共产党|中共)/;
const PARTY_SUFFIX = /(?:联合|临时|功能型)?(?:党总支部|党总支|党支部|总支部|总支|支部|党工委|党委|党组)(?:委员会)?$/;
// Endings that change when a unit changes form (村→社区, 厂→公司); not 中学/小学, which tell
// two different schools of one town apart.
const UNIT_SUFFIX = /(?:村民委员会|居民委员会|村委会|居委会|股份有限公司|有限责任公司|有限公司|公司|社区|村|厂)$/;

/** “中共东山村党支部委员会” → “东山”. The key itself when nothing would remain. */
export function coreName(name: string): string {
  const key = orgKey(name);
  const noParty = key.replace(PARTY_PREFIX, '').replace(PARTY_SUFFIX, '');
  const base = noParty === '' ? key : noParty;
  const core = base.replace(UNIT_SUFFIX, '');
  return core === '' ? base : core;
}

function grams(s: string): Map<string, number> {
  const chars = Array.from(s);
  const out = new Map<string, number>();
  const add = (g: string) => out.set(g, (out.get(g) ?? 0) + 1);
  if (chars.length === 1) add(chars[0] ?? '');
  for (let i = 0; i + 1 < chars.length; i++) add(`${chars[i] ?? ''}${chars[i + 1] ?? ''}`);
  return out;
}

/** Dice's coefficient over character bigrams (a multiset; one character counts as itself). 0..1. */
export function bigramDice(a: string, b: string): number {
  const ga = grams(a);
  const gb = grams(b);
  return dice(a, ga, count(ga), b, gb, count(gb));
}

function count(g: ReadonlyMap<string, number>): number {
  let n = 0;
  for (const k of g.values()) n += k;
  return n;
}

function dice(a: string, ga: ReadonlyMap<string, number>, na: number, b: string, gb: ReadonlyMap<string, number>, nb: number): number {
  if (a === b) return a === '' ? 0 : 1;
  if (na + nb === 0) return 0;
  let common = 0;
  for (const [g, n] of gb) {
    const m = ga.get(g);
    if (m !== undefined) common += Math.min(n, m);
  }
  return (2 * common) / (na + nb);
}

export interface NameScore {
  /** What the county sees: the name score plus the boosts, capped at 1, two decimals. */
  score: number;
  /** Bigram Dice of the two cores. */
  nameScore: number;
  sameTownship: boolean;
  sameCategory: boolean;
}

/** Boosts for agreeing context; they only lift a name that already shares something. */
export const SAME_TOWNSHIP_BOOST = 0.1;
export const SAME_CATEGORY_BOOST = 0.1;
/** Suggest a rename from this score up. */
export const RENAME_THRESHOLD = 0.5;

interface Named {
  name: string;
  townshipId: string;
  category: string;
}

/**
 * A name made ready to compare: its key, core and the core's bigrams, worked out once. A county
 * re-sending a roster with 1,000 names gone and 1,000 new compares every pair: each name's core
 * taken again for every pair was most of 10 seconds.
 */
export interface PreparedName extends Named {
  key: string;
  core: string;
  grams: ReadonlyMap<string, number>;
  /** How many bigrams (with repeats). */
  gramCount: number;
  coreChars: number;
}

export function prepareName(x: Named): PreparedName {
  const core = coreName(x.name);
  const g = grams(core);
  return { name: x.name, townshipId: x.townshipId, category: x.category, key: orgKey(x.name), core, grams: g, gramCount: count(g), coreChars: Array.from(core).length };
}

export function nameSimilarity(a: Named, b: Named): NameScore {
  return similarityOf(prepareName(a), prepareName(b));
}

export function similarityOf(a: PreparedName, b: PreparedName): NameScore {
  const nameScore = round2(dice(a.core, a.grams, a.gramCount, b.core, b.grams, b.gramCount));
  const sameTownship = a.townshipId === b.townshipId;
  const sameCategory = a.category === b.category;
  const boost = nameScore > 0 ? (sameTownship ? SAME_TOWNSHIP_BOOST : 0) + (sameCategory ? SAME_CATEGORY_BOOST : 0) : 0;
  return { score: round2(Math.min(1, nameScore + boost)), nameScore, sameTownship, sameCategory };
}

/** Cores of two or more old names found inside a new name suggest a merge (“东山西山联合党支部”). */
export function containsCore(newName: string, oldName: string): boolean {
  return holdsCore(prepareName({ name: newName, townshipId: '', category: '' }), prepareName({ name: oldName, townshipId: '', category: '' }));
}

export function holdsCore(newName: PreparedName, oldName: PreparedName): boolean {
  return oldName.coreChars >= 2 && newName.key.includes(oldName.core);
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
