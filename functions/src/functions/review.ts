import { app, type HttpRequest } from '@azure/functions';
import { reviewActionSchema } from '../../../shared/api/contract';
import { authenticate, requireCounty } from '../auth/access';
import { actorOf, loadCampaign, param, parseBody, township } from '../http/common';
import { ApiError } from '../http/errors';
import { endpoint, json } from '../http/handler';
import { reviewRefusal } from '../http/review-refusal';
import { townshipStatus } from '../http/status';
import { applyReview } from '../storage/commands';

/**
 * POST …/townships/{townshipId}/review (county): accept, return with a comment, reopen → the
 * township's status after it. The rules are shared/review's; they are applied under the pointer's
 * ETag, so of two actions racing on one version exactly one succeeds and the other gets 409.
 */
export const handler = endpoint(async (req: HttpRequest) => {
  const who = await authenticate(req);
  const c = param(req, 'campaignId');
  const t = param(req, 'townshipId');
  requireCounty(who);
  const a = await parseBody(req, reviewActionSchema);
  if (a.action === 'return' && !a.comment?.trim()) throw new ApiError('REVIEW_COMMENT_REQUIRED');
  const { store, campaign } = await loadCampaign(who, c);
  const tw = township(campaign, t);
  const r = await applyReview(store, c, t, a, { actor: actorOf(who) });
  const refused = reviewRefusal(r, tw.name, a);
  if (refused) throw refused;
  // reviewRefusal answers every outcome but 'done'.
  return json(200, await townshipStatus(store, campaign, tw, r.kind === 'done' ? r.state : undefined));
});

export const registration = {
  name: 'review',
  methods: ['POST' as const],
  authLevel: 'anonymous' as const,
  route: 'campaigns/{campaignId}/townships/{townshipId}/review',
  handler,
};
app.http(registration.name, registration);
