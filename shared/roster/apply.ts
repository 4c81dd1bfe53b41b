// The county's decisions on a roster proposal → the new list of organizations with their
// history. The proposal is derived again from `previous` and the proposal's entries, so a stale
// or edited proposal cannot smuggle in a match; decisions are checked against that derivation,
// and one undecided or contradictory point refuses the whole application (nothing half-applied).
import type { Issue } from '../issues/types';
import { hasErrors, makeIssue } from '../issues/catalogue';
import { orgKey } from '../text/normalize';
import { claimId, stableId } from './ids';
import { townshipName, type IncomingOrg, type OrgEvent, type OrgIdentity, type RosterStamp, type TownshipNames } from './identity';
import { entryRef, reconcileRoster, type ProposalEntry, type RosterDecision } from './reconcile';

export interface RosterEventRecord {
  orgId: string;
  event: OrgEvent;
}

export type ApplyResult =
  | {
      ok: true;
      /** Every organization ever listed: the active ones are this campaign's roster. */
      identities: OrgIdentity[];
      /** What changed, for the audit log (also appended to each organization's history). */
      events: RosterEventRecord[];
      /** Warnings (a parent not in the roster). */
      issues: Issue[];
    }
  | { ok: false; issues: Issue[] };

type Plan =
  | { kind: 'rename'; fromId: string; ref: string }
  | { kind: 'merge'; fromIds: string[]; ref: string; survivorId: string | null }
  | { kind: 'dissolve'; id: string };

