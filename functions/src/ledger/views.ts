// Ledger items as the API shows them: labels resolved, overdue days as of now, in the order a
// county clerk reads a ledger (township by township in the campaign's order, organizations in
// roster order, each organization's items oldest first), with filters and counts.
import type { LedgerItemView, LedgerList, LedgerQuery } from '../../../shared/api/contract';
import { overdueDays, overdueIssues } from '../../../shared/ledger/overdue';
import { LEDGER_STATUS_LABELS, type LedgerItem, type LedgerStatus } from '../../../shared/ledger/types';
import { townshipName, type TownshipNames } from '../../../shared/roster/identity';
import { gradeByKey } from '../../../shared/scheme/lookup';
import { orgKey } from '../../../shared/text/normalize';
import type { StoredCampaign } from '../storage/campaigns';

/** `names`: the townships' names through the campaign's predecessors (orgs/township-names.ts), not only its own list. */
export function itemView(campaign: StoredCampaign, names: TownshipNames, item: LedgerItem, now: number): LedgerItemView {
  return {
    ...item,
    statusLabel: LEDGER_STATUS_LABELS[item.status],
    gradeLabel: gradeByKey(campaign.scheme, item.grade)?.label ?? item.grade,
    townshipName: townshipName(names, item.townshipId),
    overdueDays: overdueDays(item, now),
  };
}

/** The campaign's reading order: township, then the organization's place in its roster, then oldest first. */
export function ledgerOrder(campaign: StoredCampaign, items: readonly LedgerItem[]): LedgerItem[] {
  const townshipAt = new Map(campaign.townships.map((t, i) => [t.id, i]));
  const orgAt = new Map<string, number>();
  for (const t of campaign.townships) (campaign.roster[t.id] ?? []).forEach((e, i) => orgAt.set(`${t.id}|${orgKey(e.name)}`, i));
  const key = (i: LedgerItem) => [townshipAt.get(i.townshipId) ?? campaign.townships.length, orgAt.get(`${i.townshipId}|${orgKey(i.orgName)}`) ?? Number.MAX_SAFE_INTEGER] as const;
  const opened = (i: LedgerItem) => i.history[0]?.at ?? '';
  return [...items].sort((a, b) => {
    const [ta, oa] = key(a);
    const [tb, ob] = key(b);
    return ta - tb || oa - ob || a.orgName.localeCompare(b.orgName, 'zh-CN') || opened(a).localeCompare(opened(b)) || a.campaignId.localeCompare(b.campaignId) || a.seq - b.seq;
  });
}

function filtered(items: readonly LedgerItem[], q: LedgerQuery, now: number): LedgerItem[] {
  const overdue = q.overdue === '1' || q.overdue === 'true';
  return items.filter(
    (i) => (q.township === undefined || i.townshipId === q.township) && (q.status === undefined || q.status.includes(i.status)) && (q.opened === undefined || i.campaignId === q.opened) && (!overdue || overdueDays(i, now) > 0),
  );
}

export function ledgerList(campaign: StoredCampaign, names: TownshipNames, items: readonly LedgerItem[], q: LedgerQuery, now: number, townshipId: string | null): LedgerList {
  const list = ledgerOrder(campaign, filtered(items, townshipId === null ? q : { ...q, township: townshipId }, now));
  const counts: LedgerList['counts'] = { open: 0, requested: 0, closed: 0, reopened: 0, void: 0, overdue: 0 };
  for (const i of list) {
    counts[i.status satisfies LedgerStatus]++;
    if (overdueDays(i, now) > 0) counts.overdue++;
  }
  return {
    campaignId: campaign.id,
    townshipId,
    items: list.map((i) => itemView(campaign, names, i, now)),
    counts,
    issues: overdueIssues(list, now).map(({ params: _p, ...rest }) => rest),
  };
}
