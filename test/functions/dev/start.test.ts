// `npm start` as a user runs it (functions/dev/start.ts, from source): Azurite runs in a process of
// its own, so killing the host (kill -9) loses nothing that was acknowledged; writes are on disk
// before Azurite acknowledges them, so even killing both loses nothing; Ctrl-C stops both.
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { ensureDist } from '../../../functions/dev/addin-dist';
import { accessListSchema, receiptSchema, townshipStatusSchema } from '../../../shared/api/contract';
import { readSignInFragment } from '../../../shared/api/link';
import { filled } from '../filled';
import { campaignBody } from '../stack';

const ROOT = path.resolve(__dirname, '../../..');
const SECRET = 'start-test-secret-0123456789';

interface Running {
  proc: ChildProcess;
  api: string;
  /** The county credential of the sign-in link the banner printed. */
  county: string;
  tablePort: number;
  out: () => string;
  exited: Promise<number | null>;
}

/** Starts the real entry point in its own process group and waits for its banner. */
async function launch(dataDir: string): Promise<Running> {
  const proc = spawn(process.execPath, ['-r', path.join(ROOT, 'test/helpers/ts-register.js'), path.join(ROOT, 'functions/dev/start.ts')], {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, AZURITE_DATA_DIR: dataDir, PORT: '0', ADDIN_PORT: '0', AZURITE_BLOB_PORT: '0', AZURITE_TABLE_PORT: '0', TOKEN_SECRET: SECRET },
  });
  spawned.push(proc);
  let out = '';
  proc.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  proc.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) => proc.once('exit', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    // A start that never finishes fails here with what it printed, rather than hang the suite.
    const timer = setTimeout(() => reject(new Error(`npm start did not come up:\n${out}`)), 90_000);
    proc.stdout?.on('data', () => {
      if (out.includes('按 Ctrl-C 停止。')) {
        clearTimeout(timer);
        resolve();
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`npm start exited (${String(code)}):\n${out}`));
    });
  });
  const api = /API\s+(http:\/\/localhost:\d+\/api)/.exec(out)?.[1];
  const tablePort = Number(/Table http:\/\/127\.0\.0\.1:(\d+)\//.exec(out)?.[1]);
  const link = /(http:\/\/localhost:\d+\/taskpane\.html#\S+)/.exec(out)?.[1];
  const county = link ? readSignInFragment(link.slice(link.indexOf('#'))) : null;
  if (!api || !tablePort || !county) throw new Error(`no URLs or sign-in link in:\n${out}`);
  return { proc, api, county: county.token, tablePort, out: () => out, exited };
}

/** Resolves once nothing listens on the port any more (the Azurite process has gone). */
async function portClosed(port: number): Promise<void> {
  for (;;) {
    const open = await new Promise<boolean>((resolve) => {
      const s = net.connect(port, '127.0.0.1');
      s.once('connect', () => (s.destroy(), resolve(true)));
      s.once('error', () => resolve(false));
    });
    if (!open) return;
    await new Promise((r) => setTimeout(r, 100));
  }
}

const call = (r: Running, method: string, p: string, token: string, body?: { json?: unknown; bytes?: Uint8Array }) =>
  fetch(r.api + p, {
    method,
    headers: { Authorization: `Bearer ${token}`, ...(body?.json !== undefined ? { 'Content-Type': 'application/json' } : {}) },
    ...(body?.json !== undefined ? { body: JSON.stringify(body.json) } : body?.bytes ? { body: new Uint8Array(body.bytes) } : {}),
  });
const versions = async (r: Running) => townshipStatusSchema.parse(await (await call(r, 'GET', '/campaigns/c2026/townships/dongshan/submissions', r.county)).json()).versions.map((v) => v.contentHash);

const dirs: string[] = [];
const spawned: ChildProcess[] = [];
beforeAll(async () => {
  // The add-in build is shared with the browser tests; started here so a launch does not build it.
  await ensureDist();
}, 300_000);
afterAll(async () => {
  // Whatever a failed test left running (each launch is its own process group with its Azurite).
  for (const p of spawned) if (p.exitCode === null && p.signalCode === null && p.pid) process.kill(-p.pid, 'SIGKILL');
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

/** Each test keeps its storage in a folder of its own. */
function freshDir(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'npm-start-'));
  dirs.push(d);
  return d;
}

async function startedWithUpload(dataDir: string, seed: number): Promise<{ r: Running; hash: string }> {
  const r = await launch(dataDir);
  const created = await call(r, 'POST', '/campaigns', r.county, { json: campaignBody() });
  expect(created.status).toBe(201);
  // The township's invitation link, issued by the county as it would be from the page.
  expect((await call(r, 'POST', '/campaigns/c2026/access', r.county, { json: { townships: ['dongshan'] } })).status).toBe(200);
  const access = accessListSchema.parse(await (await call(r, 'GET', '/campaigns/c2026/access', r.county)).json());
  const link = access.townships.find((t) => t.townshipId === 'dongshan')?.link ?? '';
  const township = readSignInFragment(link.slice(link.indexOf('#')))?.token ?? '';
  const wb = await filled({ id: 'dongshan', name: '东山镇' }, { seed, n: 6 });
  const up = await call(r, 'POST', '/campaigns/c2026/townships/dongshan/submissions', township, { bytes: wb.bytes });
  expect(up.status).toBe(201);
  return { r, hash: receiptSchema.parse(await up.json()).contentHash };
}

it('an upload acknowledged with 201 survives kill -9 of the host; Azurite stops cleanly on its own', async () => {
  const dataDir = freshDir();
  const { r, hash } = await startedWithUpload(dataDir, 1);
  r.proc.kill('SIGKILL');
  await r.exited;
  // Its parent gone, the Azurite process saves and exits rather than hold the ports.
  await portClosed(r.tablePort);
  const again = await launch(dataDir);
  expect(await versions(again)).toEqual([hash]);
  process.kill(-(again.proc.pid ?? 0), 'SIGINT');
  await again.exited;
  await portClosed(again.tablePort);
}, 180_000);

it('an upload acknowledged with 201 survives kill -9 of the host and Azurite together', async () => {
  const dataDir = freshDir();
  const { r, hash } = await startedWithUpload(dataDir, 2);
  // The whole process group at once: no chance to save on the way out.
  process.kill(-(r.proc.pid ?? 0), 'SIGKILL');
  await r.exited;
  await portClosed(r.tablePort);
  const again = await launch(dataDir);
  expect(await versions(again)).toEqual([hash]);
  process.kill(-(again.proc.pid ?? 0), 'SIGINT');
  await again.exited;
}, 240_000);

it('the sideloading page on its own port (ADDIN_PORT) may call the API: its origin is allowed and printed', async () => {
  const r = await launch(freshDir());
  const addin = /旁加载\s+(https:\/\/localhost:\d+)\/manifest\.xml/.exec(r.out())?.[1];
  expect(addin).toBeDefined();
  expect(/允许跨域来源\s+(.*)/.exec(r.out())?.[1]).toContain(String(addin));
  const preflight = await fetch(`${r.api}/me`, { method: 'OPTIONS', headers: { Origin: String(addin), 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'authorization' } });
  expect(preflight.headers.get('access-control-allow-origin')).toBe(addin);
  const stray = await fetch(`${r.api}/me`, { method: 'OPTIONS', headers: { Origin: 'https://elsewhere.example', 'Access-Control-Request-Method': 'GET' } });
  expect(stray.headers.get('access-control-allow-origin')).toBeNull();
  process.kill(-(r.proc.pid ?? 0), 'SIGINT');
  await r.exited;
}, 120_000);

it('Ctrl-C stops the host and Azurite and says so', async () => {
  const dataDir = freshDir();
  const r = await launch(dataDir);
  expect(r.out()).toContain(`数据目录 ${dataDir}`);
  process.kill(-(r.proc.pid ?? 0), 'SIGINT');
  expect(await r.exited).toBe(0);
  expect(r.out()).toContain('正在停止…');
  expect(r.out()).toContain('已停止。');
  await portClosed(r.tablePort);
}, 120_000);
