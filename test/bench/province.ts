// `npm run bench -- province [--json]`: a province-sized load, 2,000 township workbooks of 50
// organizations (100,000 organizations). Generating and parsing 2,000 workbooks would take many
// minutes of clerk-side work, so:
//   * upload is measured over HTTP on a sample of 40 distinct generated workbooks (8 at a time);
//   * the other 1,960 submissions are stored through the same commit path the upload uses
//     (blobs, then the index transaction), each a copy of a sample's normalized submission with
//     its own organization names — no parsing, no HTTP;
//   * consolidation of all 2,000 stored submissions (100,000 detail rows) is measured in a fresh
//     Node process running the same writeConsolidated as the endpoint (functions/dev/consolidate),
//     so its peak RSS (maxRSS) is the consolidation's own, not the bench's generated workbooks;
//     with --http it is also measured through the endpoint in this process.
// Azurite runs in a child process throughout.
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { checkQuota, defaultScheme, gradeCountsByLabel, tallySubmission } from '../../shared';
import { sha256 } from '../../functions/src/upload/ingest';
import { commitUpload } from '../../functions/src/storage/commands';
import { readStoredSubmission } from '../../functions/src/storage/submission-blobs';
import { createAzureStore } from '../../functions/src/storage/store';
import { call, expectStatus, pct, pool, startEnv, townships, withPeakRss, workbook } from './county';

export async function run(args: string[]): Promise<Record<string, number | string>> {
  const arg = (n: string, d: number) => {
    const a = args.find((x) => x.startsWith(`--${n}=`));
    return a ? Number(a.slice(n.length + 3)) : d;
  };
  const N = arg('townships', 2000);
  const ORGS = arg('orgs', 50);
  const SAMPLE = Math.min(N, arg('sample', 40));
  const c = 'bench-province';
  const env = await startEnv();
  try {
    const ts = townships(N);
    await expectStatus(await call(env.api, 'POST', '/campaigns', env.county(c), { id: c, year: 2026, county: '基准省', deadline: '2099-04-25', townships: ts }), 201, 'create campaign');

    const g0 = performance.now();
    const books: Uint8Array[] = [];
    for (let i = 0; i < SAMPLE; i++) books.push(await workbook(c, ts[i] as { id: string; name: string }, ORGS, i + 1));
    const generateMs = performance.now() - g0;

    const u0 = performance.now();
    const lat = await pool(books.map((b, i) => ({ b, t: ts[i] as { id: string } })), 8, async ({ b, t }) => {
      await expectStatus(await call(env.api, 'POST', `/campaigns/${c}/townships/${t.id}/submissions`, env.township(c, t.id), b), 201, `upload ${t.id}`);
    });
    const uploadMs = performance.now() - u0;

    const store = createAzureStore(env.connectionString, 'grading', 'grading');
    const samples = await Promise.all(books.map(async (b, i) => ({ raw: b, stored: await readStoredSubmission(store, c, (ts[i] as { id: string }).id, sha256(b)) })));
    const s0 = performance.now();
    await pool(ts.slice(SAMPLE), 16, async (t) => {
      const i = Number(t.id.slice(1)) - 1;
      const src = samples[i % SAMPLE];
      if (!src?.stored) throw new Error('sample submission missing');
      const sub = { ...src.stored.submission, township: t.name, orgs: src.stored.submission.orgs.map((o) => ({ ...o, name: `${t.name}${o.name}` })) };
      const hash = sha256(src.raw);
      const tally = tallySubmission(sub);
      const q = checkQuota(defaultScheme, sub.orgs.map((o) => ({ grade: o.grade, category: o.category })), { scope: t.name });
      const r = await commitUpload(store, {
        campaignId: c,
        townshipId: t.id,
        contentHash: hash,
        raw: src.raw,
        stored: { format: 1, campaignId: c, townshipId: t.id, contentHash: hash, submission: sub, warnings: [] },
        tally,
        record: { contentHash: hash, orgs: tally.orgs, rectifications: tally.rectifications, quotaOk: q.ok, quotaSummary: q.summary, counts: gradeCountsByLabel(defaultScheme, tally), uploadedBy: 'bench' },
      });
      if (r.kind !== 'created') throw new Error(`store ${t.id}: ${r.kind}`);
    });
    const storeMs = performance.now() - s0;

    const out = path.join(os.tmpdir(), `province-${process.pid}.xlsx`);
    const cli = path.join(__dirname, '..', '..', 'functions', 'dev', 'consolidate.js');
    const nodeArgs = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
    const isolated = await new Promise<{ ms: number; bytes: number; orgs: number; maxRssMb: number }>((resolve, reject) => {
      execFile(process.execPath, [...nodeArgs, cli, c, out], { env: { ...process.env, STORAGE_CONNECTION_STRING: env.connectionString }, maxBuffer: 1 << 20 }, (err, stdout, stderr) => {
        if (err) return reject(new Error(`${err.message}\n${stderr}`));
        resolve(JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as { ms: number; bytes: number; orgs: number; maxRssMb: number });
      });
    });
    fs.rmSync(out, { force: true });
    if (isolated.orgs !== N * ORGS) throw new Error(`consolidated ${isolated.orgs} organizations, expected ${N * ORGS}`);

    let http: Record<string, number> = {};
    if (args.includes('--http')) {
      const { result, peakMb, beforeMb } = await withPeakRss(async () => {
        const t0 = performance.now();
        const res = await call(env.api, 'GET', `/campaigns/${c}/consolidated`, env.county(c));
        await expectStatus(res, 200, 'consolidated');
        return performance.now() - t0;
      });
      http = { http_consolidate_download_ms: Math.round(result), http_rss_before_mb: beforeMb, http_peak_rss_mb: peakMb };
    }
    return {
      townships: N,
      organizations: N * ORGS,
      sample_workbooks_generated: SAMPLE,
      sample_generation_ms_not_timed_below: Math.round(generateMs),
      upload_sample_n: SAMPLE,
      upload_sample_total_ms: Math.round(uploadMs),
      upload_throughput_per_s: (SAMPLE / uploadMs) * 1000,
      upload_p50_ms: pct(lat, 50),
      upload_p95_ms: pct(lat, 95),
      stored_without_parse_n: N - SAMPLE,
      stored_without_parse_ms: Math.round(storeMs),
      consolidated_organizations: isolated.orgs,
      consolidate_ms: Math.round(isolated.ms),
      consolidate_target_ms: 20000,
      consolidated_mb: isolated.bytes / 1048576,
      consolidate_peak_rss_mb: isolated.maxRssMb,
      peak_rss_target_mb: 500,
      ...http,
      measured: 'upload: HTTP on the sample; consolidation: all stored submissions, fresh process (maxRSS); Azurite in a child process',
    };
  } finally {
    await env.stop();
  }
}
