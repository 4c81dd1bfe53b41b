// The targets report as the API answers it (shared/api/ledger.ts targetsSchema); for one
// township, its own scope (and, for comparison, the county's), and only the issues about it.
import type { Targets } from '../../../shared/api/contract';
import type { StoredCampaign } from '../storage/campaigns';
import type { TargetsReport } from './targets';

export function targetsAnswer(campaign: StoredCampaign, t: TargetsReport, townshipId?: string): Targets {
  const r = t.report;
  const townships = townshipId === undefined ? r.townships : r.townships.filter((s) => s.townshipId === townshipId);
  const mine = townshipId === undefined ? null : (campaign.townships.find((x) => x.id === townshipId)?.name ?? townshipId);
  const issues = r.issues.filter((i) => mine === null || i.params?.scope === mine);
  return {
    campaignId: campaign.id,
    previousId: t.previous.id,
    previousLookbackId: t.lookbackId,
    county: r.county,
    townships,
    complete: r.complete,
    issues: issues.map(({ params: _p, ...rest }) => rest),
  };
}
