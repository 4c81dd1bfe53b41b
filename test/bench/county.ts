// `npm run bench -- county [--json] [--concurrency=40] [--warm=N]`: one county's reporting round over
// real HTTP through the dev host: 40 townships × 25 organizations uploaded (8 at a time, or all 40
// at once), all accepted with the pane's 全部通过 (one bulk request), then the consolidated workbook
// downloaded. --warm=N first runs N other campaigns' uploads (40 each, 8 at a time, not measured):
// a host that has served a season's requests, rather than one that has just started (the default,
// and the harder figure). The host and Azurite each run in a process of their own, as `npm start`
// runs them: the CPU and memory reported are theirs, not the bench's, which makes the workbooks and
// plays the 40 clients.
// Workbook generation is done first and reported apart (it is the townships' work, not the server's).
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import { defaultScheme } from '../../shared';
import { generateTemplate } from '../../shared/template/generate';
import { fillTemplate } from '../../shared/template/fill';
import { sampleOrgs } from '../../shared/template/sample';
import { DEV_ACCOUNT, DEV_KEY } from '../../functions/dev/azurite';
import { startHostProcess, type HostProcess } from './host-process';
import { sampleMemory } from './proc-memory';
import { benchCall } from './http-client';
import { credentialBook, type CredentialBook } from '../helpers/credentials';

export const SECRET = 'bench-secret-0123456789abcdef';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const p = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(p));
    });
  });
}

async function waitForPort(port: number): Promise<void> {
  for (let i = 0; i < 200; i++) {
    const ok = await new Promise<boolean>((resolve) => {
      const c = net.connect(port, '127.0.0.1', () => {
        c.end();
        resolve(true);
      });
      c.once('error', () => resolve(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`azurite did not listen on ${port}`);
}

export interface Env {
  api: string;
  host: HostProcess;
  connectionString: string;
  azurite: ChildProcess;
  county(c: string): string;
  township(c: string, t: string): string;
  stop(): Promise<void>;
}

/** Azurite in memory, in a child process of its own (its RSS and CPU are not the server's). */
export async function spawnAzurite(): Promise<{ azurite: ChildProcess; connectionString: string }> {
  const [blob, queue, table] = [await freePort(), await freePort(), await freePort()];
  // BENCH_AZURITE_NODE_ARGS='--cpu-prof --cpu-prof-dir=…' profiles storage's side of a bench.
  const nodeArgs = (process.env.BENCH_AZURITE_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const azurite = spawn(process.execPath, [...nodeArgs, require.resolve('azurite/dist/src/azurite.js'), '--inMemoryPersistence', '--silent', '--disableTelemetry', '--skipApiVersionCheck', '--loose', '--blobPort', String(blob), '--queuePort', String(queue), '--tablePort', String(table)], { stdio: 'ignore' });
  await Promise.all([waitForPort(blob), waitForPort(table)]);
  const connectionString = `DefaultEndpointsProtocol=http;AccountName=${DEV_ACCOUNT};AccountKey=${DEV_KEY};BlobEndpoint=http://127.0.0.1:${blob}/${DEV_ACCOUNT};TableEndpoint=http://127.0.0.1:${table}/${DEV_ACCOUNT};`;
  return { azurite, connectionString };
}

export async function startEnv(): Promise<Env> {
  const { azurite, connectionString } = await spawnAzurite();
  // The host in a process of its own, as `npm start` runs it: its CPU and memory are not the bench's
  // (which makes the workbooks with exceljs and plays 40 clients), and neither is its collector.
  const host = await startHostProcess(connectionString, SECRET, (process.env.BENCH_HOST_NODE_ARGS ?? '').split(' ').filter(Boolean));
  const credentials = await credentialBook(connectionString, SECRET, { id: 'bench', name: '基准县' });
  book = credentials;
  return {
    api: `${host.url}/api`,
    host,
    connectionString,
    azurite,
    // A county credential reaches every campaign of its county; township credentials are per campaign.
    county: () => credentials.county(),
    township: (c, t) => credentials.township(c, t),
    async stop() {
      await host.stop();
      azurite.kill('SIGTERM');
    },
  };
}

/** CPU time (ms) a child process has used so far, from /proc (Linux); NaN elsewhere. */
export function childCpuMs(pid: number | undefined): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(f[11]) + Number(f[12])) * 1000) / 100; // utime + stime in clock ticks (USER_HZ = 100)
  } catch {
    return NaN;
  }
}

// Credentials handed out by the env are written before the request that uses them.
let book: CredentialBook | undefined;
export const call: typeof benchCall = async (...a) => {
  await book?.ready();
  return benchCall(...a);
};

export function townships(n: number): Array<{ id: string; name: string }> {
  return Array.from({ length: n }, (_, i) => ({ id: `t${String(i + 1).padStart(4, '0')}`, name: `第${i + 1}镇` }));
}

export async function workbook(campaignId: string, t: { id: string; name: string }, orgs: number, seed: number): Promise<Uint8Array> {
  const tpl = await generateTemplate({ scheme: defaultScheme, year: 2026, county: '基准县', campaignId, township: t });
  const s = sampleOrgs(defaultScheme, orgs, seed, { prefix: t.name });
  return fillTemplate(tpl, { scheme: defaultScheme, orgs: s.orgs, rectifications: s.rectifications, info: { township: t.name, filledBy: '测试', phone: '1', filledOn: '2026-04-20' } });
}

/** Runs fn over items, `width` at a time, returning each call's latency in ms. */
export async function pool<T>(items: readonly T[], width: number, fn: (x: T) => Promise<void>): Promise<number[]> {
  const lat: number[] = new Array<number>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      const t0 = performance.now();
      await fn(items[i] as T);
      lat[i] = performance.now() - t0;
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, worker));
  return lat;
}

