// Organizations that persist across campaigns. The county's 名册 changes every year (new
// organizations, renamed ones, villages merged, enterprises closed), but last year's 较差 branch
// must still be found this year under whatever name it now has, so every organization carries a
// stable id and the history of what happened to it.
import type { Where } from '../issues/catalogue';
import type { OrgType } from '../submission/types';
import { orgKey } from '../text/normalize';

export type OrgStatus = 'active' | 'dissolved' | 'merged';

/** Something that happened to an organization, in the campaign whose roster recorded it. */
export type OrgEvent =
  | { kind: 'created'; campaignId: string; on: string }
  | { kind: 'renamed'; campaignId: string; on: string; from: string; to: string }
  | { kind: 'moved'; campaignId: string; on: string; fromTownshipId: string; toTownshipId: string }
  | { kind: 'changed'; campaignId: string; on: string; field: 'category' | 'orgType' | 'parent'; from: string | null; to: string | null }
  /** This organization was merged into another one and no longer exists on its own. */
  | { kind: 'mergedInto'; campaignId: string; on: string; intoId: string }
  /** Other organizations were merged into this one. */
  | { kind: 'absorbed'; campaignId: string; on: string; fromIds: string[] }
  | { kind: 'dissolved'; campaignId: string; on: string };

export interface OrgIdentity {
  id: string;
  name: string;
  townshipId: string;
  /** Category key of the scheme. */
  category: string;
  orgType: OrgType | null;
  /** 所属党总支 as the roster names it, and its id when it is in the same township's roster. */
  parentName: string | null;
  parentId: string | null;
  status: OrgStatus;
  /** The last campaign whose roster listed it (for an inactive one: the campaign that ended it). */
  lastCampaignId: string;
  history: OrgEvent[];
}

/** One line of this year's 名册, as read from a sheet or pasted text (shared/roster/sheet.ts, paste.ts). */
export interface IncomingOrg {
  townshipId: string;
  name: string;
  /** Category key of the scheme. */
  category: string;
  orgType?: OrgType | null;
  parentName?: string | null;
  /** Last year's id, when the county's roster was exported with ids and carries them. */
  id?: string | null;
  /** Where the line is, for messages. */
  where?: Where;
}

/** When the roster is applied: the new campaign and the date it records. */
export interface RosterStamp {
  campaignId: string;
  /** ISO date (yyyy-mm-dd). */
  on: string;
}

/** The active organizations of a township (or all townships), in roster order. */
export function activeOrgs(identities: readonly OrgIdentity[], townshipId?: string): OrgIdentity[] {
  return identities.filter((o) => o.status === 'active' && (townshipId === undefined || o.townshipId === townshipId));
}

// One index per list of organizations, kept while the list lives: a county of 25,000 takes ~20 ms
// to index, and every township of a campaign (every upload, the targets, the year-after sheets)
// is read against the same list. The lists are never changed once made (readonly throughout).
const indexes = new WeakMap<readonly OrgIdentity[], Map<string, OrgIdentity>>();

/**
 * Finds an active organization by name within a township: the one lookup every uploaded row,
 * ledger line and regrade row goes through.
 */
export function orgIndex(identities: readonly OrgIdentity[]): (townshipId: string, name: string) => OrgIdentity | undefined {
  let m = indexes.get(identities);
  if (!m) {
    m = new Map<string, OrgIdentity>();
    for (const o of identities) if (o.status === 'active') m.set(`${o.townshipId}|${orgKey(o.name)}`, o);
    indexes.set(identities, m);
  }
  const index = m;
  return (townshipId, name) => index.get(`${townshipId}|${orgKey(name)}`);
}

/**
 * Where an organization lives on: itself while active, the organization it was merged into
 * (followed through later merges), or null when it was dissolved.
 */
export function successorOf(identities: readonly OrgIdentity[] | ReadonlyMap<string, OrgIdentity>, id: string): OrgIdentity | null {
  const byId = identities instanceof Map ? identities : new Map((identities as readonly OrgIdentity[]).map((o) => [o.id, o]));
  const seen = new Set<string>();
  let cur = byId.get(id);
  while (cur && !seen.has(cur.id)) {
    seen.add(cur.id);
    if (cur.status === 'active') return cur;
    if (cur.status === 'dissolved') return null;
    const into = mergedIntoId(cur);
    cur = into === null ? undefined : byId.get(into);
  }
  return null;
}

function mergedIntoId(o: OrgIdentity): string | null {
  for (let i = o.history.length - 1; i >= 0; i--) {
    const e = o.history[i];
    if (e?.kind === 'mergedInto') return e.intoId;
  }
  return null;
}

/** Townships' display names for messages; an id stands in for a name nobody gave. */
export type TownshipNames = Readonly<Record<string, string>>;

export function townshipName(names: TownshipNames | undefined, id: string): string {
  return names?.[id] ?? id;
}
