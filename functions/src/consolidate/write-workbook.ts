// The consolidated county workbook, written with exceljs's streaming writer from stored normalized
// submissions (never the raw files). The summary sheets come from the tallies kept at upload; the
// detail rows stream one submission at a time, so memory holds one township's rows plus the
// (small) 较差 and ledger lists. The output is collected before answering so a storage fault
// mid-way is a clean 500, not a truncated file.
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import {
  SHEETS,
  beijingText,
  detailHeaders,
  detailRow,
  isIncluded,
  ledgerRows,
  POOR_HEADERS,
  quotaHeaders,
  RECT_HEADERS,
  STATUS_HEADERS,
  summarizeCounty,
  summaryHeaders,
  type OutCell,
  type CountRow,
} from '../../../shared';
import type { CampaignDoc } from '../storage/ledger';
import { readStoredSubmission } from '../storage/submission-blobs';
import { townshipInputs } from './townships';
import type { Store } from '../storage/store';

const PCT = '0.0%';
const BOLD = { bold: true } as const;

type Sheet = ExcelJS.Worksheet;

// One style object for every unformatted cell: exceljs caches style ids by object identity, so
// 100,000 detail rows do not each build and look up a style.
const PLAIN: Partial<ExcelJS.Style> = {};

function add(ws: Sheet, cells: OutCell[], opts: { bold?: boolean; pctFrom?: number[] } = {}): void {
  const row = ws.addRow(cells);
  if (opts.bold) row.font = BOLD;
  else if (!opts.pctFrom) row.eachCell((c) => (c.style = PLAIN));
  for (const c of opts.pctFrom ?? []) row.getCell(c).numFmt = PCT;
  row.commit();
}

function countCells(r: CountRow): OutCell[] {
  return [r.label, r.total, ...r.counts.flatMap((n, i) => [n, r.shares[i] ?? 0])];
}

function pctColumns(grades: number): number[] {
  // Label, total, then (count, share) per grade: shares sit in columns 4, 6, 8, …
  return Array.from({ length: grades }, (_, i) => 4 + 2 * i);
}

/** Yields each item's result in order while fetching up to `width` ahead. */
async function* ordered<T, R>(items: readonly T[], width: number, fn: (x: T) => Promise<R>): AsyncGenerator<R> {
  const pending: Array<Promise<R>> = [];
  let next = 0;
  const fill = () => {
    while (pending.length < width && next < items.length) {
      const p = fn(items[next++] as T);
      p.catch(() => undefined); // observed when awaited below; avoid an unhandled rejection meanwhile
      pending.push(p);
    }
  };
  fill();
  while (pending.length) {
    const r = await (pending.shift() as Promise<R>);
    fill();
    yield r;
  }
}

export interface ConsolidateStats {
  townships: number;
  included: number;
  orgs: number;
  bytes: number;
}