export function applyReconciliation(
  previous: readonly OrgIdentity[],
  proposal: { entries: readonly IncomingOrg[] },
  decisions: readonly RosterDecision[],
  stamp: RosterStamp,
  opts: { townshipNames?: TownshipNames } = {},
): ApplyResult {
  const tn = (id: string) => townshipName(opts.townshipNames, id);
  const p = reconcileRoster(previous, proposal.entries, { campaignId: stamp.campaignId, decisions, ...(opts.townshipNames ? { townshipNames: opts.townshipNames } : {}) });
  const issues: Issue[] = [...p.issues];
  for (const t of p.twice) issues.push(makeIssue('ROSTER_TWICE_UNDECIDED', { name: t.name, townships: t.townshipIds.map(tn).join('、') }));

  const prevById = new Map(previous.map((o) => [o.id, o]));
  const entryByRef = new Map(p.entries.map((e) => [e.ref, e]));
  const missing = new Set(p.missing);
  const created = new Set(p.created);
  const matchedBy = new Map(p.matched.map((m) => [m.ref, m.id]));
  const usedOld = new Set<string>();
  const usedRef = new Set<string>();
  const plans: Plan[] = [];

  const nameOfOld = (id: string) => prevById.get(id)?.name ?? id;
  const claimOld = (id: string): boolean => {
    const o = prevById.get(id);
    if (!o || o.status !== 'active') issues.push(makeIssue('ROSTER_DECISION_UNKNOWN_ORG', { id }));
    else if (!missing.has(id)) issues.push(makeIssue('ROSTER_LINK_SOURCE_MATCHED', { name: o.name }));
    else if (usedOld.has(id)) issues.push(makeIssue('ROSTER_DECISION_CONFLICT', { name: o.name }));
    else {
      usedOld.add(id);
      return true;
    }
    return false;
  };
  const findEntry = (to: { townshipId: string; name: string }): ProposalEntry | null => {
    const e = entryByRef.get(entryRef(to));
    if (!e) issues.push(makeIssue('ROSTER_DECISION_UNKNOWN_ENTRY', { name: to.name, township: tn(to.townshipId) }));
    else if (usedRef.has(e.ref)) issues.push(makeIssue('ROSTER_DECISION_CONFLICT', { name: e.name }));
    else return e;
    return null;
  };

  for (const d of decisions) {
    if (d.kind === 'rename') {
      const okOld = claimOld(d.fromId);
      const e = findEntry(d.to);
      if (!e) continue;
      const other = matchedBy.get(e.ref);
      if (other !== undefined) {
        issues.push(makeIssue('ROSTER_LINK_TARGET_TAKEN', { name: e.name, other: nameOfOld(other) }));
        continue;
      }
      if (!created.has(e.ref)) continue; // held back as twice-listed: reported above
      usedRef.add(e.ref);
      if (okOld) plans.push({ kind: 'rename', fromId: d.fromId, ref: e.ref });
    } else if (d.kind === 'merge') {
      const oks = d.fromIds.map(claimOld);
      const e = findEntry(d.to);
      if (!e) continue;
      const survivorId = matchedBy.get(e.ref) ?? null;
      if (survivorId === null && !created.has(e.ref)) continue;
      if (survivorId === null && d.fromIds.length < 2) {
        issues.push(makeIssue('ROSTER_MERGE_TOO_FEW', { name: e.name }));
        continue;
      }
      usedRef.add(e.ref);
      if (oks.every(Boolean)) plans.push({ kind: 'merge', fromIds: [...d.fromIds], ref: e.ref, survivorId });
    } else if (d.kind === 'dissolve') {
      if (claimOld(d.id)) plans.push({ kind: 'dissolve', id: d.id });
    }
  }
  for (const id of p.missing) {
    if (usedOld.has(id)) continue;
    const o = prevById.get(id);
    if (o) issues.push(makeIssue('ROSTER_MISSING_UNDECIDED', { name: o.name, township: tn(o.townshipId) }));
  }
  if (hasErrors(issues)) return { ok: false, issues };

  // Build: copies of last year's records, updated in place, then the new ones in roster order.
  const out = new Map<string, OrgIdentity>(previous.map((o) => [o.id, { ...o, history: [...o.history] }]));
  const events: RosterEventRecord[] = [];
  const { campaignId, on } = stamp;
  const record = (o: OrgIdentity, e: OrgEvent) => {
    o.history.push(e);
    events.push({ orgId: o.id, event: e });
  };
  const update = (o: OrgIdentity, e: ProposalEntry) => {
    if (orgKey(o.name) !== e.key) record(o, { kind: 'renamed', campaignId, on, from: o.name, to: e.name });
    if (o.townshipId !== e.townshipId) record(o, { kind: 'moved', campaignId, on, fromTownshipId: o.townshipId, toTownshipId: e.townshipId });
    if (o.category !== e.category) record(o, { kind: 'changed', campaignId, on, field: 'category', from: o.category, to: e.category });
    // A blank type is not a change of type; a blank 所属党总支 is (the branch no longer has one).
    if (e.orgType != null && e.orgType !== o.orgType) record(o, { kind: 'changed', campaignId, on, field: 'orgType', from: o.orgType, to: e.orgType });
    const parent = e.parentName === undefined ? o.parentName : e.parentName;
    if (orgKey(parent ?? '') !== orgKey(o.parentName ?? '')) record(o, { kind: 'changed', campaignId, on, field: 'parent', from: o.parentName, to: parent });
    // The same name in another script or spacing keeps last year's form: no churn in the lists.
    if (orgKey(o.name) !== e.key) o.name = e.name;
    o.townshipId = e.townshipId;
    o.category = e.category;
    if (e.orgType != null) o.orgType = e.orgType;
    o.parentName = parent;
    o.lastCampaignId = campaignId;
  };
  const get = (id: string): OrgIdentity => {
    const o = out.get(id);
    if (!o) throw new Error(`identity ${id} vanished`);
    return o;
  };

  for (const m of p.matched) {
    const e = entryByRef.get(m.ref);
    if (e) update(get(m.id), e);
  }
  const newFor = new Map<string, OrgIdentity>();
  const taken = new Set(previous.map((o) => o.id));
  const linked = new Set<string>();
  for (const plan of plans) {
    if (plan.kind === 'rename') {
      const e = entryByRef.get(plan.ref);
      if (e) update(get(plan.fromId), e);
      linked.add(plan.ref);
    }
  }
  // New organizations in a fixed order (township, name key), so a rare id collision resolves the same way every run.
  for (const ref of [...p.created].sort()) {
    if (linked.has(ref)) continue;
    const e = entryByRef.get(ref);
    if (!e) continue;
    const id = claimId(stableId('o', [campaignId, e.townshipId, e.key]), taken);
    const o: OrgIdentity = {
      id,
      name: e.name,
      townshipId: e.townshipId,
      category: e.category,
      orgType: e.orgType ?? null,
      parentName: e.parentName ?? null,
      parentId: null,
      status: 'active',
      lastCampaignId: campaignId,
      history: [],
    };
    record(o, { kind: 'created', campaignId, on });
    newFor.set(ref, o);
  }
  for (const plan of plans) {
    if (plan.kind === 'merge') {
      const into = plan.survivorId !== null ? get(plan.survivorId) : newFor.get(plan.ref);
      if (!into) continue;
      record(into, { kind: 'absorbed', campaignId, on, fromIds: plan.fromIds });
      for (const id of plan.fromIds) {
        const o = get(id);
        o.status = 'merged';
        o.lastCampaignId = campaignId;
        record(o, { kind: 'mergedInto', campaignId, on, intoId: into.id });
      }
    } else if (plan.kind === 'dissolve') {
      const o = get(plan.id);
      o.status = 'dissolved';
      o.lastCampaignId = campaignId;
      record(o, { kind: 'dissolved', campaignId, on });
    }
  }

  const identities = [...out.values(), ...p.entries.map((e) => newFor.get(e.ref)).filter((o): o is OrgIdentity => o !== undefined)];
  const warnings = resolveParents(identities);
  return { ok: true, identities, events, issues: warnings };
}

/** 所属党总支 by name within the same township's active roster. */
function resolveParents(identities: OrgIdentity[]): Issue[] {
  const byPlace = new Map<string, OrgIdentity>();
  for (const o of identities) if (o.status === 'active') byPlace.set(`${o.townshipId}|${orgKey(o.name)}`, o);
  const issues: Issue[] = [];
  for (const o of identities) {
    if (o.status !== 'active') continue;
    if (!o.parentName) {
      o.parentId = null;
      continue;
    }
    const parent = byPlace.get(`${o.townshipId}|${orgKey(o.parentName)}`);
    o.parentId = parent && parent.id !== o.id ? parent.id : null;
    if (o.parentId === null) issues.push(makeIssue('ROSTER_PARENT_UNKNOWN', { name: o.name, parent: o.parentName }));
  }
  return issues;
}

/** The first year: every roster entry is a new organization. */
export function startRoster(entries: readonly IncomingOrg[], stamp: RosterStamp, opts: { townshipNames?: TownshipNames } = {}): ApplyResult {
  return applyReconciliation([], { entries }, [], stamp, opts);
}
