// `npm run bench -- consolidate [--json] [--townships=500] [--files-per-township=4] [--runs=3]`: one county's
// consolidated workbook of 100,000 organizations, written straight from storage in a process of
// its own (functions/dev/consolidate, the endpoint's code), its time, size and peak RSS. A campaign
// takes at most 500 townships, so each township stores 4 of the province bench's cached filled
// templates (50 organizations each, distinct names) merged into one submission of 200. The
// submissions are read and stored directly (the upload path is the county and province benches'
// business); only the consolidation is measured.
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { defaultScheme, gradeCountsByLabel, readSubmission, tallySubmission, type Submission } from '../../shared';
import { apiCall } from '../../functions/dev/api-call';
import { startDevHost } from '../../functions/dev/host';
import { commitUpload } from '../../functions/src/storage/commands';
import { credentialBook } from '../helpers/credentials';
import { SECRET, expectStatus, spawnAzurite, townships } from './county';
import { ensureFiles } from './province-files';

const FILE_ORGS = 50;

/** The files' submissions, `k` merged into each township's (rows renumbered, ledger lines kept). */
async function merged(files: string[], k: number): Promise<Submission[]> {
  const out: Submission[] = [];
  for (let i = 0; i < files.length; i += k) {
    const parts: Submission[] = [];
    for (const f of files.slice(i, i + k)) {
      const r = await readSubmission(new Uint8Array(fs.readFileSync(f)), defaultScheme);
      if (!r.submission) throw new Error(`${f} did not read: ${r.issues[0]?.message ?? ''}`);
      parts.push(r.submission);
    }
    const first = parts[0] as Submission;
    let row = 0;
    out.push({ ...first, orgs: parts.flatMap((p) => p.orgs).map((o) => ({ ...o, row: ++row })), rectifications: parts.flatMap((p) => p.rectifications) });
  }
  return out;
}

function consolidateAlone(connectionString: string, campaignId: string, file: string): Promise<{ ms: number; cpuMs: number; orgs: number; bytes: number; maxRssMb: number }> {
  const cli = path.join(__dirname, '..', '..', 'functions', 'dev', 'consolidate.js');
  return new Promise((resolve, reject) => {
    // BENCH_CONSOLIDATE_NODE_ARGS='--cpu-prof --cpu-prof-dir=…' profiles the consolidation.
    const nodeArgs = (process.env.BENCH_CONSOLIDATE_NODE_ARGS ?? '').split(' ').filter(Boolean);
    execFile(process.execPath, [...nodeArgs, cli, campaignId, file], { env: { ...process.env, STORAGE_CONNECTION_STRING: connectionString }, maxBuffer: 1 << 20 }, (err, stdout, stderr) => {
      if (err) return reject(new Error(`consolidate: ${err.message}\n${stderr}`));
      resolve(JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as { ms: number; cpuMs: number; orgs: number; bytes: number; maxRssMb: number });
    });
  });
}

export async function run(args: string[]): Promise<Record<string, number | string>> {
  const arg = (n: string, d: number) => Number(args.find((x) => x.startsWith(`--${n}=`))?.slice(n.length + 3) ?? d);
  const N = arg('townships', 500);
  const K = arg('files-per-township', 4);
  const runs = arg('runs', 3);
  const gen = await ensureFiles(N * K, FILE_ORGS);
  const p0 = performance.now();
  const subs = await merged(gen.files, K);
  const prepareMs = performance.now() - p0;

  const { azurite, connectionString } = await spawnAzurite();
  const host = await startDevHost({ port: 0, connectionString, secret: SECRET });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-consolidate-'));
  try {
    const c = 'bench-consolidate';
    const book = await credentialBook(connectionString, SECRET, { id: 'bench-consolidate', name: '基准县' });
    const county = book.county();
    await book.ready();
    const ts = townships(N);
    await expectStatus(await apiCall(`${host.url}/api`, 'POST', '/campaigns', county, { id: c, year: 2026, county: '基准县', deadline: '2099-04-25', townships: ts }), 201, 'create campaign');
    for (const [i, t] of ts.entries()) {
      const submission = { ...(subs[i] as Submission), township: t.name };
      const tally = tallySubmission(submission);
      const hash = i.toString(16).padStart(64, '0');
      const stored = { format: 1 as const, campaignId: c, townshipId: t.id, contentHash: hash, submission, warnings: [] };
      const record = { contentHash: hash, orgs: tally.orgs, rectifications: tally.rectifications, quotaOk: true, quotaSummary: '—', counts: gradeCountsByLabel(defaultScheme, tally), uploadedBy: 'bench' };
      const r = await commitUpload(book.store, { campaignId: c, townshipId: t.id, contentHash: hash, raw: new Uint8Array([0]), stored, record, tally });
      if (r.kind !== 'created') throw new Error(`store ${t.id}: ${r.kind}`);
    }
    // Fresh processes, one after another; the median run is reported.
    const results = [];
    for (let i = 0; i < runs; i++) results.push(await consolidateAlone(connectionString, c, path.join(dir, `run${i}.xlsx`)));
    const byMs = [...results].sort((a, b) => a.ms - b.ms);
    const median = byMs[Math.floor(byMs.length / 2)] ?? { ms: NaN, cpuMs: NaN, orgs: 0, bytes: 0, maxRssMb: NaN };
    return {
      townships: N,
      organizations: median.orgs,
      files_generated_now: gen.generated,
      prepare_ms_not_timed_below: Math.round(prepareMs),
      runs,
      consolidate_ms_median: Math.round(median.ms),
      consolidate_ms_all: results.map((r) => Math.round(r.ms)).join(' '),
      consolidate_cpu_ms_median: Math.round(median.cpuMs),
      consolidate_target_ms: 3000,
      workbook_mb: median.bytes / 1048576,
      peak_rss_mb_max: Math.max(...results.map((r) => r.maxRssMb)),
      load_avg_1min: os.loadavg()[0] ?? NaN,
      measured: 'functions/dev/consolidate in a fresh process per run, reading every stored submission from in-memory Azurite (own process)',
    };
  } finally {
    await host.close();
    azurite.kill('SIGTERM');
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
