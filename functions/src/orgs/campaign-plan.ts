// A campaign as the county sends it (create or edit), with the links of the year after resolved:
// a grading may name its predecessor (its organizations carry over: the roster, when left out, is
// the predecessor's, and the county's decisions settle what changed); a 回头看 names the grading
// it reviews and takes that campaign's townships (a subset may be chosen), standard, roster and
// organizations. The refusals are Chinese and name the campaign or township at fault.
import type { CreateCampaign } from '../../../shared/api/contract';
import { buildCampaign, type CampaignDraft, type CampaignFields } from '../../../shared/campaign/build';
import { lookbackTownships, pastDeadline } from '../../../shared/campaign/lookback';
import { beijingDay } from '../../../shared/consolidate/deadline';
import { followsPrevious, nextYear } from '../../../shared/campaign/previous';
import type { Issue } from '../../../shared/issues/types';
import { carriedRoster } from '../../../shared/roster/campaign';
import type { RosterDecision } from '../../../shared/roster/reconcile';
import { schemeFingerprint } from '../../../shared/scheme/lookup';
import { orgKey } from '../../../shared/text/normalize';
import { draftOrRefuse } from '../http/common';
import { ApiError } from '../http/errors';
import { getCountyCampaign, type StoredCampaign } from '../storage/campaigns';
import type { Store } from '../storage/store';
import { organizationsOf, storeCampaignOrgs } from './campaign-orgs';

type Links = Pick<CreateCampaign, 'kind' | 'previousId' | 'reviewsId' | 'decisions'>;

export interface CampaignPlan {
  draft: CampaignDraft;
  kind: 'grading' | 'lookback';
  /** A grading's predecessor. */
  previous: StoredCampaign | null;
  /** A 回头看's reviewed grading. */
  reviewed: StoredCampaign | null;
  decisions: RosterDecision[];
}

/** An id the county did not choose: {county}-{year}, then -2, -3… if taken. */
export function freeId(countyId: string, year: number, taken: ReadonlySet<string>): string {
  const base = `${countyId}-${year}`.slice(0, 56);
  for (let n = 1; ; n++) {
    const id = n === 1 ? base : `${base}-${n}`;
    if (!taken.has(id)) return id;
  }
}

async function linked(store: Store, county: string, id: string): Promise<StoredCampaign> {
  const found = await getCountyCampaign(store, county, id);
  if (!found) throw new ApiError('CAMPAIGN_NOT_FOUND', { id });
  return found.campaign;
}

/**
 * The campaign's draft and links. `editing`: the campaign's current revision (an edit keeps its
 * links; naming others is refused), whose townships and standard an edit starts from.
 */
export async function planCampaign(store: Store, county: string, body: CampaignFields & Links, now: number, editing?: StoredCampaign): Promise<CampaignPlan> {
  const kind = body.kind ?? editing?.kind ?? 'grading';
  const previousId = body.previousId ?? (editing ? (editing.previousId ?? undefined) : undefined);
  const reviewsId = body.reviewsId ?? (editing ? (editing.reviewsId ?? undefined) : undefined);
  if (editing && (kind !== (editing.kind ?? 'grading') || (previousId ?? null) !== (editing.previousId ?? null) || (reviewsId ?? null) !== (editing.reviewsId ?? null))) {
    throw new ApiError('CAMPAIGN_LINK_LOCKED');
  }
  if (kind === 'lookback') {
    if (previousId) throw new ApiError('CAMPAIGN_LINKS_MIXED');
    if (!reviewsId) throw new ApiError('CAMPAIGN_REVIEWS_MISSING');
    const reviewed = await linked(store, county, reviewsId);
    if (reviewed.kind === 'lookback') throw new ApiError('CAMPAIGN_REVIEWS_INVALID', { id: reviewsId });
    return { draft: lookbackDraft(body, reviewed, now), kind, previous: null, reviewed, decisions: [] };
  }
  if (reviewsId) throw new ApiError('CAMPAIGN_LINKS_MIXED');
  const previous = previousId ? await linked(store, county, previousId) : null;
  if (previous?.kind === 'lookback') throw new ApiError('CAMPAIGN_PREVIOUS_INVALID', { id: previous.id });
  if (previous && !followsPrevious(body.year, previous.year)) throw new ApiError('CAMPAIGN_PREVIOUS_YEAR', { year: body.year, previous: previous.year, next: nextYear(previous.year) });
  // Left out, the roster of a successor is its predecessor's organizations (ids and all).
  const roster = body.roster ?? (previous ? carriedRoster(previous.scheme, await organizationsOf(store, previous), previous.townships, body.townships.map((t) => t.name)) : undefined);
  // Townships of the same name keep their ids across years; the standard defaults to the predecessor's.
  const base = editing ?? previous;
  const draft = draftOrRefuse(buildCampaign({ ...body, ...(roster ? { roster } : {}) }, { now, ...(base ? { previous: { townships: base.townships, scheme: base.scheme } } : {}) }));
  return { draft, kind, previous, reviewed: null, decisions: body.decisions ?? editing?.decisions ?? [] };
}

