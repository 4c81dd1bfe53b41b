// The page's only way to the county's server. Every JSON answer is parsed with the contract's
// zod schemas; every failure becomes an ApiError with a Chinese message a clerk can act on.
import { z } from 'zod';
import {
  accessListSchema,
  bulkReviewResultSchema,
  campaignDetailSchema,
  campaignListSchema,
  campaignSchema,
  completenessSchema,
  ledgerActionResultSchema,
  ledgerListSchema,
  lookbackSchema,
  meSchema,
  rosterParseSchema,
  rosterProposalSchema,
  routes,
  targetsSchema,
  townshipStatusSchema,
  versionDetailSchema,
  XLSX_MIME,
  type AccessList,
  type BulkReview,
  type BulkReviewResult,
  type Campaign,
  type CampaignDetail,
  type CampaignList,
  type Completeness,
  type CreateCampaign,
  type IssueAccess,
  type LedgerActionRequest,
  type LedgerActionResult,
  type LedgerList,
  type Lookback,
  type Me,
  type ReviewAction,
  type RosterParse,
  type RosterProposalData,
  type RosterReconcileRequest,
  type Targets,
  type TownshipStatus,
  type UpdateCampaign,
  type VersionDetail,
} from '../../../shared/api/contract';
import { checked, HttpClient, parseJson, type Downloaded } from './http';
import { sendWorkbook, type UploadOutcome, type UploadProgress } from './upload';

export { ApiError, apiBase, type Downloaded } from './http';

/** The completeness answer as the county table reads it (填报人, 电话 and counts by grade label included). */
export type CountyCompleteness = Completeness;

export type { UploadOutcome, UploadProgress } from './upload';

/** The county ledger's filters as the query string takes them (shared/api/ledger.ts ledgerQuerySchema). */
export interface LedgerFilterQuery {
  township?: string;
  status?: string[];
  overdue?: boolean;
}

/** What a 党组织名册 is checked against: a built-in standard, or an existing campaign's. */
export type RosterAgainst = { schemeId: string } | { campaign: string };

const okSchema = z.unknown();

export class ApiClient extends HttpClient {
  me(): Promise<Me> {
    return this.json(meSchema, routes.me());
  }

  /** The raw answer too: a server may add the campaign's scheme beside the contract's fields. */
  async campaign(c: string): Promise<{ campaign: Campaign; scheme: unknown }> {
    const res = await this.send(routes.campaign(c), { headers: { Accept: 'application/json' } });
    const body = parseJson(await res.text());
    const scheme = body && typeof body === 'object' ? (body as { scheme?: unknown }).scheme : undefined;
    return { campaign: checked(campaignSchema, body), scheme };
  }

  campaigns(): Promise<CampaignList> {
    return this.json(campaignListSchema, routes.campaigns());
  }

  /** With its roster and revision, for editing. */
  campaignDetail(c: string): Promise<CampaignDetail> {
    return this.json(campaignDetailSchema, routes.campaign(c));
  }

  createCampaign(body: CreateCampaign): Promise<CampaignDetail> {
    return this.sendJson(campaignDetailSchema, 'POST', routes.campaigns(), body);
  }

  updateCampaign(c: string, body: UpdateCampaign): Promise<CampaignDetail> {
    return this.sendJson(campaignDetailSchema, 'PUT', routes.campaign(c), body);
  }

  /** An .xlsx 名册 (bytes) or text pasted from Excel, read by the server with cell-level issues. */
  rosterParse(content: Uint8Array | string, against: RosterAgainst): Promise<RosterParse> {
    const q = 'schemeId' in against ? `schemeId=${encodeURIComponent(against.schemeId)}` : `campaign=${encodeURIComponent(against.campaign)}`;
    const text = typeof content === 'string';
    return this.json(rosterParseSchema, `${routes.rosterParse()}?${q}`, {
      method: 'POST',
      headers: { 'Content-Type': text ? 'text/plain; charset=utf-8' : XLSX_MIME },
      body: text ? content : new Blob([content as BlobPart], { type: XLSX_MIME }),
    });
  }

