import { app, type HttpRequest } from '@azure/functions';
import { makeIssue } from '../../../shared';
import { bulkReviewSchema, type BulkReviewResult } from '../../../shared/api/contract';
import { actorOf } from '../http/common';
import { endpoint, json } from '../http/handler';
import { countyBodyScope } from '../http/scope';
import { reviewRefusal } from '../http/review-refusal';
import { applyReview } from '../storage/commands';

/**
 * POST /api/campaigns/{campaignId}/review (county): accept every township listed, each at the
 * version the county saw. Each township is answered on its own: one that has sent a newer
 * version, or was returned or accepted meanwhile, gets its 409 message in `results`; the others
 * are accepted. The request as a whole succeeds (200) when it was understood.
 */
export const handler = endpoint(async (req: HttpRequest) => {
  const { who, store, campaign, body } = await countyBodyScope(req, bulkReviewSchema);
  const c = campaign.id;
  const results: BulkReviewResult['results'] = [];
  // One at a time: a county's few dozen townships, and the audit log stays in the order asked.
  for (const item of body.items) {
    const tw = campaign.townships.find((t) => t.id === item.townshipId);
    const base = { townshipId: item.townshipId, townshipName: tw?.name ?? item.townshipId, version: item.version };
    if (!tw) {
      const e = makeIssue('TOWNSHIP_NOT_FOUND', { id: item.townshipId });
      results.push({ ...base, ok: false, state: null, error: { code: e.code, message: e.message } });
      continue;
    }
    const request = { action: 'accept' as const, version: item.version };
    const r = await applyReview(store, c, tw.id, request, { actor: actorOf(who) });
    const refused = reviewRefusal(r, tw.name, request);
    if (r.kind === 'done') results.push({ ...base, ok: true, state: r.state.state });
    else if (refused) {
      const state = r.kind === 'conflict' ? r.state : r.decision.refusal === 'notAllowed' ? r.decision.state : r.decision.refusal === 'nothing' ? 'missing' : null;
      results.push({ ...base, ok: false, state, error: { code: refused.issue.code, message: refused.issue.message } });
    }
  }
  const accepted = results.filter((x) => x.ok).length;
  const out: BulkReviewResult = { results, accepted, refused: results.length - accepted };
  return json(200, out);
});

export const registration = { name: 'reviewBulk', methods: ['POST' as const], authLevel: 'anonymous' as const, route: 'campaigns/{campaignId}/review', handler };
app.http(registration.name, registration);
