// The roster proposal against last year's organizations (POST /api/roster/reconcile) as the county
// confirms it in the campaign form: the suggested renames and merges it ticks or unticks, the names
// listed by two townships it gives to one (or declares two organizations), and the decisions the
// campaign is created with — last year's organizations no ticked rename or merge claims are dissolved.
import type { RosterDecisionInput, RosterProposalData } from '../../../shared/api/contract';

export interface ReconcileChoices {
  /** Ticked renames, as `${fromId}>${ref}`. */
  renames: string[];
  /** Ticked merges, by the entry's ref. */
  merges: string[];
  /** Each twice-listed name → the township that keeps it, or '' for two organizations. */
  twice: Record<string, string>;
}

export const renameKey = (r: { fromId: string; ref: string }): string => `${r.fromId}>${r.ref}`;

/** Whether the county has anything to confirm (else the defaults go as they are). */
export function needsDecision(p: RosterProposalData): boolean {
  return p.renames.length + p.merges.length + p.missing.length + p.twice.length > 0;
}

/** The server's pre-ticked defaults as choices. */
export function choicesFromDefaults(p: RosterProposalData): ReconcileChoices {
  const renames: string[] = [];
  const merges: string[] = [];
  const twice: Record<string, string> = {};
  for (const d of p.defaults) {
    if (d.kind === 'rename') {
      const r = p.renames.find((x) => x.fromId === d.fromId && x.toName === d.to.name && x.toTownshipId === d.to.townshipId);
      if (r) renames.push(renameKey(r));
    } else if (d.kind === 'merge') {
      const m = p.merges.find((x) => x.toName === d.to.name && x.toTownshipId === d.to.townshipId);
      if (m) merges.push(m.ref);
    } else if (d.kind === 'assign') twice[d.name] = d.townshipId;
  }
  for (const t of p.twice) twice[t.name] ??= t.suggestedTownshipId ?? '';
  return { renames, merges, twice };
}

const toggled = (list: readonly string[], key: string): string[] => (list.includes(key) ? list.filter((k) => k !== key) : [...list, key]);

export function toggleRename(c: ReconcileChoices, key: string): ReconcileChoices {
  return { ...c, renames: toggled(c.renames, key) };
}

export function toggleMerge(c: ReconcileChoices, ref: string): ReconcileChoices {
  return { ...c, merges: toggled(c.merges, ref) };
}

export function chooseTwice(c: ReconcileChoices, name: string, townshipId: string): ReconcileChoices {
  return { ...c, twice: { ...c.twice, [name]: townshipId } };
}

/** The decisions sent with the campaign. */
export function decisionsOf(p: RosterProposalData, c: ReconcileChoices): RosterDecisionInput[] {
  const out: RosterDecisionInput[] = [];
  const claimed = new Set<string>();
  for (const m of p.merges) {
    if (!c.merges.includes(m.ref)) continue;
    out.push({ kind: 'merge', fromIds: m.fromIds, to: { townshipId: m.toTownshipId, name: m.toName } });
    for (const id of m.fromIds) claimed.add(id);
  }
  for (const r of p.renames) {
    if (!c.renames.includes(renameKey(r))) continue;
    out.push({ kind: 'rename', fromId: r.fromId, to: { townshipId: r.toTownshipId, name: r.toName } });
    claimed.add(r.fromId);
  }
  for (const t of p.twice) {
    const chosen = c.twice[t.name];
    if (chosen === undefined) continue;
    out.push(chosen ? { kind: 'assign', name: t.name, townshipId: chosen } : { kind: 'distinct', name: t.name });
  }
  for (const m of p.missing) if (!claimed.has(m.id)) out.push({ kind: 'dissolve', id: m.id });
  return out;
}

/** This year's entries that stay new: those no ticked rename or merge gives last year's id to. */
export function newEntries(p: RosterProposalData, c: ReconcileChoices): string[] {
  const taken = new Set([...p.renames.filter((r) => c.renames.includes(renameKey(r))).map((r) => r.ref), ...p.merges.filter((m) => c.merges.includes(m.ref)).map((m) => m.ref)]);
  return p.created.filter((ref) => !taken.has(ref));
}

/** The township's name in the new campaign (the proposal's ids). */
export function townshipName(p: RosterProposalData, id: string): string {
  return p.townships.find((t) => t.id === id)?.name ?? p.previousTownships.find((t) => t.id === id)?.name ?? id;
}