export function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] ?? 0;
}

export async function expectStatus(r: { status: number; text(): Promise<string> }, want: number, what: string): Promise<void> {
  if (r.status !== want) throw new Error(`${what}: HTTP ${r.status} ${(await r.text()).slice(0, 300)}`);
}

/** Creates campaign `c` of the townships `ts` and makes each township's filled workbook. */
async function openCampaign(env: Env, c: string, ts: Array<{ id: string; name: string }>, orgs: number, seed: number): Promise<Uint8Array[]> {
  await expectStatus(await call(env.api, 'POST', '/campaigns', env.county(c), { id: c, year: 2026, county: '基准县', deadline: '2099-04-25', townships: ts }), 201, `create campaign ${c}`);
  const books: Uint8Array[] = [];
  for (const [i, t] of ts.entries()) books.push(await workbook(c, t, orgs, seed + i));
  return books;
}

/** Every township's workbook uploaded to `c`, `width` at a time: each upload's latency (ms). */
function uploadAll(env: Env, c: string, ts: Array<{ id: string; name: string }>, books: Uint8Array[], width: number): Promise<number[]> {
  return pool(ts.map((t, i) => ({ t, b: books[i] as Uint8Array })), width, async ({ t, b }) => {
    await expectStatus(await call(env.api, 'POST', `/campaigns/${c}/townships/${t.id}/submissions`, env.township(c, t.id), b), 201, `upload ${c}/${t.id}`);
  });
}

export async function run(args: string[]): Promise<Record<string, number | string>> {
  const N = 40;
  const ORGS = 25;
  // --concurrency=40: every township uploads at once (the upload p99 target is for that case).
  const width = Number(args.find((a) => a.startsWith('--concurrency='))?.slice('--concurrency='.length) ?? 8);
  const warm = Number(args.find((a) => a.startsWith('--warm='))?.slice('--warm='.length) ?? 0);
  const c = 'bench-county';
  const env = await startEnv();
  try {
    const ts = townships(N);
    // Warm-up rounds: other campaigns' uploads, 8 at a time, not measured.
    for (let round = 1; round <= warm; round++) {
      const w = `bench-warm-${round}`;
      await uploadAll(env, w, ts, await openCampaign(env, w, ts, ORGS, 1000 * round), 8);
    }
    const g0 = performance.now();
    const books = await openCampaign(env, c, ts, ORGS, 1);
    const generateMs = performance.now() - g0;

    const hostPid = env.host.child.pid ?? NaN;
    const host0 = childCpuMs(hostPid);
    const az0 = childCpuMs(env.azurite.pid);
    const mem = sampleMemory(hostPid, 10);
    const beforeMb = mem.read().rssMb;
    const e0 = performance.now();
    const lat = await uploadAll(env, c, ts, books, width);
    const uploadMs = performance.now() - e0;
    const uploadCpuMs = childCpuMs(hostPid) - host0;
    const uploadAzuriteMs = childCpuMs(env.azurite.pid) - az0;
    const r0 = performance.now();
    // What 全部通过 sends: every township at the version the county saw.
    const bulk = await call(env.api, 'POST', `/campaigns/${c}/review`, env.county(c), { action: 'accept', items: ts.map((t) => ({ townshipId: t.id, version: 1 })) });
    await expectStatus(bulk, 200, 'accept all');
    const accepted = (JSON.parse(await bulk.text()) as { accepted: number }).accepted;
    if (accepted !== N) throw new Error(`accept all: ${accepted} of ${N} accepted`);
    const reviewMs = performance.now() - r0;
    const c0 = performance.now();
    const res = await call(env.api, 'GET', `/campaigns/${c}/consolidated`, env.county(c));
    await expectStatus(res, 200, 'consolidated');
    const bytes = (await res.arrayBuffer()).byteLength;
    const consolidateMs = performance.now() - c0;
    const endToEndMs = performance.now() - e0;
    const hostCpuMs = childCpuMs(hostPid) - host0;
    const azuriteCpuMs = childCpuMs(env.azurite.pid) - az0;
    const m = mem.read();
    mem.stop();
    return {
      townships: N,
      organizations: N * ORGS,
      workbook_generation_ms_not_timed_below: Math.round(generateMs),
      upload_total_ms: Math.round(uploadMs),
      upload_throughput_per_s: (N / uploadMs) * 1000,
      upload_p50_ms: pct(lat, 50),
      upload_p95_ms: pct(lat, 95),
      upload_p99_ms: pct(lat, 99),
      upload_p99_target_ms: 300,
      accept_all_ms: Math.round(reviewMs),
      consolidate_download_ms: Math.round(consolidateMs),
      consolidated_kb: Math.round(bytes / 1024),
      end_to_end_ms: Math.round(endToEndMs),
      end_to_end_target_ms: 1000,
      host_process_cpu_ms: Math.round(hostCpuMs),
      host_process_cpu_uploads_ms: Math.round(uploadCpuMs),
      azurite_process_cpu_uploads_ms: Math.round(uploadAzuriteMs),
      azurite_process_cpu_ms: Math.round(azuriteCpuMs),
      host_rss_before_mb: beforeMb,
      host_peak_rss_mb: m.peakRssMb,
      host_vmhwm_mb: m.hwmMb,
      concurrency: width,
      warm_up_rounds: warm,
      measured: 'HTTP via the dev host in its own process, Azurite in another; end_to_end = uploads + one bulk accept of all (the pane’s 全部通过) + consolidated download',
    };
  } finally {
    await env.stop();
  }
}
