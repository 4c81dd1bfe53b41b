import { app, type HttpRequest } from '@azure/functions';
import { makeIssue, STATE_TEXT } from '../../../shared';
import { bulkReviewSchema, type BulkReviewResult } from '../../../shared/api/contract';
import { authenticate, requireCounty } from '../auth/access';
import { actorOf, loadCampaign, param, parseBody } from '../http/common';
import { endpoint, json } from '../http/handler';
import { review } from '../storage/ledger';

/**
 * POST /api/campaigns/{campaignId}/review (county): accept every township listed, each at the
 * version the county saw. Each township is answered on its own: one that has sent a newer
 * version, or was returned or accepted meanwhile, gets its 409 message in `results`; the others
 * are accepted. The request as a whole succeeds (200) when it was understood.
 */
export const handler = endpoint(async (req: HttpRequest) => {
  const who = await authenticate(req);
  requireCounty(who);
  const c = param(req, 'campaignId');
  const body = await parseBody(req, bulkReviewSchema);
  const { store, campaign } = await loadCampaign(who, c);
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
    const r = await review(store, c, tw.id, 'accept', { version: item.version, actor: actorOf(who) });
    const refused = (e: ReturnType<typeof makeIssue>, state: BulkReviewResult['results'][number]['state']) => results.push({ ...base, ok: false, state, error: { code: e.code, message: e.message } });
    switch (r.kind) {
      case 'done':
        results.push({ ...base, ok: true, state: r.state.state });
        break;
      case 'missing':
        refused(makeIssue('REVIEW_NOTHING', { township: tw.name }), 'missing');
        break;
      case 'stale':
        refused(makeIssue('REVIEW_STALE', { seen: item.version, current: r.current }), null);
        break;
      case 'notAllowed':
        refused(makeIssue('REVIEW_NOT_ALLOWED', { state: STATE_TEXT[r.state], action: '审核通过' }), r.state);
        break;
    }
  }
  const accepted = results.filter((x) => x.ok).length;
  const out: BulkReviewResult = { results, accepted, refused: results.length - accepted };
  return json(200, out);
});

export const registration = { name: 'reviewBulk', methods: ['POST' as const], authLevel: 'anonymous' as const, route: 'campaigns/{campaignId}/review', handler };
app.http(registration.name, registration);
