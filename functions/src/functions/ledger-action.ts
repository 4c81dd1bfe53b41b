import { app, type HttpRequest } from '@azure/functions';
import { idSchema, ledgerActionSchema, type LedgerActionRequest, type LedgerActionResult } from '../../../shared/api/contract';
import { LEDGER_ACTION_LABELS } from '../../../shared/api/zod-zh';
import type { LedgerAction } from '../../../shared/ledger/machine';
import { applyLedgerAction } from '../../../shared/ledger/machine';
import type { Actor } from '../../../shared/ledger/types';
import { authenticate } from '../auth/access';
import { loadCampaign, param, parseBody } from '../http/common';
import { ApiError, shownIssues } from '../http/errors';
import { endpoint, json } from '../http/handler';
import { ledgerRefusal } from '../ledger/refusal';
import { ensureLedger } from '../ledger/sync';
import { itemView } from '../ledger/views';
import { getItem, writeLedger } from '../storage/ledger-items';
import { retryOnConflict } from '../storage/retry';
import { campaignTownshipNames } from '../orgs/township-names';

function machineAction(a: LedgerActionRequest): LedgerAction {
  switch (a.action) {
    case 'request':
      return { kind: 'request', completedOn: a.completedOn, ...(a.progress !== undefined ? { progress: a.progress } : {}) };
    case 'confirm':
      return { kind: 'confirm', ...(a.comment !== undefined ? { comment: a.comment } : {}) };
    case 'reject':
    case 'reopen':
      return { kind: a.action, comment: a.comment ?? '' };
    case 'void':
      return { kind: 'void', ...(a.comment !== undefined ? { comment: a.comment } : {}) };
    case 'edit':
      return { kind: 'edit', fields: Object.fromEntries(Object.entries(a.fields).filter(([, v]) => v !== undefined)) };
  }
}

/**
 * POST /api/campaigns/{campaignId}/ledger/{itemId}: one step of an item — 申请销号 (the township,
 * with 完成情况 and date), 销号 / 退回 / 复号 / 撤销 (the county), or an edit (the township its own
 * fields while rectifying; the county any, 挂点领导 and 联络员 only it). The rules are the ledger's
 * state machine (shared/ledger/machine.ts); the item is written with its audit entry under its
 * ETag, so two steps racing on one item are decided one after the other, each on what it finds.
 */
export const handler = endpoint(async (req: HttpRequest) => {
  const who = await authenticate(req);
  const c = param(req, 'campaignId');
  const id = req.params.itemId ?? '';
  if (!idSchema.safeParse(id).success) throw new ApiError('LEDGER_ITEM_NOT_FOUND', { id });
  const body = await parseBody(req, ledgerActionSchema, LEDGER_ACTION_LABELS);
  const { store, campaign } = await loadCampaign(who, c);
  await ensureLedger(store, campaign);
  const actor: Actor = who.role === 'county' ? { role: 'county', label: who.label } : { role: 'township', townshipId: who.townshipId ?? '', label: who.label };
  const action = machineAction(body);
  const now = new Date();
  const r = await retryOnConflict(`ledger item ${id}`, async () => {
    const cur = await getItem(store, campaign.countyId, id);
    if (!cur) throw new ApiError('LEDGER_ITEM_NOT_FOUND', { id });
    const done = applyLedgerAction(cur.item, action, actor, { at: now.toISOString(), campaignId: c });
    if (!done.ok) throw ledgerRefusal(done.issues);
    if (done.event) await writeLedger(store, campaign.countyId, [done.item], [done.event], new Map([[id, cur.etag]]));
    return done;
  });
  const names = await campaignTownshipNames(store, campaign, [r.item.townshipId]);
  const answer: LedgerActionResult = { item: itemView(campaign, names, r.item, now.getTime()), changed: r.event !== null, warnings: shownIssues(r.issues) };
  return json(200, answer);
});

export const registration = {
  name: 'ledgerAction',
  methods: ['POST' as const],
  authLevel: 'anonymous' as const,
  route: 'campaigns/{campaignId}/ledger/{itemId}',
  handler,
};
app.http(registration.name, registration);
