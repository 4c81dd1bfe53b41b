// The add-in's dist/ is built when missing or older than its sources, so that `npm start` and
// the browser tests work on a clean clone without a separate build step.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from './env';

export const ROOT = repoRoot();
export const DIST = path.join(ROOT, 'dist');

function newest(p: string): number {
  if (!fs.existsSync(p)) return 0;
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let t = 0;
  for (const e of fs.readdirSync(p)) {
    if (e === 'node_modules') continue;
    t = Math.max(t, newest(path.join(p, e)));
  }
  return t;
}

export function distIsStale(): boolean {
  const built = path.join(DIST, 'taskpane.html');
  if (!fs.existsSync(built) || !fs.existsSync(path.join(DIST, 'taskpane.js'))) return true;
  const sources = Math.max(...['addin', 'shared', 'manifest.xml', 'package.json'].map((p) => newest(path.join(ROOT, p))));
  return sources > fs.statSync(built).mtimeMs;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Several jest workers may ask at once: one builds (mkdir is atomic), the others wait for it. */
async function withLock<T>(fn: () => Promise<T>): Promise<T> {
  const lock = path.join(ROOT, '.data', '.dist-build.lock');
  fs.mkdirSync(path.dirname(lock), { recursive: true });
  for (;;) {
    try {
      fs.mkdirSync(lock);
      break;
    } catch {
      // A lock left by a killed run is stale after 10 minutes.
      const age = Date.now() - (fs.statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > 600_000) fs.rmSync(lock, { recursive: true, force: true });
      await sleep(500);
    }
  }
  try {
    return await fn();
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

/** Runs the same build as `npm run build:addin` when needed. */
export async function ensureDist(): Promise<string> {
  if (!distIsStale()) return DIST;
  return withLock(async () => {
    if (distIsStale()) await build();
    return DIST;
  });
}

async function build(): Promise<void> {
  const webpack = path.join(ROOT, 'node_modules', 'webpack-cli', 'bin', 'cli.js');
  await new Promise<void>((resolve, reject) => {
    const out: Buffer[] = [];
    const p = spawn(process.execPath, [webpack, '--config', 'addin/webpack.config.js', '--mode', 'production'], { cwd: ROOT });
    p.stdout.on('data', (d: Buffer) => out.push(d));
    p.stderr.on('data', (d: Buffer) => out.push(d));
    p.on('error', reject);
    p.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`webpack failed (${code}):\n${Buffer.concat(out).toString().slice(-4000)}`))));
  });
}
