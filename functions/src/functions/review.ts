import { app, type HttpRequest } from '@azure/functions';
import { REVIEW_ACTION_LABEL, reviewStateLabel } from '../../../shared/review/machine';
import { reviewActionSchema } from '../../../shared/api/contract';
import { authenticate, requireCounty } from '../auth/access';
import { actorOf, loadCampaign, param, township } from '../http/common';
import { ApiError } from '../http/errors';
import { endpoint, json, readJson, zodDetail } from '../http/handler';
import { townshipStatus } from '../http/status';
import { applyReview } from '../storage/commands';

/**
 * POST …/townships/{townshipId}/review (county): accept, return with a comment, reopen → the
 * township's status after it. The rules are shared/review's; they are applied under the pointer's
 * ETag, so of two actions racing on one version exactly one succeeds and the other gets 409.
 */
export const handler = endpoint(async (req: HttpRequest) => {
  const who = authenticate(req);
  const c = param(req, 'campaignId');
  const t = param(req, 'townshipId');
  requireCounty(who, c);
  const parsed = reviewActionSchema.safeParse(await readJson(req));
  if (!parsed.success) throw new ApiError('REQUEST_BODY_INVALID', { detail: zodDetail(parsed.error.issues) });
  const a = parsed.data;
  if (a.action === 'return' && !a.comment?.trim()) throw new ApiError('REVIEW_COMMENT_REQUIRED');
  const { store, campaign } = await loadCampaign(c);
  const tw = township(campaign, t);
  const r = await applyReview(store, c, t, a, { actor: actorOf(who) });
  const action = REVIEW_ACTION_LABEL[a.action];
  if (r.kind === 'conflict') throw new ApiError('REVIEW_CONFLICT', { township: tw.name, state: reviewStateLabel(r.state), action });
  if (r.kind === 'refused') {
    const d = r.decision;
    switch (d.refusal) {
      case 'nothing':
        throw new ApiError('REVIEW_NOTHING', { township: tw.name });
      case 'commentRequired':
        throw new ApiError('REVIEW_COMMENT_REQUIRED');
      case 'stale':
        throw new ApiError('REVIEW_STALE', { seen: a.version, current: d.current });
      case 'notAllowed':
        throw new ApiError('REVIEW_NOT_ALLOWED', { state: reviewStateLabel(d.state), action });
    }
  }
  return json(200, await townshipStatus(store, campaign, tw));
});

export const registration = {
  name: 'review',
  methods: ['POST' as const],
  authLevel: 'anonymous' as const,
  route: 'campaigns/{campaignId}/townships/{townshipId}/review',
  handler,
};
app.http(registration.name, registration);
