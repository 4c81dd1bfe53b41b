// The decisions the county console pre-ticks for a roster proposal. Suggestions only: nothing is
// applied until the county sends decisions back to applyReconciliation.
import type { RosterDecision, RosterProposal } from './reconcile';

/**
 * What the console pre-ticks: suggested merges, then renames best score first (each organization
 * and entry used once), twice-listed names given to last year's township, the rest dissolved.
 * The county reviews them; nothing is applied until it sends them back.
 */
export function defaultDecisions(p: RosterProposal): RosterDecision[] {
  const out: RosterDecision[] = [];
  const usedOld = new Set<string>();
  const usedRef = new Set<string>();
  const entry = (ref: string) => p.entries.find((e) => e.ref === ref);
  for (const m of p.merges) {
    const e = entry(m.ref);
    if (!e || usedRef.has(m.ref) || m.fromIds.some((id) => usedOld.has(id))) continue;
    out.push({ kind: 'merge', fromIds: m.fromIds, to: { townshipId: e.townshipId, name: e.name } });
    usedRef.add(m.ref);
    for (const id of m.fromIds) usedOld.add(id);
  }
  for (const r of p.renames) {
    if (usedOld.has(r.fromId) || usedRef.has(r.ref)) continue;
    out.push({ kind: 'rename', fromId: r.fromId, to: { townshipId: r.toTownshipId, name: r.toName } });
    usedOld.add(r.fromId);
    usedRef.add(r.ref);
  }
  for (const t of p.twice) if (t.suggestedTownshipId !== null) out.push({ kind: 'assign', name: t.name, townshipId: t.suggestedTownshipId });
  for (const id of p.missing) if (!usedOld.has(id)) out.push({ kind: 'dissolve', id });
  return out;
}
