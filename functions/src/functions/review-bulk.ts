import { app, type HttpRequest } from '@azure/functions';
import { makeIssue } from '../../../shared';
import { bulkReviewSchema, type BulkReviewResult } from '../../../shared/api/contract';
import { actorOf } from '../http/common';
import { endpoint, json } from '../http/handler';
import { countyBodyScope } from '../http/scope';
import { reviewRefusal } from '../http/review-refusal';
import { applyReviews, type ReviewItem } from '../storage/bulk-review';
import type { ReviewOutcome } from '../storage/commands';

/**
 * POST /api/campaigns/{campaignId}/review (county): accept every township listed, each at the
 * version the county saw. Each township is answered on its own: one that has sent a newer
 * version, or was returned or accepted meanwhile, gets its 409 message in `results`; the others
 * are accepted. The request as a whole succeeds (200) when it was understood.
 * 2,000 townships at most (the schema), read in one query and written in transactions of 50.
 */
export const handler = endpoint(async (req: HttpRequest) => {
  const { who, store, campaign, body } = await countyBodyScope(req, bulkReviewSchema);
  const c = campaign.id;
  const names = new Map(campaign.townships.map((t) => [t.id, t.name]));
  const known = body.items.filter((item) => names.has(item.townshipId));
  const reviews = known.map((item): ReviewItem => ({ townshipId: item.townshipId, request: { action: 'accept', version: item.version } }));
  // Pointers read in one query, written 50 townships to a transaction; the audit log keeps the order asked.
  const outcomes = await applyReviews(store, c, reviews, { actor: actorOf(who) });
  const answered = new Map(known.map((item, i) => [item, { outcome: outcomes[i] as ReviewOutcome, request: (reviews[i] as ReviewItem).request }]));
  const results: BulkReviewResult['results'] = body.items.map((item) => {
    const name = names.get(item.townshipId);
    const base = { townshipId: item.townshipId, townshipName: name ?? item.townshipId, version: item.version };
    const a = answered.get(item);
    if (name === undefined || !a) {
      const e = makeIssue('TOWNSHIP_NOT_FOUND', { id: item.townshipId });
      return { ...base, ok: false, state: null, error: { code: e.code, message: e.message } };
    }
    const r = a.outcome;
    if (r.kind === 'done') return { ...base, ok: true, state: r.state.state };
    const refused = reviewRefusal(r, name, a.request);
    const state = r.kind === 'conflict' ? r.state : r.decision.refusal === 'notAllowed' ? r.decision.state : r.decision.refusal === 'nothing' ? 'missing' : null;
    return { ...base, ok: false, state, error: { code: refused.issue.code, message: refused.issue.message } };
  });
  const accepted = results.filter((x) => x.ok).length;
  const out: BulkReviewResult = { results, accepted, refused: results.length - accepted };
  return json(200, out);
});

export const registration = { name: 'reviewBulk', methods: ['POST' as const], authLevel: 'anonymous' as const, route: 'campaigns/{campaignId}/review', handler };
app.http(registration.name, registration);
