import { app, type HttpRequest } from '@azure/functions';
import { isLate } from '../../../shared';
import type { TownshipStatus } from '../../../shared/api/contract';
import { authenticate, requireTownshipOrCounty } from '../auth/access';
import { loadCampaign, param, township } from '../http/common';
import { endpoint, json } from '../http/handler';
import { getState, listVersions } from '../storage/ledger';

/** GET …/townships/{townshipId}/submissions: versions and review state (the township itself or the county). */
export const handler = endpoint(async (req: HttpRequest) => {
  const who = authenticate(req);
  const c = param(req, 'campaignId');
  const t = param(req, 'townshipId');
  requireTownshipOrCounty(who, c, t);
  const { store, campaign } = await loadCampaign(c);
  const tw = township(campaign, t);
  const [state, versions] = await Promise.all([getState(store, c, t), listVersions(store, c, t)]);
  const body: TownshipStatus = {
    campaignId: c,
    townshipId: t,
    townshipName: tw.name,
    state: state?.state ?? 'missing',
    currentVersion: state?.currentVersion ?? null,
    late: isLate(campaign.deadline, state?.receivedAt ?? null, Date.now()),
    comment: state?.comment ?? null,
    versions: versions.map((v) => ({
      version: v.version,
      submissionId: v.submissionId,
      contentHash: v.contentHash,
      receivedAt: v.receivedAt,
      rows: { orgs: v.orgs, rectifications: v.rectifications },
      quota: { ok: v.quotaOk, summary: v.quotaSummary },
    })),
  };
  return json(200, body);
});

export const registration = {
  name: 'submissionsList',
  methods: ['GET' as const],
  authLevel: 'anonymous' as const,
  route: 'campaigns/{campaignId}/townships/{townshipId}/submissions',
  handler,
};
app.http(registration.name, registration);
