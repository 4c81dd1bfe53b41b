import { app, type HttpRequest } from '@azure/functions';
import { XLSX_MIME } from '../../../shared/api/contract';
import { dispatchFileName } from '../../../shared/consolidate/titles';
import { countyDepartment } from '../auth/access';
import { accessList } from '../auth/invitations';
import { pageFor } from '../auth/links';
import { attachment } from '../http/common';
import { endpoint } from '../http/handler';
import { countyScope } from '../http/scope';
import { dispatchSheet } from '../sheets/dispatch';

/** GET /api/campaigns/{campaignId}/access/sheet?page=… (county): the 派发表 (.xlsx): township, link, expiry, to print and hand out. */
export const handler = endpoint(async (req: HttpRequest) => {
  const { store, campaign } = await countyScope(req);
  const access = await accessList(req, store, campaign, pageFor(req, req.query.get('page') ?? undefined));
  const bytes = await dispatchSheet({ county: campaign.county, department: countyDepartment(campaign.county), year: campaign.year, kind: campaign.kind, deadline: campaign.deadline, access, now: Date.now() });
  return {
    status: 200,
    body: bytes,
    headers: { 'Content-Type': XLSX_MIME, 'Content-Disposition': attachment(dispatchFileName(campaign)), 'Cache-Control': 'no-store' },
  };
});

export const registration = { name: 'accessSheet', methods: ['GET' as const], authLevel: 'anonymous' as const, route: 'campaigns/{campaignId}/access/sheet', handler };
app.http(registration.name, registration);
