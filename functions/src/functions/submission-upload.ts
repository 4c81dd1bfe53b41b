import { app, type HttpRequest } from '@azure/functions';
import { authenticate, requireTownship } from '../auth/access';
import { settings } from '../config';
import { actorOf, loadCampaign, param } from '../http/common';
import { ApiError } from '../http/errors';
import { endpoint, json } from '../http/handler';
import { ingest } from '../upload/ingest';

function mb(n: number): string {
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

/** POST …/townships/{townshipId}/submissions: the raw .xlsx body → 201 receipt, 200 duplicate, 422 issues. */
export const handler = endpoint(async (req: HttpRequest) => {
  const who = await authenticate(req);
  const c = param(req, 'campaignId');
  const t = param(req, 'townshipId');
  requireTownship(who, c, t);
  const { maxUploadBytes: limit, readLimits } = settings();
  // Refuse by the declared length before reading a byte of an oversized body.
  const declared = Number(req.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > limit) throw new ApiError('UPLOAD_TOO_LARGE', { size: mb(declared), limit: mb(limit) });
  const { store, campaign } = await loadCampaign(who, c);
  const bytes = new Uint8Array(await req.arrayBuffer());
  if (bytes.length > limit) throw new ApiError('UPLOAD_TOO_LARGE', { size: mb(bytes.length), limit: mb(limit) });
  if (bytes.length === 0) throw new ApiError('UPLOAD_EMPTY');
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
