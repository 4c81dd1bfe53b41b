import { app, type HttpRequest } from '@azure/functions';
import { workbookFileKind } from '../../../shared/xlsx/file-kind';
import { attachment } from '../http/common';
import { endpoint } from '../http/handler';
import { versionScope } from '../http/scope';
import { readRawUpload } from '../storage/raw-upload';

/** GET …/townships/{t}/versions/{v}/file (the county, or the township itself): the workbook exactly as uploaded, under its own extension (.xlsm, .xltx…). */
export const handler = endpoint(async (req: HttpRequest) => {
  const { store, campaign, township: tw, version: rec } = await versionScope(req);
  const v = rec.version;
  const bytes = await readRawUpload(store, campaign.id, tw.id, rec.contentHash);
  if (!bytes) throw new Error(`raw upload of ${campaign.id}/${tw.id} v${v} is missing`);
  const kind = await workbookFileKind(bytes);
  return {
    status: 200,
    body: new Uint8Array(bytes),
    headers: { 'Content-Type': kind.mime, 'Content-Disposition': attachment(`${campaign.year}年度${tw.name}分类定级情况一览表（第${v}版）.${kind.extension}`) },
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
