import { app, type HttpRequest } from '@azure/functions';
import type { Lookback } from '../../../shared/api/contract';
import { townshipName } from '../../../shared/roster/identity';
import { gradeByKey } from '../../../shared/scheme/lookup';
import { endpoint, json } from '../http/handler';
import { countyScope } from '../http/scope';
import { campaignTownshipNames } from '../orgs/township-names';
import { campaignLookback } from '../results/lookback';

/**
 * GET /api/campaigns/{campaignId}/lookback (county; a 回头看): each regraded organization's grade
 * before and after, why an override changed it, and the upgrades flagged because their
 * rectification items are not all 销号 (成效不显著不得晋位升级).
 */
export const handler = endpoint(async (req: HttpRequest) => {
  const { store, campaign } = await countyScope(req);
  const { reviewed, result, pendingTownships } = await campaignLookback(store, campaign);
  const s = campaign.scheme;
  const label = (k: string | null) => (k === null ? '' : (gradeByKey(s, k)?.label ?? k));
  // Through the reviewed grading and its predecessors: a name wherever a township is shown, never its id.
  const names = await campaignTownshipNames(store, campaign, new Set([...result.rows, ...result.notRegraded].map((r) => r.townshipId)));
  const body: Lookback = {
    campaignId: campaign.id,
    reviewsId: reviewed.id,
    rows: result.rows.map((r) => ({ ...r, townshipName: townshipName(names, r.townshipId), beforeLabel: label(r.before), afterLabel: label(r.after) })),
    notRegraded: result.notRegraded.map((g) => ({ orgId: g.orgId, townshipId: g.townshipId, townshipName: townshipName(names, g.townshipId), name: g.name, grade: g.grade, gradeLabel: label(g.grade) })),
    pendingTownships,
    issues: result.issues.map(({ params: _p, ...rest }) => rest),
  };
  return json(200, body);
});

export const registration = { name: 'lookback', methods: ['GET' as const], authLevel: 'anonymous' as const, route: 'campaigns/{campaignId}/lookback', handler };
app.http(registration.name, registration);
