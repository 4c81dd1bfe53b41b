import { app, type HttpRequest } from '@azure/functions';
import { XLSX_MIME } from '../../../shared/api/contract';
import { authenticate, requireTownshipOrCounty } from '../auth/access';
import { attachment, loadCampaign, param, township, versionParam } from '../http/common';
import { ApiError } from '../http/errors';
import { endpoint } from '../http/handler';
import { listVersions, rawBlobName } from '../storage/ledger';

/** GET …/townships/{t}/versions/{v}/file (the county, or the township itself): the workbook exactly as uploaded. */
export const handler = endpoint(async (req: HttpRequest) => {
  const who = await authenticate(req);
  const c = param(req, 'campaignId');
  const t = param(req, 'townshipId');
  requireTownshipOrCounty(who, c, t);
  const { store, campaign } = await loadCampaign(who, c);
  const tw = township(campaign, t);
  const v = versionParam(req, tw.name);
  const rec = (await listVersions(store, c, t)).find((x) => x.version === v);
  if (!rec) throw new ApiError('VERSION_NOT_FOUND', { township: tw.name, version: v });
  const bytes = await store.getBlob(rawBlobName(c, t, rec.contentHash));
  if (!bytes) throw new Error(`raw upload of ${c}/${t} v${v} is missing`);
  return {
    status: 200,
    body: new Uint8Array(bytes),
    headers: { 'Content-Type': XLSX_MIME, 'Content-Disposition': attachment(`${campaign.year}年度${tw.name}分类定级情况一览表（第${v}版）.xlsx`) },
  };
});

export const registration = {
  name: 'versionFile',
  methods: ['GET' as const],
  authLevel: 'anonymous' as const,
  route: 'campaigns/{campaignId}/townships/{townshipId}/versions/{version}/file',
  handler,
};
app.http(registration.name, registration);
