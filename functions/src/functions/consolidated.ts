import { app, type HttpRequest } from '@azure/functions';
import { XLSX_MIME } from '../../../shared/api/contract';
import { consolidatedFileName } from '../../../shared/consolidate/titles';
import { writeConsolidated } from '../consolidate/write-workbook';
import { attachment } from '../http/common';
import { endpoint } from '../http/handler';
import { countyScope } from '../http/scope';

/** GET /api/campaigns/{campaignId}/consolidated (county): the county workbook from stored submissions. */
export const handler = endpoint(async (req: HttpRequest) => {
  const { store, campaign } = await countyScope(req);
  const { bytes } = await writeConsolidated(store, campaign);
  return {
    status: 200,
    body: bytes,
    headers: { 'Content-Type': XLSX_MIME, 'Content-Disposition': attachment(consolidatedFileName(campaign)) },
  };
});

export const registration = { name: 'consolidated', methods: ['GET' as const], authLevel: 'anonymous' as const, route: 'campaigns/{campaignId}/consolidated', handler };
app.http(registration.name, registration);
