// Deterministic ids for organizations and ledger items. An id is a hash of what identifies the
// thing where it first appeared (campaign, township, name), not a counter: the same roster
// reconciled twice, or with one more organization added, gives every other organization the
// same id, and two campaigns started from one predecessor never hand out the same number.
import { fnv1a2x32 } from '../text/fnv';

/** `o-1b3k9x0…`: prefix plus 2 × 32-bit FNV-1a in base 36 (no crypto needed, only spread). */
export function stableId(prefix: string, parts: readonly string[]): string {
  const [h1, h2] = fnv1a2x32(parts.join('\u0001'));
  return `${prefix}-${h1.toString(36).padStart(7, '0')}${h2.toString(36).padStart(7, '0')}`;
}

/** The base id, or base-2, base-3… when it is taken (a hash collision); records what it returns. */
export function claimId(base: string, taken: { has(id: string): boolean; add?(id: string): unknown }): string {
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add?.(id);
  return id;
}
