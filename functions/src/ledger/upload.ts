// What an upload means for the year after, in the two places ingest calls: before it is stored
// (rows not on the township's roster, ledger lines the ledger cannot take: the upload is refused
// with their cells, nothing stored) and after (the ledger synced; the receipt says what that did,
// or that it will follow). Kept apart from ingest.ts so the upload flow stays as it is.
import { makeIssue } from '../../../shared/issues/catalogue';
import type { Issue } from '../../../shared/issues/types';
import type { OrgIdentity } from '../../../shared/roster/identity';
import type { Submission } from '../../../shared/submission/types';
import { orgKey } from '../../../shared/text/normalize';
import type { StoredCampaign } from '../storage/campaigns';
import type { StoredItem } from '../storage/ledger-items';
import type { Store } from '../storage/store';
import { townshipLookbackIssues } from '../results/lookback';
import { syncTownshipLedger, uploadLedgerChanges, type KnownVersion } from './sync';

/** What the ledger finds in an upload before it is stored: errors to refuse it with, and the county's items it read (for the sync after). */
export interface LedgerCheck {
  errors: Issue[];
  items?: readonly StoredItem[];
  /** The campaign's organizations, when the township's uploads keep a ledger (it has a roster). */
  identities?: readonly OrgIdentity[];
}

export async function ledgerRefusals(store: Store, campaign: StoredCampaign, t: string, sub: Submission): Promise<LedgerCheck> {
  const r = await uploadLedgerChanges(store, campaign, t, sub, new Date().toISOString());
  return r ? { errors: r.changes.issues.filter((i) => i.severity === 'error'), items: r.items, identities: r.identities } : { errors: [] };
}

/**
 * After the upload is stored: the ledger synced, and what the receipt adds — the sync's issues
 * (for a 回头看, its flags too), or a note that the ledger will follow when the sync could not run.
 * Never throws: the upload is stored, and its answer must say so.
 */
export async function ledgerAfterUpload(store: Store, campaign: StoredCampaign, t: string, known?: KnownVersion): Promise<Issue[]> {
  try {
    const { issues, items } = await syncTownshipLedger(store, campaign, t, known);
    return campaign.kind === 'lookback' ? [...issues, ...(await townshipLookbackIssues(store, campaign, t, items))] : issues;
  } catch (e) {
    // Logged for the operator; the township is told the ledger follows on the next look.
    console.warn(`ledger sync of ${campaign.id}/${t} deferred:`, e);
    return [makeIssue('LEDGER_SYNC_PENDING')];
  }
}

/** Ledger issues that give an organization without a line in the sheet an item to work on. */
const GIVES_ITEM: ReadonlySet<string> = new Set(['LEDGER_ITEM_MISSING', 'LEDGER_REOPENED_POOR']);

/**
 * The receipt's warnings: the reader's, then the ledger's. Where the ledger opened a blank item for
 * an organization without a line (LEDGER_ITEM_MISSING), or reopened its 销号 item (复号, which the
 * sheet could not list: it was closed when the template was made), the reader's RECT_MISSING for it
 * says less, or the opposite (“整改台账中没有该党组织的整改事项” beside 已复号): only the ledger's stays.
 */
export function withLedgerIssues(warnings: readonly Issue[], ledger: readonly Issue[]): Issue[] {
  const opened = new Set(ledger.filter((i) => GIVES_ITEM.has(i.code)).map((i) => orgKey(String(i.params?.name ?? ''))));
  const kept = warnings.filter((w) => !(w.code === 'RECT_MISSING' && w.org !== undefined && opened.has(orgKey(w.org))));
  return [...kept, ...ledger];
}