/** A 回头看 keeps the reviewed campaign's standard and roster; its townships are some of the reviewed ones. */
function lookbackDraft(body: CampaignFields & Links, reviewed: StoredCampaign, now: number): CampaignDraft {
  if (body.roster !== undefined || body.scheme !== undefined || body.schemeId !== undefined || body.decisions?.length) throw new ApiError('CAMPAIGN_LOOKBACK_FIELDS', { id: reviewed.id });
  const picked = lookbackTownships(reviewed.townships, body.townships);
  if (!picked.ok) {
    throw picked.problem === 'unknown' ? new ApiError('CAMPAIGN_LOOKBACK_TOWNSHIP', { name: picked.name, id: reviewed.id }) : new ApiError('CAMPAIGN_TOWNSHIP_NAME_DUPLICATE', { name: picked.name });
  }
  const townships = picked.townships;
  const past = pastDeadline(body.deadline, now);
  const warnings: Issue[] = past ? [past] : [];
  const roster = Object.fromEntries(townships.filter((t) => reviewed.roster[t.id]).map((t) => [t.id, reviewed.roster[t.id] ?? []]));
  return { year: body.year, county: body.county, deadline: body.deadline, townships, scheme: reviewed.scheme, schemeId: reviewed.schemeId, schemeFingerprint: schemeFingerprint(reviewed.scheme), roster, warnings };
}

/** What the year after adds to the stored campaign: its links and organizations (applied and stored now). */
export async function yearAfterFields(
  store: Store,
  plan: CampaignPlan,
  campaignId: string,
  createdAt: string,
): Promise<{ fields: Pick<StoredCampaign, 'kind' | 'previousId' | 'reviewsId' | 'orgs' | 'decisions' | 'roster'>; warnings: Issue[] }> {
  if (plan.kind === 'lookback' && plan.reviewed) {
    // The same organizations as the grading under review: a 回头看 regrades them, it changes no roster.
    return { fields: { kind: 'lookback', previousId: null, reviewsId: plan.reviewed.id, orgs: plan.reviewed.orgs ?? null, decisions: [], roster: plan.draft.roster }, warnings: [] };
  }
  // The day an organization was created, renamed or dissolved is the county's (Beijing) day: a campaign
  // made on the morning of 1 January in Beijing is still 31 December in UTC.
  const applied = await storeCampaignOrgs(store, { campaignId, on: beijingDay(Date.parse(createdAt)), draft: plan.draft, previous: plan.previous, decisions: plan.decisions });
  // A name listed by two townships and given to one is on that township's roster only.
  const active = new Set(applied.snapshot.identities.filter((o) => o.status === 'active').map((o) => `${o.townshipId}|${orgKey(o.name)}`));
  const roster = Object.fromEntries(Object.entries(plan.draft.roster).map(([t, list]) => [t, list.filter((e) => active.has(`${t}|${orgKey(e.name)}`))]));
  return {
    fields: { kind: 'grading', previousId: plan.previous?.id ?? null, reviewsId: null, orgs: applied.orgs, decisions: plan.decisions, roster },
    warnings: applied.warnings,
  };
}
