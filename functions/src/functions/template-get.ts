import { app, type HttpRequest } from '@azure/functions';
import { XLSX_MIME } from '../../../shared/api/contract';
import { generateTemplate } from '../../../shared/template/generate';
import { authenticate, requireTownshipOrCounty } from '../auth/access';
import { attachment, loadCampaign, param, township } from '../http/common';
import { endpoint } from '../http/handler';

/** GET …/townships/{townshipId}/template: the township's blank workbook, roster pre-filled. */
export const handler = endpoint(async (req: HttpRequest) => {
  const who = await authenticate(req);
  const c = param(req, 'campaignId');
  const t = param(req, 'townshipId');
  requireTownshipOrCounty(who, c, t);
  const { campaign } = await loadCampaign(who, c);
  const tw = township(campaign, t);
  const roster = campaign.roster[t];
  const bytes = await generateTemplate({ scheme: campaign.scheme, year: campaign.year, county: campaign.county, campaignId: c, township: tw, ...(roster ? { roster } : {}) });
  return {
    status: 200,
    body: bytes,
    headers: { 'Content-Type': XLSX_MIME, 'Content-Disposition': attachment(`${campaign.year}年度${tw.name}分类定级情况一览表.xlsx`) },
  };
});

export const registration = {
  name: 'templateGet',
  methods: ['GET' as const],
  authLevel: 'anonymous' as const,
  route: 'campaigns/{campaignId}/townships/{townshipId}/template',
  handler,
};
app.http(registration.name, registration);
