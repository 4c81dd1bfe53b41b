// `npm run bench -- province [--json] [--townships=N] [--orgs=50] [--per-county=500] [--concurrency=8] [--no-openpyxl]`:
// a province's reporting round measured end to end, against a clerk's openpyxl merge of the same
// files in the same run.
//   * input: N distinct filled templates of 50 organizations (province-files.ts, cached). A
//     county's campaign takes at most 500 townships, so 2,000 townships are 4 counties' campaigns;
//   * API: Azurite and the dev host each in a process of their own (as `npm start` runs them);
//     EVERY file is uploaded over HTTP, 8 at a time (the counties' uploads interleaved), then each
//     county's consolidated workbook is downloaded (together they hold every organization).
//     The host's and Azurite's memory are sampled from /proc (VmRSS every 20 ms, and the kernel's
//     VmHWM peak); their CPU time from /proc too;
//   * clerk: test/bench/clerk-merge.py under /usr/bin/python3 with openpyxl (read_only) reads the
//     same files, checks sums and grade bands, writes a detail and a summary workbook. It runs after
//     the API's phase, so the two never share the cores.
// BENCH_HOST_NODE_ARGS='--cpu-prof --cpu-prof-dir=/tmp/prof' profiles the host.
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DETAIL_LAYOUT, DETAIL_SHEET, defaultScheme, detailColumns } from '../../shared';
import { benchCall } from './http-client';
import { credentialBook, type CredentialBook } from '../helpers/credentials';
import { SECRET, childCpuMs, expectStatus, pct, pool, spawnAzurite } from './county';
import { startHostProcess } from './host-process';
import { sampleMemory } from './proc-memory';
import { ensureFiles, provinceTownships, TOWNSHIPS_PER_COUNTY } from './province-files';

interface ClerkFigures {
  seconds: number;
  files: number;
  orgs: number;
  totalMismatches: number;
  gradeMismatches: number;
  maxRssMb: number;
}

/** The clerk's script on the same files; its layout knowledge is the template's, as a clerk's would be. */
function runClerk(files: string[], dir: string): Promise<ClerkFigures & { wallMs: number }> {
  const cols = detailColumns(defaultScheme);
  const col = (key: string) => cols.findIndex((c) => c.key === key) + 1;
  const config = {
    files,
    out: path.join(dir, 'clerk-merge.xlsx'),
    sheet: DETAIL_SHEET,
    firstRow: DETAIL_LAYOUT.firstDataRow,
    cols: {
      name: col('name'),
      category: col('category'),
      scores: cols.flatMap((c, i) => (c.key === 'score' ? [i + 1] : [])),
      total: col('total'),
      forcedBottom: col('forcedBottom'),
      newlyEstablished: col('newlyEstablished'),
      grade: col('grade'),
    },
    bands: defaultScheme.grades.map((g) => [g.label, g.min]),
  };
  const cfg = path.join(dir, 'clerk-merge.json');
  fs.writeFileSync(cfg, JSON.stringify(config));
  const script = path.join(__dirname, '..', '..', '..', 'test', 'bench', 'clerk-merge.py');
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    execFile('/usr/bin/python3', [script, cfg], { maxBuffer: 1 << 20 }, (err, stdout, stderr) => {
      if (err) return reject(new Error(`clerk-merge.py: ${err.message}\n${stderr}`));
      const f = JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as ClerkFigures;
      resolve({ ...f, wallMs: performance.now() - t0 });
    });
  });
}

/** Township 1 of each county, then township 2 of each, …: the counties report at the same time. */
function interleave<T extends { t: { county: number } }>(xs: T[]): T[] {
  const rank = new Map<number, number>();
  return xs
    .map((x) => {
      const r = rank.get(x.t.county) ?? 0;
      rank.set(x.t.county, r + 1);
      return { x, r };
    })
    .sort((a, b) => a.r - b.r || a.x.t.county - b.x.t.county)
    .map(({ x }) => x);
}