export async function writeConsolidated(store: Store, campaign: CampaignDoc, now = Date.now()): Promise<{ bytes: Buffer; stats: ConsolidateStats }> {
  const s = campaign.scheme;
  const inputs = await townshipInputs(store, campaign, now);
  const summary = summarizeCounty(s, campaign.county, inputs);

  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const finished = new Promise<void>((resolve, reject) => {
    out.on('end', resolve);
    out.on('error', reject);
  });
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  wb.creator = `${campaign.county}委组织部`;
  wb.created = new Date(now);

  // 汇总表
  const gcount = s.grades.length;
  const ws1 = wb.addWorksheet(SHEETS.summary);
  ws1.columns = [{ width: 22 }, { width: 12 }, ...s.grades.flatMap(() => [{ width: 10 }, { width: 10 }])];
  add(ws1, [`${campaign.county}${campaign.year}年度基层党组织分类定级情况汇总表`], { bold: true });
  add(ws1, [`统计范围：已上报和已审核通过的 ${summary.included} 个乡镇（街道）的当前版本（不含已退回和未上报的单位）；生成时间 ${beijingText(new Date(now).toISOString())}（北京时间）`]);
  add(ws1, summaryHeaders(s, '乡镇（街道）'), { bold: true });
  for (const r of summary.byTownship) add(ws1, countCells(r), { pctFrom: pctColumns(gcount) });
  add(ws1, countCells(summary.townshipTotal), { bold: true, pctFrom: pctColumns(gcount) });
  add(ws1, []);
  add(ws1, summaryHeaders(s, '类别'), { bold: true });
  for (const r of summary.byCategory) add(ws1, countCells(r), { pctFrom: pctColumns(gcount) });
  add(ws1, countCells(summary.categoryTotal), { bold: true, pctFrom: pctColumns(gcount) });
  ws1.commit();

  // 明细表, streamed one township at a time; 较差名单 and 整改台账 rows gathered on the way.
  const ws2 = wb.addWorksheet(SHEETS.detail);
  const headers = detailHeaders(s);
  ws2.columns = headers.map((h) => ({ width: Math.max(8, Math.min(30, h.length * 2 + 2)) }));
  add(ws2, headers, { bold: true });
  const included = inputs.filter((t) => isIncluded(t.state) && t.hash);
  const poor: OutCell[][] = [];
  const rect: OutCell[][] = [];
  let seq = 0;
  const subs = ordered(included, 8, async (t) => ({ t, stored: await readStoredSubmission(store, campaign.id, t.id, t.hash as string) }));
  for await (const { t, stored } of subs) {
    // The pointer names a blob written before it; a missing one is storage corruption, not user data.
    if (!stored) throw new Error(`stored submission ${campaign.id}/${t.id}/${t.hash} is missing`);
    for (const o of stored.submission.orgs) add(ws2, detailRow(s, ++seq, t.name, o));
    const l = ledgerRows(s, t.name, stored.submission);
    poor.push(...l.poor);
    rect.push(...l.rect);
  }
  ws2.commit();

  const ws3 = wb.addWorksheet(SHEETS.poor);
  ws3.columns = POOR_HEADERS.map((_, i) => ({ width: i === 0 ? 6 : 18 }));
  add(ws3, POOR_HEADERS, { bold: true });
  poor.forEach((r, i) => add(ws3, [i + 1, ...r.slice(1)]));
  ws3.commit();

  const ws4 = wb.addWorksheet(SHEETS.rectification);
  ws4.columns = RECT_HEADERS.map((_, i) => ({ width: i === 0 ? 6 : 18 }));
  add(ws4, RECT_HEADERS, { bold: true });
  rect.forEach((r, i) => add(ws4, [i + 1, ...r.slice(1)]));
  ws4.commit();

  const ws5 = wb.addWorksheet(SHEETS.quota);
  ws5.columns = [{ width: 22 }, { width: 10 }, { width: 12 }, { width: 10 }, { width: 12 }, { width: 10 }, { width: 10 }, { width: 80 }];
  add(ws5, quotaHeaders(s), { bold: true });
  for (const q of [...summary.quota, summary.countyQuota]) {
    add(ws5, [q.scope, q.graded, q.top.count, q.top.share, q.bottom.count, q.bottom.share, q.ok ? '符合' : '不符合', q.summary], { pctFrom: [4, 6], bold: q === summary.countyQuota });
  }
  ws5.commit();

  const ws6 = wb.addWorksheet(SHEETS.status);
  ws6.columns = [{ width: 6 }, { width: 22 }, { width: 14 }, { width: 10 }, { width: 20 }, { width: 10 }, { width: 10 }, { width: 10 }, { width: 40 }];
  add(ws6, STATUS_HEADERS, { bold: true });
  summary.status.forEach((r, i) =>
    add(ws6, [
      i + 1,
      r.name,
      r.stateText,
      r.version,
      beijingText(r.receivedAt) || null,
      r.late ? '是' : '否',
      r.included ? '是' : '否',
      r.quotaOk === null ? null : r.quotaOk ? '符合' : '不符合',
      r.comment,
    ]),
  );
  ws6.commit();

  await wb.commit();
  await finished;
  const bytes = Buffer.concat(chunks);
  return { bytes, stats: { townships: inputs.length, included: included.length, orgs: seq, bytes: bytes.length } };
}
