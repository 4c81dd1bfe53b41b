import { app, type HttpRequest } from '@azure/functions';
import { STATE_TEXT } from '../../../shared';
import { reviewActionSchema } from '../../../shared/api/contract';
import { authenticate, requireCounty } from '../auth/access';
import { loadCampaign, param, township } from '../http/common';
import { ApiError } from '../http/errors';
import { endpoint, json, readJson, zodDetail } from '../http/handler';
import { townshipStatus } from '../http/status';
import { review } from '../storage/ledger';

const ACTION_TEXT = { accept: '审核通过', return: '退回', reopen: '重新开放' } as const;

/** POST …/townships/{townshipId}/review (county): accept, return with a comment, reopen → the township's status after it. */
export const handler = endpoint(async (req: HttpRequest) => {
  const who = await authenticate(req);
  const c = param(req, 'campaignId');
  const t = param(req, 'townshipId');
  requireCounty(who);
  const parsed = reviewActionSchema.safeParse(await readJson(req));
  if (!parsed.success) throw new ApiError('REQUEST_BODY_INVALID', { detail: zodDetail(parsed.error.issues) });
  const a = parsed.data;
  if (a.action === 'return' && !a.comment?.trim()) throw new ApiError('REVIEW_COMMENT_REQUIRED');
  const { store, campaign } = await loadCampaign(who, c);
  const tw = township(campaign, t);
  const r = await review(store, c, t, a.action, { actor: 'county', ...(a.version !== undefined ? { version: a.version } : {}), ...(a.comment?.trim() ? { comment: a.comment.trim() } : {}) });
  switch (r.kind) {
    case 'missing':
      throw new ApiError('REVIEW_NOTHING', { township: tw.name });
    case 'stale':
      throw new ApiError('REVIEW_STALE', { seen: a.version ?? r.current, current: r.current });
    case 'notAllowed':
      throw new ApiError('REVIEW_NOT_ALLOWED', { state: STATE_TEXT[r.state], action: ACTION_TEXT[a.action] });
    case 'done':
      return json(200, await townshipStatus(store, campaign, tw));
  }
});

export const registration = {
  name: 'review',
  methods: ['POST' as const],
  authLevel: 'anonymous' as const,
  route: 'campaigns/{campaignId}/townships/{townshipId}/review',
  handler,
};
app.http(registration.name, registration);
