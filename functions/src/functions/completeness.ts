import { app, type HttpRequest } from '@azure/functions';
import type { Completeness } from '../../../shared/api/contract';
import { authenticate, requireCounty } from '../auth/access';
import { townshipInputs } from '../consolidate/townships';
import { loadCampaign, param, publicCampaign } from '../http/common';
import { endpoint, json } from '../http/handler';

/** GET /api/campaigns/{campaignId}/completeness (county): who has reported, who is late, quota verdicts. */
export const handler = endpoint(async (req: HttpRequest) => {
  const who = authenticate(req);
  const c = param(req, 'campaignId');
  requireCounty(who, c);
  const { store, campaign } = await loadCampaign(c);
  const inputs = await townshipInputs(store, campaign, Date.now());
  const totals = { missing: 0, submitted: 0, returned: 0, accepted: 0, late: 0 };
  const townships = inputs.map((t) => {
    totals[t.state]++;
    if (t.late) totals.late++;
    return {
      id: t.id,
      name: t.name,
      state: t.state,
      late: t.late,
      currentVersion: t.version,
      receivedAt: t.receivedAt,
      quota: t.quota,
      comment: t.comment,
    };
  });
  const { scheme: _s, ...pub } = publicCampaign(campaign);
  const body: Completeness = { campaign: pub, townships, totals };
  return json(200, body);
});

export const registration = { name: 'completeness', methods: ['GET' as const], authLevel: 'anonymous' as const, route: 'campaigns/{campaignId}/completeness', handler };
app.http(registration.name, registration);
