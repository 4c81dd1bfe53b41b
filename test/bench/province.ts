// `npm run bench -- province [--json] [--townships=N] [--orgs=50] [--concurrency=8] [--no-openpyxl]`:
// a province's reporting round measured end to end, against a clerk's openpyxl merge of the same
// files in the same run.
//   * input: N distinct filled templates of 50 organizations (province-files.ts, cached);
//   * API: Azurite and the dev host each in a process of their own (as `npm start` runs them);
//     EVERY file is uploaded over HTTP, 8 at a time, then the consolidated workbook is downloaded.
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
import { apiCall } from '../../functions/dev/api-call';
import { credentialBook } from '../helpers/credentials';
import { SECRET, childCpuMs, expectStatus, pct, pool, spawnAzurite, townships } from './county';
import { startHostProcess } from './host-process';
import { sampleMemory } from './proc-memory';
import { ensureFiles } from './province-files';

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

export async function run(args: string[]): Promise<Record<string, number | string>> {
  const arg = (n: string, d: number) => {
    const a = args.find((x) => x.startsWith(`--${n}=`));
    return a ? Number(a.slice(n.length + 3)) : d;
  };
  const N = arg('townships', 2000);
  const ORGS = arg('orgs', 50);
  const WIDTH = arg('concurrency', 8);
  const c = 'bench-province';
  const load = os.loadavg()[0] ?? NaN;
  const gen = await ensureFiles(c, N, ORGS);
  const books = gen.files.map((f) => new Uint8Array(fs.readFileSync(f)));
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
    const ts = townships(N);
    const book = await credentialBook(connectionString, SECRET, { id: 'bench', name: '基准省' });
    const county = book.county();
    const tokens = ts.map((t) => book.township(c, t.id));
    await book.ready();
    await expectStatus(await apiCall(api, 'POST', '/campaigns', county, { id: c, year: 2026, county: '基准县', deadline: '2099-04-25', townships: ts }), 201, 'create campaign');

    const hostMem = sampleMemory(hostPid);
    const azMem = sampleMemory(azurite.pid ?? 0);
    const hostCpu0 = childCpuMs(hostPid);
    const azCpu0 = childCpuMs(azurite.pid);
    const e0 = performance.now();
    const lat = await pool(
      ts.map((t, i) => ({ t, i })),
      WIDTH,
      async ({ t, i }) => {
        await expectStatus(await apiCall(api, 'POST', `/campaigns/${c}/townships/${t.id}/submissions`, tokens[i] ?? '', books[i]), 201, `upload ${t.id}`);
      },
    );
    const uploadMs = performance.now() - e0;
    const uploadHost = hostMem.read();
    const d0 = performance.now();
    const res = await apiCall(api, 'GET', `/campaigns/${c}/consolidated`, county);
    await expectStatus(res, 200, 'consolidated');
    const consolidatedBytes = (await res.arrayBuffer()).byteLength;
    const downloadMs = performance.now() - d0;
    const apiMs = performance.now() - e0;
    const hostCpuMs = childCpuMs(hostPid) - hostCpu0;
    const azCpuMs = childCpuMs(azurite.pid) - azCpu0;
    const hm = hostMem.read();
    const am = azMem.read();
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
      files_generated_now: gen.generated,
      generation_ms_not_timed_below: Math.round(gen.ms),
      upload_concurrency: WIDTH,
      upload_all_ms: Math.round(uploadMs),
      upload_throughput_per_s: (N / uploadMs) * 1000,
      upload_p50_ms: pct(lat, 50),
      upload_p99_ms: pct(lat, 99),
      consolidated_download_ms: Math.round(downloadMs),
      consolidated_mb: consolidatedBytes / 1048576,
      api_end_to_end_ms: Math.round(apiMs),
      ...clerk,
      host_peak_rss_mb: hm.peakRssMb,
      host_peak_rss_during_uploads_mb: uploadHost.peakRssMb,
      host_vmhwm_mb: hm.hwmMb,
      host_rss_target_mb: 250,
      host_cpu_ms: Math.round(hostCpuMs),
      azurite_peak_rss_mb: am.peakRssMb,
      azurite_vmhwm_mb: am.hwmMb,
      azurite_cpu_ms: Math.round(azCpuMs),
      load_avg_1min_at_start: load,
      measured: 'dev host and in-memory Azurite each in its own process; every file uploaded over HTTP; openpyxl after the API phase, same files',
    };
  } finally {
    if (host.child.exitCode === null) await host.stop();
    if (azurite.exitCode === null) azurite.kill('SIGTERM');
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
