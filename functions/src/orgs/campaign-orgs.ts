// The organizations of a campaign being created or edited: its roster applied to its
// predecessor's organizations with the county's decisions (or, for a first year, every entry new),
// stored as the campaign's organizations blob. The same derivation, stopped before the decisions,
// is the proposal the county is shown (POST /api/roster/reconcile).
import type { RosterProposalData } from '../../../shared/api/contract';
import type { CampaignDraft } from '../../../shared/campaign/build';
import { applyReconciliation, type ApplyResult } from '../../../shared/roster/apply';
import { rosterEntries } from '../../../shared/roster/campaign';
import { defaultDecisions } from '../../../shared/roster/defaults';
import type { OrgIdentity, TownshipNames } from '../../../shared/roster/identity';
import { reconcileRoster, type RosterDecision } from '../../../shared/roster/reconcile';
import { ApiError, shownIssues } from '../http/errors';
import type { StoredCampaign } from '../storage/campaigns';
import { getOrgs, putOrgs, type OrgSnapshot } from '../storage/orgs';
import type { Store } from '../storage/store';
import type { Issue } from '../../../shared/issues/types';

/** The predecessor's organizations: every identity it knew (active ones are its roster). */
export async function organizationsOf(store: Store, c: Pick<StoredCampaign, 'orgs'> | null): Promise<OrgIdentity[]> {
  return c?.orgs ? (await getOrgs(store, c.orgs.blob)).identities : [];
}

function names(...lists: Array<ReadonlyArray<{ id: string; name: string }>>): TownshipNames {
  const out: Record<string, string> = {};
  for (const l of lists) for (const t of l) out[t.id] ??= t.name;
  return out;
}

function apply(previous: readonly OrgIdentity[], draft: CampaignDraft, decisions: readonly RosterDecision[], stamp: { campaignId: string; on: string }, townshipNames: TownshipNames): ApplyResult {
  return applyReconciliation(previous, { entries: rosterEntries(draft.scheme, draft.townships, draft.roster) }, decisions, stamp, { townshipNames });
}

export interface CampaignOrgs {
  /** Null when the campaign has no organizations at all (no roster, no predecessor): nothing to keep a ledger of. */
  orgs: { blob: string; active: number } | null;
  snapshot: OrgSnapshot;
  /** Warnings of the application (a 所属党总支 not on the roster). */
  warnings: Issue[];
}

/**
 * Applies the roster and stores the organizations (a content-named blob: invisible until the
 * campaign revision names it). Refuses with 422 and every point still to decide, each naming its
 * organization, when the decisions do not settle the roster.
 */
export async function storeCampaignOrgs(
  store: Store,
  args: { campaignId: string; on: string; draft: CampaignDraft; previous: StoredCampaign | null; decisions: readonly RosterDecision[] },
): Promise<CampaignOrgs> {
  const previous = await organizationsOf(store, args.previous);
  const r = apply(previous, args.draft, args.decisions, { campaignId: args.campaignId, on: args.on }, names(args.draft.townships, args.previous?.townships ?? []));
  if (!r.ok) throw new ApiError('ROSTER_RECONCILE_REFUSED', { errors: r.issues.filter((i) => i.severity === 'error').length }, r.issues);
  const snapshot: OrgSnapshot = { format: 1, campaignId: args.campaignId, identities: r.identities, events: r.events };
  if (r.identities.length === 0) return { orgs: null, snapshot, warnings: r.issues };
  const blob = await putOrgs(store, snapshot);
  return { orgs: { blob, active: r.identities.filter((o) => o.status === 'active').length }, snapshot, warnings: r.issues };
}

/** The proposal for the county: what matched, what is new or missing, suggestions, and the pre-ticked decisions. */
export async function rosterProposal(
  store: Store,
  args: { campaignId: string; draft: CampaignDraft; previous: StoredCampaign | null; decisions: readonly RosterDecision[] },
): Promise<RosterProposalData> {
  const previous = await organizationsOf(store, args.previous);
  const townshipNames = names(args.draft.townships, args.previous?.townships ?? []);
  const entries = rosterEntries(args.draft.scheme, args.draft.townships, args.draft.roster);
  const p = reconcileRoster(previous, entries, { campaignId: args.campaignId, townshipNames, decisions: args.decisions });
  const byId = new Map(previous.map((o) => [o.id, o]));
  const defaults = [...args.decisions.filter((d) => d.kind === 'assign' || d.kind === 'distinct'), ...defaultDecisions(p)];
  const check = apply(previous, args.draft, defaults, { campaignId: args.campaignId, on: '2000-01-01' }, townshipNames);
  return {
    previousId: args.previous?.id ?? null,
    campaignId: args.campaignId,
    townships: args.draft.townships,
    previousTownships: args.previous?.townships ?? [],
    entries: p.entries.map((e) => ({ ref: e.ref, townshipId: e.townshipId, name: e.name, category: e.category, orgType: e.orgType ?? null, parentName: e.parentName ?? null, id: e.id ?? null })),
    matched: p.matched.map((m) => ({ ...m, previousName: byId.get(m.id)?.name ?? '', previousTownshipId: byId.get(m.id)?.townshipId ?? '' })),
    created: p.created,
    missing: p.missing.map((id) => ({ id, name: byId.get(id)?.name ?? id, townshipId: byId.get(id)?.townshipId ?? '', category: byId.get(id)?.category ?? '' })),
    renames: p.renames,
    merges: p.merges,
    twice: p.twice,
    issues: shownIssues(p.issues),
    defaults,
    defaultsIssues: check.ok ? [] : shownIssues(check.issues.filter((i) => i.severity === 'error')),
  };
}
