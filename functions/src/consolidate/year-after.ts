// The year after's sheets of the county workbook (shared/consolidate/year-after.ts), after the
// other forms: 整改台账（销号情况） when the county's ledger has items for the campaign, 晋位升级情况
// and 未晋位升级名单 for a grading with a predecessor, 回头看调整情况 for a 回头看. A campaign
// without organizations (no roster) has none of them. The ledger is synced first, so the sheets
// show every stored upload.
import {
  YEAR_AFTER_SHEETS,
  ledgerStatusForm,
  ledgerStatusRow,
  lookbackForm,
  lookbackRows,
  notMovedForm,
  notMovedRows,
  targetRows,
  targetsForm,
  townshipName,
  writePrintedSheet,
  addPrintedSheet,
  type FormContext,
  type SheetBook,
} from '../../../shared';
import { ledgerOrder } from '../ledger/views';
import { ensureLedger } from '../ledger/sync';
import { campaignLedgerItems } from '../ledger/scope';
import { campaignTownshipNames } from '../orgs/township-names';
import { campaignLookback } from '../results/lookback';
import { campaignTargets } from '../results/targets';
import type { StoredCampaign } from '../storage/campaigns';
import type { CampaignDoc } from '../storage/ledger';
import type { Store } from '../storage/store';

/** A campaign read from its county's list has the year after's fields; an old first-revision document may not. */
function stored(c: CampaignDoc): c is StoredCampaign {
  return typeof (c as Partial<StoredCampaign>).countyId === 'string';
}

export async function writeYearAfterSheets(wb: SheetBook, store: Store, doc: CampaignDoc, ctx: FormContext, now: number): Promise<string[]> {
  if (!stored(doc) || !doc.orgs) return [];
  const campaign = doc;
  const s = campaign.scheme;
  const written: string[] = [];
  await ensureLedger(store, campaign);

  const items = ledgerOrder(campaign, await campaignLedgerItems(store, campaign));
  const names = await campaignTownshipNames(store, campaign, new Set(items.map((i) => i.townshipId)));
  if (items.length) {
    writePrintedSheet(wb, ledgerStatusForm(ctx, items, now), items.map((i, n) => ledgerStatusRow(s, n + 1, townshipName(names, i.townshipId), i, now)));
    written.push(YEAR_AFTER_SHEETS.ledger);
  }

  if (campaign.kind !== 'lookback' && campaign.previousId) {
    const t = await campaignTargets(store, campaign);
    const sheet = addPrintedSheet(wb, targetsForm(ctx, t.previous.year, t.lookbackId !== null));
    const rows = targetRows(t.report);
    // The county's rows first: last, they could print alone under the repeated header (write-workbook.ts).
    for (const r of rows.county) sheet.row(r, 'total');
    for (const r of rows.townships) sheet.row(r);
    sheet.end();
    const allNames = { ...Object.fromEntries(t.previous.townships.map((x) => [x.id, x.name])), ...names };
    writePrintedSheet(wb, notMovedForm(ctx), notMovedRows(s, t.report, allNames), '上一年度“较差”“一般”等次的党组织均已晋位升级。');
    written.push(YEAR_AFTER_SHEETS.targets, YEAR_AFTER_SHEETS.notMoved);
  }

  if (campaign.kind === 'lookback') {
    const lb = await campaignLookback(store, campaign);
    writePrintedSheet(wb, lookbackForm(ctx, lb.reviewed.year), lookbackRows(s, lb.result, names), '尚无乡镇（街道）上报回头看结果。');
    written.push(YEAR_AFTER_SHEETS.lookback);
  }
  return written;
}
