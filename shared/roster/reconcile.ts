// This year's 名册 against last year's organizations → a proposal for the county: what matched,
// what is new, what is missing (dissolved?), which missing ones look renamed or merged
// (suggestions.ts), and which names two townships both list. Nothing here decides;
// `applyReconciliation` (apply.ts) records the county's decisions. The proposal is plain data, so
// the county console can show it and send decisions back.
import type { Issue } from '../issues/types';
import { makeIssue } from '../issues/catalogue';
import { cleanName } from '../text/name';
import { orgKey } from '../text/normalize';
import { activeOrgs, townshipName, type IncomingOrg, type OrgIdentity, type TownshipNames } from './identity';
import type { NameScore } from './similarity';
import { suggestions } from './suggestions';

/** An entry of this year's roster, cleaned, with its reference `${townshipId}|${orgKey(name)}`. */
export interface ProposalEntry extends IncomingOrg {
  ref: string;
  key: string;
}

export type MatchChange = 'name' | 'township' | 'category' | 'orgType' | 'parent';

export interface RosterMatch {
  id: string;
  ref: string;
  /** By the id the roster carried, by name in the same township, or by name after the county assigned a twice-listed one. */
  by: 'id' | 'name' | 'assigned';
  changes: MatchChange[];
}

export interface RenameSuggestion extends NameScore {
  fromId: string;
  fromName: string;
  fromTownshipId: string;
  ref: string;
  toName: string;
  toTownshipId: string;
}

export interface MergeSuggestion {
  fromIds: string[];
  fromNames: string[];
  ref: string;
  toName: string;
  toTownshipId: string;
}

export interface TwiceListed {
  name: string;
  key: string;
  refs: string[];
  townshipIds: string[];
  /** Last year's organization of that name, if one of these townships had it. */
  previousId: string | null;
  suggestedTownshipId: string | null;
}

export interface RosterProposal {
  campaignId: string;
  entries: ProposalEntry[];
  matched: RosterMatch[];
  /** Refs of entries with no predecessor (new, unless a rename or merge is confirmed). */
  created: string[];
  /** Ids of last year's active organizations with no successor yet (dissolved, unless renamed or merged). */
  missing: string[];
  renames: RenameSuggestion[];
  merges: MergeSuggestion[];
  /** Names listed by two or more townships, held back until the county decides. */
  twice: TwiceListed[];
  /** Problems with the roster itself (blank names, duplicates, unknown ids). */
  issues: Issue[];
}

/** Where this year's entry is: the township and the name as written. */
export interface EntryRef {
  townshipId: string;
  name: string;
}

export type RosterDecision =
  /** The missing organization `fromId` is now called `to` (possibly in another township). */
  | { kind: 'rename'; fromId: string; to: EntryRef }
  /** The missing organizations `fromIds` were merged into `to`: a new entry, or one that matched (it keeps its id). */
  | { kind: 'merge'; fromIds: string[]; to: EntryRef }
  | { kind: 'dissolve'; id: string }
  /** A name listed by two townships belongs to this one; the other listings are dropped. */
  | { kind: 'assign'; name: string; townshipId: string }
  /** A name listed by two townships is two different organizations. */
  | { kind: 'distinct'; name: string };

export interface ReconcileOptions {
  campaignId: string;
  townshipNames?: TownshipNames;
  /** Only `assign` and `distinct` are used here, so the county can re-propose after settling twice-listed names. */
  decisions?: readonly RosterDecision[];
}

export function entryRef(e: EntryRef): string {
  return `${e.townshipId}|${orgKey(e.name)}`;
}

