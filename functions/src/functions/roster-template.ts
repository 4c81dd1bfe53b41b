import { app, type HttpRequest } from '@azure/functions';
import { defaultScheme, yichunScheme } from '../../../shared';
import { XLSX_MIME } from '../../../shared/api/contract';
import { authenticate, requireCounty } from '../auth/access';
import { attachment } from '../http/common';
import { endpoint } from '../http/handler';
import { getCounty } from '../storage/credentials';
import { getStore } from '../storage/ledger';
import { rosterTemplate } from '../sheets/roster-template';

/** GET /api/roster/template[?schemeId=yichun5] (county): a blank 党组织名册 to fill, with the standard's categories. */
export const handler = endpoint(async (req: HttpRequest) => {
  const who = await authenticate(req);
  requireCounty(who);
  const scheme = req.query.get('schemeId') === 'yichun5' ? yichunScheme : defaultScheme;
  const county = await getCounty(await getStore(), who.countyId);
  const bytes = await rosterTemplate(scheme, county?.name ?? '');
  return { status: 200, body: bytes, headers: { 'Content-Type': XLSX_MIME, 'Content-Disposition': attachment(`${county?.name ?? ''}党组织名册（模板）.xlsx`) } };
});

export const registration = { name: 'rosterTemplate', methods: ['GET' as const], authLevel: 'anonymous' as const, route: 'roster/template', handler };
app.http(registration.name, registration);
