// The consolidated county workbook, written with the lean .xlsx writer (shared/print/lean, zipped
// by ../xlsx-out) from stored normalized submissions (never the raw files), every sheet by the one
// print standard (shared/print) from the forms in shared/consolidate. The summary comes from the
// tallies kept at upload; the detail rows stream one submission at a time, each row deflated as it
// is committed, so memory holds one township's rows, the (smaller) lists gathered on the way, the
// shared-string table and the compressed output. The output is collected before answering so a
// storage fault mid-way is a clean 500, not a truncated file.
import {
  DuplicateFinder,
  addPrintedSheet,
  beijingText,
  detailForm,
  detailRow,
  duplicateRow,
  duplicatesForm,
  goodListForm,
  isIncluded,
  ledgerForm,
  ledgerRows,
  poorDetailForm,
  poorListForm,
  quotaForm,
  quotaRow,
  safeText,
  statusForm,
  statusRow,
  summarizeCounty,
  summaryForm,
  summaryRow,
  writePrintedSheet,
  type CountySummary,
  type FormContext,
  type LedgerRows,
  type OutCell,
  type SheetBook,
} from '../../../shared';
import type { CampaignDoc } from '../storage/ledger';
import { readStoredSubmission } from '../storage/submission-blobs';
import { ordered } from './ordered';
import { leanWorkbook } from '../xlsx-out/workbook';
import { townshipInputs } from './townships';
import { writeYearAfterSheets } from './year-after';
import type { Store } from '../storage/store';
import { rosterSpelling } from '../orgs/roster-spelling';

export interface ConsolidateStats {
  townships: number;
  included: number;
  orgs: number;
  duplicates: number;
  bytes: number;
}

/**
 * A total row goes first, under its header, as in statistical report forms: last, it printed alone
 * on a page under the repeated header whenever the rows above filled the page before (比例检查 of
 * 29 townships), and no spreadsheet program keeps a row with the rows above it. By township and by
 * category are two sheets, each under its own header (summaryForm).
 */
function writeSummary(wb: SheetBook, ctx: FormContext, summary: CountySummary): void {
  const blocks = [
    ['township', summary.townshipTotal, summary.byTownship],
    ['category', summary.categoryTotal, summary.byCategory],
  ] as const;
  for (const [by, total, rows] of blocks) {
    const sh = addPrintedSheet(wb, summaryForm(ctx, summary.included, by));
    sh.row(summaryRow(total), 'total');
    for (const r of rows) sh.row(summaryRow(r));
    sh.end();
  }
}

/** Rows gathered across townships, numbered 1… in the 序号 column. */
function* numbered(rows: readonly OutCell[][]): Generator<OutCell[]> {
  let i = 0;
  for (const r of rows) yield [++i, ...r.slice(1)];
}

const NONE = '（无）';

export async function writeConsolidated(store: Store, campaign: CampaignDoc, now = Date.now()): Promise<{ bytes: Buffer; stats: ConsolidateStats }> {
  const s = campaign.scheme;
  const inputs = await townshipInputs(store, campaign, now);
  const summary = summarizeCounty(s, campaign.county, inputs);
  const ctx: FormContext = { scheme: s, county: campaign.county, year: campaign.year, townships: inputs.map((t) => t.name), generatedAt: beijingText(new Date(now).toISOString()), ...(campaign.kind ? { kind: campaign.kind } : {}) };

  // Every text cell is a shared string (t="s"), as shared/print/lean/strings.ts says why.
  const out = leanWorkbook({ creator: safeText(`${campaign.county}委组织部`), created: new Date(now) });
  const wb = out.book;

  writeSummary(wb, ctx, summary);

  // 明细表, streamed one township at a time; the lists and the duplicates gathered on the way.
  const detail = addPrintedSheet(wb, detailForm(ctx));
  const lists: LedgerRows = { poor: [], poorDetail: [], good: [], rect: [] };
  const dups = new DuplicateFinder();
  const included = inputs.filter((t) => isIncluded(t.state) && t.hash);
  let seq = 0;
  // 4 fetched ahead: as fast as 8 (measured: the writer, not storage, sets the pace now) and the
  // host's peak RSS in the province bench ~50 MB lower (fewer submissions alive at once).
  const subs = ordered(included, 4, async (t) => ({ t, stored: await readStoredSubmission(store, campaign.id, t.id, t.hash as string) }));
  // Versions stored before uploads took the roster's spelling are printed under it too.
  const spelled = await rosterSpelling(store, campaign);
  for await (const { t, stored } of subs) {
    // The pointer names a blob written before it; a missing one is storage corruption, not user data.
    if (!stored) throw new Error(`stored submission ${campaign.id}/${t.id}/${t.hash} is missing`);
    const submission = spelled(t.id, stored.submission);
    for (const o of submission.orgs) {
      detail.row(detailRow(s, ++seq, t.name, o));
      dups.add({ townshipId: t.id, township: t.name, name: o.name, row: o.row });
    }
    const l = ledgerRows(s, t.name, submission);
    for (const k of ['poor', 'poorDetail', 'good', 'rect'] as const) for (const r of l[k]) lists[k].push(r);
  }
  if (seq === 0) detail.note(NONE);
  detail.end();

  writePrintedSheet(wb, poorListForm(ctx), numbered(lists.poor), NONE);
  writePrintedSheet(wb, poorDetailForm(ctx), numbered(lists.poorDetail), NONE);
  writePrintedSheet(wb, goodListForm(ctx), numbered(lists.good), NONE);
  writePrintedSheet(wb, ledgerForm(ctx), numbered(lists.rect), NONE);

  // The county's row first, as in the 汇总表 (writeSummary says why).
  const quota = addPrintedSheet(wb, quotaForm(ctx));
  quota.row(quotaRow(summary.countyQuota), 'total');
  for (const q of summary.quota) quota.row(quotaRow(q));
  quota.end();

  writePrintedSheet(wb, statusForm(ctx), summary.status.map((r, i) => statusRow(i + 1, r)));
  const duplicates = dups.result();
  writePrintedSheet(wb, duplicatesForm(ctx), duplicates.map((d, i) => duplicateRow(i + 1, d)), '未发现多个乡镇（街道）重复上报的党组织。');
  await writeYearAfterSheets(wb, store, campaign, ctx, now);

  const bytes = await out.finish();
  return { bytes, stats: { townships: inputs.length, included: included.length, orgs: seq, duplicates: duplicates.length, bytes: bytes.length } };
}
