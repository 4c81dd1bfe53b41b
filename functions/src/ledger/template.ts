// A township's template in the year after: 整改台账 pre-filled with its open items (each line
// with its 台账编号, so the sheet coming back updates that item), and for a 回头看 the 一览表
// pre-filled with the reviewed grading's rows (the original grades, to be changed where the
// regrade changes them).
import { isIncluded } from '../../../shared/consolidate/summary';
import type { RectPrefill } from '../../../shared/template/rect-sheet';
import { ledgerPrefill, lookbackPrefill } from '../../../shared/template/prefill';
import type { FillOrg } from '../../../shared/template/fill';
import { getCountyCampaign, type StoredCampaign } from '../storage/campaigns';
import { listItems } from '../storage/ledger-items';
import { getOrgs } from '../storage/orgs';
import { getState } from '../storage/queries';
import type { Store } from '../storage/store';
import { readStoredSubmission } from '../storage/submission-blobs';
import { ensureLedger } from './sync';
import { ledgerOrder } from './views';

export interface TemplateExtras {
  ledger: RectPrefill[];
  /** A 回头看's original rows (null: none to pre-fill). */
  original: FillOrg[] | null;
}

export async function templateExtras(store: Store, campaign: StoredCampaign, t: string): Promise<TemplateExtras> {
  if (!campaign.orgs) return { ledger: [], original: null };
  await ensureLedger(store, campaign);
  // The items of the township's organizations as this campaign knows them (another campaign of the
  // county with its own roster has other organizations, whatever their townships are called).
  const mine = new Set((await getOrgs(store, campaign.orgs.blob)).identities.filter((o) => o.status === 'active' && o.townshipId === t).map((o) => o.id));
  const items = (await listItems(store, campaign.countyId)).map((s) => s.item).filter((i) => mine.has(i.orgId));
  const ledger = ledgerPrefill(campaign.scheme, ledgerOrder(campaign, items));
  return { ledger, original: campaign.kind === 'lookback' ? await originalRows(store, campaign, t) : null };
}

async function originalRows(store: Store, campaign: StoredCampaign, t: string): Promise<FillOrg[] | null> {
  if (!campaign.reviewsId) return null;
  const reviewed = await getCountyCampaign(store, campaign.countyId, campaign.reviewsId);
  const state = reviewed ? await getState(store, reviewed.campaign.id, t) : null;
  if (!reviewed || !state || !isIncluded(state.state)) return null;
  const stored = await readStoredSubmission(store, reviewed.campaign.id, t, state.currentHash);
  if (!stored) throw new Error(`stored submission ${reviewed.campaign.id}/${t}/${state.currentHash} is missing`);
  return lookbackPrefill(campaign.scheme, stored.submission.orgs);
}