  /** The campaign about to be created, against its predecessor's organizations: what to confirm. */
  rosterReconcile(body: RosterReconcileRequest): Promise<RosterProposalData> {
    return this.sendJson(rosterProposalSchema, 'POST', routes.rosterReconcile(), body);
  }

  rosterTemplate(): Promise<Downloaded> {
    return this.bytes(routes.rosterTemplate());
  }

  access(c: string, page: string): Promise<AccessList> {
    return this.json(accessListSchema, `${routes.access(c)}?page=${encodeURIComponent(page)}`);
  }

  issueAccess(c: string, body: IssueAccess): Promise<AccessList> {
    return this.sendJson(accessListSchema, 'POST', routes.access(c), body);
  }

  revokeAccess(c: string, townships: string[], page: string): Promise<AccessList> {
    return this.sendJson(accessListSchema, 'POST', routes.accessRevoke(c), { townships, page });
  }

  /** The 派发表, its links opening `page`. */
  accessSheet(c: string, page: string): Promise<Downloaded> {
    return this.bytes(`${routes.accessSheet(c)}?page=${encodeURIComponent(page)}`);
  }

  template(c: string, t: string): Promise<Downloaded> {
    return this.bytes(routes.template(c, t));
  }

  consolidated(c: string): Promise<Downloaded> {
    return this.bytes(routes.consolidated(c));
  }

  status(c: string, t: string): Promise<TownshipStatus> {
    return this.json(townshipStatusSchema, routes.submissions(c, t));
  }

  version(c: string, t: string, v: number): Promise<VersionDetail> {
    return this.json(versionDetailSchema, routes.version(c, t, v));
  }

  /** The workbook exactly as the township uploaded it. */
  versionFile(c: string, t: string, v: number): Promise<Downloaded> {
    return this.bytes(routes.versionFile(c, t, v));
  }

  completeness(c: string): Promise<CountyCompleteness> {
    return this.json(completenessSchema, routes.completeness(c));
  }

  async review(c: string, t: string, action: ReviewAction): Promise<void> {
    await this.sendJson(okSchema, 'POST', routes.review(c, t), action);
  }

  bulkReview(c: string, body: BulkReview): Promise<BulkReviewResult> {
    return this.sendJson(bulkReviewResultSchema, 'POST', routes.bulkReview(c), body);
  }

  /** The workbook to the township's submissions (upload.ts: progress, a stall's end, a 422 as issues). */
  upload(c: string, t: string, bytes: Uint8Array, onProgress: (p: UploadProgress) => void = () => {}): Promise<UploadOutcome> {
    return sendWorkbook(this.base + routes.submissions(c, t), this.headers({ 'Content-Type': XLSX_MIME, Accept: 'application/json' }), bytes, onProgress);
  }

  /** The county's 整改台账 (every township), filtered by the server as the query asks. */
  ledger(c: string, q: LedgerFilterQuery = {}): Promise<LedgerList> {
    const p = new URLSearchParams();
    if (q.township) p.set('township', q.township);
    if (q.status?.length) p.set('status', q.status.join(','));
    if (q.overdue) p.set('overdue', '1');
    const qs = p.toString();
    return this.json(ledgerListSchema, `${routes.ledger(c)}${qs ? `?${qs}` : ''}`);
  }

  townshipLedger(c: string, t: string): Promise<LedgerList> {
    return this.json(ledgerListSchema, routes.townshipLedger(c, t));
  }

  /** One step of an item's life: 申请销号, 销号, 退回, 复号. */
  ledgerAction(c: string, itemId: string, body: LedgerActionRequest): Promise<LedgerActionResult> {
    return this.sendJson(ledgerActionResultSchema, 'POST', routes.ledgerItem(c, encodeURIComponent(itemId)), body);
  }

  targets(c: string): Promise<Targets> {
    return this.json(targetsSchema, routes.targets(c));
  }

  lookback(c: string): Promise<Lookback> {
    return this.json(lookbackSchema, routes.lookback(c));
  }
}
