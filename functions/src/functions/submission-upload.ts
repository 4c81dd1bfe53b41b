import { app, type HttpRequest } from '@azure/functions';
import { authenticate, requireTownship } from '../auth/access';
import { settings } from '../config';
import { readUploadBody } from '../http/body';
import { actorOf, loadCampaign, param } from '../http/common';
import { endpoint, json } from '../http/handler';
import { ingest } from '../upload/ingest';

/** How long a body may take to arrive before its credential is read again. */
export const RECHECK_AFTER_MS = 1000;

/** POST …/townships/{townshipId}/submissions: the raw .xlsx body → 201 receipt, 200 duplicate, 422 issues. */
export const handler = endpoint(async (req: HttpRequest) => {
  // The credential and the route first: a stranger's 20 MB is refused before a byte of it is read.
  const who = await authenticate(req);
  const c = param(req, 'campaignId');
  const t = param(req, 'townshipId');
  requireTownship(who, c, t);
  const { maxUploadBytes: limit, readLimits } = settings();
  const { store, campaign } = await loadCampaign(who, c);
  const started = Date.now();
  const bytes = await readUploadBody(req, limit);
  // A body can take minutes to arrive; a link the county revoked (or that expired) meanwhile has
  // "stopped working at once" for the county, so the upload is refused as the link is, and nothing
  // is stored. A body in within RECHECK_AFTER_MS is not read again: a revocation in that moment is
  // one just after the upload, and the second read would be a fifth storage call on every upload.
  if (Date.now() - started >= RECHECK_AFTER_MS) await authenticate(req);
  const r = await ingest(store, { campaign, townshipId: t, bytes, actor: actorOf(who), maxBytes: limit, readLimits });
  return json(r.status, r.receipt);
});

export const registration = {
  name: 'submissionUpload',
  methods: ['POST' as const],
  authLevel: 'anonymous' as const,
  route: 'campaigns/{campaignId}/townships/{townshipId}/submissions',
  handler,
};
app.http(registration.name, registration);
