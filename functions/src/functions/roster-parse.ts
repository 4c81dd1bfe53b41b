import { app, type HttpRequest } from '@azure/functions';
import { defaultScheme, yichunScheme, type Scheme } from '../../../shared';
import { rosterParseQuerySchema, type BuiltInSchemeId, type RosterParse } from '../../../shared/api/contract';
import { issueTotals } from '../../../shared/issues/cap';
import { readRosterText } from '../../../shared/roster/paste';
import type { RosterOptions, RosterRead } from '../../../shared/roster/sheet';
import { authenticate, requireCounty, type Caller } from '../auth/access';
import { settings } from '../config';
import { loadCampaign } from '../http/common';
import { ApiError, shownIssues } from '../http/errors';
import { readUploadBody } from '../http/body';
import { endpoint, json } from '../http/handler';
import { parseQuery } from '../http/query';
import { readRosterBytes } from '../sheets/roster-read';

const BUILT_IN: Readonly<Record<BuiltInSchemeId, Scheme>> = { default6: defaultScheme, yichun5: yichunScheme };

/**
 * Checked against a campaign (its standard and townships) when `campaign` is given, else a built-in
 * standard. The query goes through its schema: ?schemeId=__proto__ found Object.prototype in a plain
 * lookup and the read failed with a 500.
 */
async function against(who: Caller, req: HttpRequest): Promise<{ scheme: Scheme; opts: RosterOptions }> {
  const q = parseQuery(req, rosterParseQuerySchema);
  if (q.campaign) {
    const { campaign } = await loadCampaign(who, q.campaign);
    return { scheme: campaign.scheme, opts: { townships: campaign.townships.map((t) => t.name) } };
  }
  return { scheme: BUILT_IN[q.schemeId ?? 'default6'], opts: {} };
}

/** Pasted text must be UTF-8: a broken byte would become U+FFFD in a name the campaign then stores. */
function pastedText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ApiError('REQUEST_BODY_INVALID', { detail: '粘贴的名册不是 UTF-8 文字，请从 Excel 或 WPS 中重新复制粘贴' });
  }
}

/**
 * POST /api/roster/parse[?schemeId=yichun5|?campaign=c] (county): a 党组织名册 as an .xlsx body, or
 * as text pasted from Excel (Content-Type text/plain) → its entries and cell-level issues. 422 when
 * nothing could be read (not a workbook, no header).
 */
export const handler = endpoint(async (req: HttpRequest) => {
  const who = await authenticate(req);
  requireCounty(who);
  const { scheme, opts } = await against(who, req);
  const limit = settings().maxUploadBytes;
  const bytes = await readUploadBody(req, limit);
  const isText = /^text\/plain/i.test(req.headers.get('content-type') ?? '');
  const read: RosterRead = isText ? readRosterText(pastedText(bytes), scheme, opts) : await readRosterBytes(bytes, scheme, { ...opts, maxBytes: limit, readLimits: settings().readLimits, sender: `county:${who.countyId}` });
  // The true count: the list shows the first issues and one with the count of the rest.
  const errors = issueTotals(read.issues).error;
  const issues = shownIssues(read.issues);
  if (read.entries.length === 0 && errors > 0) throw new ApiError('ROSTER_REFUSED', { errors }, read.issues);
  const body: RosterParse = { entries: read.entries, townships: read.townships, issues, ok: errors === 0 };
  return json(200, body);
});

export const registration = { name: 'rosterParse', methods: ['POST' as const], authLevel: 'anonymous' as const, route: 'roster/parse', handler };
app.http(registration.name, registration);
