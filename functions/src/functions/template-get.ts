import { app, type HttpRequest } from '@azure/functions';
import { XLSX_MIME } from '../../../shared/api/contract';
import { kindName } from '../../../shared/consolidate/titles';
import { SPARE_TEMPLATE_ROWS } from '../../../shared/template/definition';
import { fillTemplate } from '../../../shared/template/fill';
import { generateTemplate } from '../../../shared/template/generate';
import { attachment } from '../http/common';
import { endpoint } from '../http/handler';
import { townshipScope } from '../http/scope';
import { templateExtras } from '../ledger/template';

/**
 * GET …/townships/{townshipId}/template: the township's blank workbook, roster pre-filled, with its
 * open rectification items in 整改台账 (and, for a 回头看, the original grading's rows).
 */
export const handler = endpoint(async (req: HttpRequest) => {
  const { store, campaign, township: tw } = await townshipScope(req);
  const c = campaign.id;
  const t = tw.id;
  const roster = campaign.roster[t];
  // The year after: open ledger items in 整改台账; a 回头看's original rows in the 一览表.
  const extra = await templateExtras(store, campaign, t);
  const opts = { scheme: campaign.scheme, year: campaign.year, county: campaign.county, campaignId: c, township: tw, ledger: extra.ledger, kind: campaign.kind };
  const bytes = extra.original
    ? await fillTemplate(await generateTemplate({ ...opts, rows: extra.original.length + SPARE_TEMPLATE_ROWS }), { scheme: campaign.scheme, orgs: extra.original, info: { township: tw.name } })
    : await generateTemplate({ ...opts, ...(roster ? { roster } : {}) });
  return {
    status: 200,
    body: bytes,
    // A 回头看's file and titles name the 回头看: it is filed beside the grading's.
    headers: { 'Content-Type': XLSX_MIME, 'Content-Disposition': attachment(`${campaign.year}年度${tw.name}${kindName('分类定级情况一览表', campaign.kind)}.xlsx`) },
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