/** functions/dev/consolidate in a process of its own: {ms, orgs, maxRssMb}. */
function consolidateAlone(connectionString: string, campaignId: string, dir: string): Promise<{ ms: number; orgs: number; maxRssMb: number }> {
  const cli = path.join(__dirname, '..', '..', 'functions', 'dev', 'consolidate.js');
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [cli, campaignId, path.join(dir, 'alone.xlsx')], { env: { ...process.env, STORAGE_CONNECTION_STRING: connectionString }, maxBuffer: 1 << 20 }, (err, stdout, stderr) => {
      if (err) return reject(new Error(`consolidate: ${err.message}\n${stderr}`));
      resolve(JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as { ms: number; orgs: number; maxRssMb: number });
    });
  });
}

export async function run(args: string[]): Promise<Record<string, number | string>> {
  const arg = (n: string, d: number) => {
    const a = args.find((x) => x.startsWith(`--${n}=`));
    return a ? Number(a.slice(n.length + 3)) : d;
  };
  const N = arg('townships', 2000);
  const ORGS = arg('orgs', 50);
  const WIDTH = arg('concurrency', 8);
  const PER = arg('per-county', TOWNSHIPS_PER_COUNTY);
  const load = os.loadavg()[0] ?? NaN;
  const gen = await ensureFiles(N, ORGS, PER);
  const files = gen.files.map((f) => new Uint8Array(fs.readFileSync(f)));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-province-'));

  const { azurite, connectionString } = await spawnAzurite();
  const hostArgs = (process.env.BENCH_HOST_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const host = await startHostProcess(connectionString, SECRET, hostArgs).catch((e: unknown) => {
    azurite.kill('SIGTERM');
    throw e;
  });
  const hostPid = host.child.pid ?? 0;
  const api = `${host.url}/api`;
  try {
    const ts = provinceTownships(N, PER);
    const counties = [...new Set(ts.map((t) => t.county))].map((k) => ({ k, campaignId: `bench-province-c${k}`, townships: ts.filter((t) => t.county === k).map(({ id, name }) => ({ id, name })) }));
    // One credential book per county: a township's credential belongs to its county.
    const books = new Map<string, CredentialBook>();
    for (const x of counties) books.set(x.campaignId, await credentialBook(connectionString, SECRET, { id: `bench-c${x.k}`, name: '基准县' }));
    const bookOf = (campaignId: string) => books.get(campaignId) as CredentialBook;
    const countyTokens = new Map(counties.map((x) => [x.campaignId, bookOf(x.campaignId).county()]));
    const tokens = ts.map((t) => bookOf(t.campaignId).township(t.campaignId, t.id));
    for (const b of books.values()) await b.ready();
    for (const x of counties) {
      const body = { id: x.campaignId, year: 2026, county: '基准县', deadline: '2099-04-25', townships: x.townships };
      await expectStatus(await benchCall(api, 'POST', '/campaigns', countyTokens.get(x.campaignId) ?? '', body), 201, `create campaign ${x.campaignId}`);
    }

    const hostMem = sampleMemory(hostPid);
    const azMem = sampleMemory(azurite.pid ?? 0);
    const hostCpu0 = childCpuMs(hostPid);
    const azCpu0 = childCpuMs(azurite.pid);
    const client0 = process.cpuUsage();
    const e0 = performance.now();
    const lat = await pool(
      // Interleaved across counties, as a province's townships would report.
      interleave(ts.map((t, i) => ({ t, i }))),
      WIDTH,
      async ({ t, i }) => {
        await expectStatus(await benchCall(api, 'POST', `/campaigns/${t.campaignId}/townships/${t.id}/submissions`, tokens[i] ?? '', files[i]), 201, `upload ${t.id}`);
      },
    );
    const uploadMs = performance.now() - e0;
    const clientCpu = process.cpuUsage(client0);
    // The uploads' share of the host's CPU, before any consolidated workbook is made.
    const uploadCpuMs = childCpuMs(hostPid) - hostCpu0;
    const uploadHost = hostMem.read();
    const uploadHeap = await host.memory();
    const d0 = performance.now();
    let consolidatedBytes = 0;
    const perCountyMs: number[] = [];
    for (const x of counties) {
      const c0 = performance.now();
      const res = await benchCall(api, 'GET', `/campaigns/${x.campaignId}/consolidated`, countyTokens.get(x.campaignId) ?? '');
      await expectStatus(res, 200, `consolidated ${x.campaignId}`);
      consolidatedBytes += (await res.arrayBuffer()).byteLength;
      perCountyMs.push(performance.now() - c0);
    }
    const downloadMs = performance.now() - d0;
    const apiMs = performance.now() - e0;
    const hostCpuMs = childCpuMs(hostPid) - hostCpu0;
    const azCpuMs = childCpuMs(azurite.pid) - azCpu0;
    const hm = hostMem.read();
    const endHeap = await host.memory();
    const am = azMem.read();
    // One county's workbook again, in a fresh process (functions/dev/consolidate, the endpoint's
    // code): its time and peak RSS without HTTP and without the host's history.
    const isolated = await consolidateAlone(connectionString, counties[0]?.campaignId ?? '', dir);
    hostMem.stop();
    azMem.stop();
    await host.stop();
    azurite.kill('SIGTERM');

    let clerk: Record<string, number> = {};
    if (!args.includes('--no-openpyxl')) {
      const k = await runClerk(gen.files, dir);
      if (k.orgs !== N * ORGS) throw new Error(`openpyxl merged ${k.orgs} organizations, expected ${N * ORGS}`);
      clerk = {
        openpyxl_ms: Math.round(k.wallMs),
        openpyxl_merged_orgs: k.orgs,
        openpyxl_mismatches: k.totalMismatches + k.gradeMismatches,
        openpyxl_peak_rss_mb: k.maxRssMb,
        ratio_api_over_openpyxl: apiMs / k.wallMs,
        ratio_target: 0.5,
      };
    }
    return {
      townships: N,
      organizations: N * ORGS,
      counties: counties.length,
      files_generated_now: gen.generated,
      generation_ms_not_timed_below: Math.round(gen.ms),
      upload_concurrency: WIDTH,
      upload_all_ms: Math.round(uploadMs),
      upload_throughput_per_s: (N / uploadMs) * 1000,
      upload_p50_ms: pct(lat, 50),
      upload_p99_ms: pct(lat, 99),
      consolidated_download_ms: Math.round(downloadMs),
      consolidated_download_max_per_county_ms: Math.round(Math.max(...perCountyMs)),
      consolidated_mb: consolidatedBytes / 1048576,
      consolidate_one_county_alone_orgs: isolated.orgs,
      consolidate_one_county_alone_ms: Math.round(isolated.ms),
      consolidate_one_county_alone_peak_rss_mb: isolated.maxRssMb,
      api_end_to_end_ms: Math.round(apiMs),
      ...clerk,
      host_peak_rss_mb: hm.peakRssMb,
      host_peak_rss_during_uploads_mb: uploadHost.peakRssMb,
      host_vmhwm_mb: hm.hwmMb,
      host_heap_used_after_uploads_mb: uploadHeap.heapUsedMb,
      host_heap_total_after_uploads_mb: uploadHeap.heapTotalMb,
      host_heap_used_at_end_mb: endHeap.heapUsedMb,
      host_heap_total_at_end_mb: endHeap.heapTotalMb,
      host_rss_target_mb: 250,
      host_cpu_ms: Math.round(hostCpuMs),
      host_cpu_uploads_ms: Math.round(uploadCpuMs),
      host_cpu_per_upload_ms: uploadCpuMs / N,
      azurite_peak_rss_mb: am.peakRssMb,
      azurite_vmhwm_mb: am.hwmMb,
      azurite_cpu_ms: Math.round(azCpuMs),
      // The bench's own HTTP client (townships' machines, in real life) shares the two cores too.
      bench_client_cpu_uploads_ms: Math.round((clientCpu.user + clientCpu.system) / 1000),
      load_avg_1min_at_start: load,
      measured: 'dev host and in-memory Azurite each in its own process; every file uploaded over HTTP; openpyxl after the API phase, same files',
    };
  } finally {
    if (host.child.exitCode === null) await host.stop();
    if (azurite.exitCode === null) azurite.kill('SIGTERM');
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