export function reconcileRoster(previous: readonly OrgIdentity[], incoming: readonly IncomingOrg[], opts: ReconcileOptions): RosterProposal {
  const issues: Issue[] = [];
  const tn = (id: string) => townshipName(opts.townshipNames, id);
  const prev = activeOrgs(previous);
  const prevById = new Map(prev.map((o) => [o.id, o]));

  // 1. Clean entries; a blank name or a second listing in one township is the roster's error.
  const entries: ProposalEntry[] = [];
  const byRef = new Map<string, ProposalEntry>();
  for (const raw of incoming) {
    const name = cleanName(raw.name);
    const key = orgKey(name);
    const where = raw.where ?? {};
    if (key === '') {
      issues.push(makeIssue('ROSTER_ENTRY_NAME_BLANK', { township: tn(raw.townshipId) }, where));
      continue;
    }
    const e: ProposalEntry = { ...raw, name, key, ref: `${raw.townshipId}|${key}` };
    if (byRef.has(e.ref)) {
      issues.push(makeIssue('ROSTER_ENTRY_DUPLICATE', { name, township: tn(raw.townshipId) }, where));
      continue;
    }
    byRef.set(e.ref, e);
    entries.push(e);
  }

  // 2. Ids carried by the roster must be last year's active organizations, one entry each.
  const idOf = new Map<string, string>();
  const idOwner = new Map<string, ProposalEntry>();
  for (const e of entries) {
    if (!e.id) continue;
    const other = idOwner.get(e.id);
    if (!prevById.has(e.id)) issues.push(makeIssue('ROSTER_ID_UNKNOWN', { name: e.name, id: e.id }, e.where ?? {}));
    else if (other) issues.push(makeIssue('ROSTER_ID_DUPLICATE', { name: e.name, other: other.name, id: e.id }, e.where ?? {}));
    else {
      idOwner.set(e.id, e);
      idOf.set(e.ref, e.id);
    }
  }

  // 3. Names listed by two townships wait for the county, unless it has decided.
  const groups = new Map<string, ProposalEntry[]>();
  for (const e of entries) groups.set(e.key, [...(groups.get(e.key) ?? []), e]);
  const held = new Set<string>();
  const heldPrev = new Set<string>();
  const assigned = new Set<string>();
  const dropped = new Set<string>();
  const twice: TwiceListed[] = [];
  for (const [key, group] of groups) {
    if (group.length < 2) continue;
    const townshipIds = group.map((e) => e.townshipId);
    const decision = opts.decisions?.find((d) => (d.kind === 'assign' || d.kind === 'distinct') && orgKey(d.name) === key);
    if (decision?.kind === 'distinct') continue;
    if (decision?.kind === 'assign') {
      const keep = group.find((e) => e.townshipId === decision.townshipId);
      if (keep) {
        assigned.add(keep.ref);
        for (const e of group) if (e !== keep) dropped.add(e.ref);
        continue;
      }
      issues.push(makeIssue('ROSTER_TWICE_TOWNSHIP_INVALID', { name: group[0]?.name ?? key, township: tn(decision.townshipId), townships: townshipIds.map(tn).join('、') }));
    }
    const prevSame = prev.filter((o) => orgKey(o.name) === key && townshipIds.includes(o.townshipId));
    const byIdPrev = group.map((e) => idOf.get(e.ref)).find((id) => id !== undefined);
    const previousId = byIdPrev ?? (prevSame.length === 1 ? (prevSame[0]?.id ?? null) : null);
    const suggested = previousId === null ? null : (group.find((e) => idOf.get(e.ref) === previousId)?.townshipId ?? prevById.get(previousId)?.townshipId ?? null);
    twice.push({ name: group[0]?.name ?? key, key, refs: group.map((e) => e.ref), townshipIds, previousId, suggestedTownshipId: suggested });
    for (const e of group) held.add(e.ref);
    // Last year's organization of that name waits with it: it is neither matched nor missing yet.
    for (const o of prev) if (orgKey(o.name) === key || group.some((e) => idOf.get(e.ref) === o.id)) heldPrev.add(o.id);
  }

  // 4. Match: by carried id, then by name in the same township, then (assigned names) anywhere.
  const live = entries.filter((e) => !held.has(e.ref) && !dropped.has(e.ref));
  const matched: RosterMatch[] = [];
  const takenPrev = new Set<string>();
  const takenRef = new Set<string>();
  const match = (e: ProposalEntry, o: OrgIdentity, by: RosterMatch['by']) => {
    matched.push({ id: o.id, ref: e.ref, by, changes: changesOf(o, e) });
    takenPrev.add(o.id);
    takenRef.add(e.ref);
  };
  for (const e of live) {
    const id = idOf.get(e.ref);
    const o = id === undefined ? undefined : prevById.get(id);
    if (o) match(e, o, 'id');
  }
  const prevByPlace = new Map<string, OrgIdentity>();
  for (const id of heldPrev) takenPrev.add(id);
  for (const o of prev) if (!takenPrev.has(o.id)) prevByPlace.set(`${o.townshipId}|${orgKey(o.name)}`, o);
  for (const e of live) {
    if (takenRef.has(e.ref)) continue;
    const o = prevByPlace.get(e.ref);
    if (o && !takenPrev.has(o.id)) match(e, o, assigned.has(e.ref) ? 'assigned' : 'name');
  }
  for (const e of live) {
    if (takenRef.has(e.ref) || !assigned.has(e.ref)) continue;
    const o = prev.find((p) => !takenPrev.has(p.id) && orgKey(p.name) === e.key);
    if (o) match(e, o, 'assigned');
  }

  const createdEntries = live.filter((e) => !takenRef.has(e.ref));
  const missingOrgs = prev.filter((o) => !takenPrev.has(o.id));

  // 5. Suggestions for the county: renames by name similarity, merges by contained names.
  const { renames, merges } = suggestions(missingOrgs, createdEntries);

  return {
    campaignId: opts.campaignId,
    entries,
    matched,
    created: createdEntries.map((e) => e.ref),
    missing: missingOrgs.map((o) => o.id),
    renames,
    merges,
    twice,
    issues,
  };
}

function changesOf(o: OrgIdentity, e: ProposalEntry): MatchChange[] {
  const out: MatchChange[] = [];
  if (orgKey(o.name) !== e.key) out.push('name');
  if (o.townshipId !== e.townshipId) out.push('township');
  if (o.category !== e.category) out.push('category');
  if (e.orgType != null && e.orgType !== o.orgType) out.push('orgType');
  if (e.parentName !== undefined && orgKey(e.parentName ?? '') !== orgKey(o.parentName ?? '')) out.push('parent');
  return out;
}
