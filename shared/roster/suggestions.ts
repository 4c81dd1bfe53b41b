// What the county is offered for the organizations gone from last year's roster: renames by name
// similarity (similarity.ts) and merges (a new name holding two or more old names' cores). Every
// gone organization is compared with every new entry, so each name is prepared once, and a
// suggestion is made only for the pairs kept.
import type { OrgIdentity } from './identity';
import type { MergeSuggestion, ProposalEntry, RenameSuggestion } from './reconcile';
import { holdsCore, prepareName, RENAME_THRESHOLD, similarityOf, type NameScore, type PreparedName } from './similarity';

/** Rename suggestions kept per organization gone from the roster: its best-scoring new names. */
export const RENAMES_PER_ORG = 3;

export function suggestions(missing: readonly OrgIdentity[], created: readonly ProposalEntry[]): { renames: RenameSuggestion[]; merges: MergeSuggestion[] } {
  const olds = missing.map(prepareName);
  const news = created.map(prepareName);
  const refOf = (j: number) => (created[j] as ProposalEntry).ref;
  const renames: RenameSuggestion[] = [];
  missing.forEach((o, i) => {
    const mine: Array<{ j: number; s: NameScore }> = [];
    news.forEach((n, j) => {
      const s = similarityOf(olds[i] as PreparedName, n);
      if (s.score >= RENAME_THRESHOLD) mine.push({ j, s });
    });
    // The county judges each gone organization by its likeliest new names; a roster of lookalike
    // names would otherwise suggest every pair (1,000 × 1,000 gave 88,156 suggestions, 34 MB).
    mine.sort((a, b) => b.s.score - a.s.score || b.s.nameScore - a.s.nameScore || cmp(refOf(a.j), refOf(b.j)));
    for (const { j, s } of mine.slice(0, RENAMES_PER_ORG)) {
      const e = created[j] as ProposalEntry;
      renames.push({ ...s, fromId: o.id, fromName: o.name, fromTownshipId: o.townshipId, ref: e.ref, toName: e.name, toTownshipId: e.townshipId });
    }
  });
  renames.sort((a, b) => b.score - a.score || b.nameScore - a.nameScore || cmp(a.fromId, b.fromId) || cmp(a.ref, b.ref));

  const merges: MergeSuggestion[] = [];
  created.forEach((e, j) => {
    const into = missing.filter((_o, i) => holdsCore(news[j] as PreparedName, olds[i] as PreparedName));
    if (into.length >= 2) merges.push({ fromIds: into.map((o) => o.id), fromNames: into.map((o) => o.name), ref: e.ref, toName: e.name, toTownshipId: e.townshipId });
  });
  return { renames, merges };
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
