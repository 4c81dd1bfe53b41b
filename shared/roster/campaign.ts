// A campaign's 名册 (as stored: per township id, category and type by their names) and the
// organizations of the year after (identities: category and type by key), in both directions:
// the entries reconciled against last year's organizations, and last year's active organizations
// carried into a new campaign's roster when the county sends none.
import type { CampaignRosterEntry } from '../api/campaign';
import { findCategory, findOrgType } from '../scheme/lookup';
import type { Scheme } from '../scheme/schema';
import { ORG_TYPES } from '../template/definition';
import { orgKey } from '../text/normalize';
import { activeOrgs, type IncomingOrg, type OrgIdentity } from './identity';

/**
 * The campaign's roster as this year's entries, township by township in the campaign's order. A
 * line without a category (a warning when the roster was checked) keeps an empty category.
 */
export function rosterEntries(s: Scheme, townships: ReadonlyArray<{ id: string; name: string }>, roster: Readonly<Record<string, readonly CampaignRosterEntry[]>>): IncomingOrg[] {
  const out: IncomingOrg[] = [];
  for (const t of townships) {
    for (const e of roster[t.id] ?? []) {
      const entry: IncomingOrg = {
        townshipId: t.id,
        name: e.name,
        category: e.category ? (findCategory(s, e.category)?.key ?? '') : '',
        orgType: e.orgType ? (findOrgType(s, e.orgType) ?? null) : null,
        parentName: e.parent ?? null,
        where: { sheet: `${t.name}名册` },
      };
      if (e.id) entry.id = e.id;
      out.push(entry);
    }
  }
  return out;
}

/**
 * Last year's active organizations as a roster for a new campaign, keyed by township *name* (the
 * new campaign's ids are not known yet; the same name keeps its id), for the townships of the new
 * campaign only: an organization of a township no longer on the list is left to the county's
 * decisions (dissolved, or renamed into another township). Each entry carries its id, so it is
 * matched by id whatever happens to names.
 */
export function carriedRoster(
  s: Scheme,
  identities: readonly OrgIdentity[],
  previousTownships: ReadonlyArray<{ id: string; name: string }>,
  newTownshipNames: readonly string[],
): Record<string, CampaignRosterEntry[]> {
  const keep = new Set(newTownshipNames.map(orgKey));
  const out: Record<string, CampaignRosterEntry[]> = {};
  for (const t of previousTownships) {
    if (!keep.has(orgKey(t.name))) continue;
    const list = activeOrgs(identities, t.id).map((o) => {
      const e: CampaignRosterEntry = { name: o.name, id: o.id };
      const category = s.categories.find((c) => c.key === o.category)?.name;
      if (category) e.category = category;
      const type = ORG_TYPES.find((x) => x.key === o.orgType)?.label;
      if (type) e.orgType = type;
      if (o.parentName) e.parent = o.parentName;
      return e;
    });
    if (list.length) out[t.name] = list;
  }
  return out;
}
