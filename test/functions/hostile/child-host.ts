// Runs the dev host in a child Node process without TypeScript in it: the server's sources are
// transpiled (no type check) into a temporary folder first, so the child's RSS is the product's.
import { fork, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ts from 'typescript';

const root = path.resolve(__dirname, '../../..');

function transpileTree(from: string, to: string): void {
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    const src = path.join(from, entry.name);
    if (entry.isDirectory()) transpileTree(src, path.join(to, entry.name));
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') && !entry.name.endsWith('.test.ts')) {
      const out = ts.transpileModule(fs.readFileSync(src, 'utf8'), {
        compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
        fileName: src,
      });
      fs.mkdirSync(to, { recursive: true });
      fs.writeFileSync(path.join(to, entry.name.replace(/\.ts$/, '.js')), out.outputText);
    }
  }
}

export interface ChildHost {
  url: string;
  process: ChildProcess;
  stats(): Promise<{ rss: number; peakRss: number }>;
  stop(): Promise<void>;
}

export async function startChildHost(connectionString: string, secret: string): Promise<ChildHost> {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'hostile-host-'));
  for (const dir of ['shared', 'functions/src', 'functions/dev', 'test/functions/hostile']) transpileTree(path.join(root, dir), path.join(out, dir));
  const child = fork(path.join(out, 'test/functions/hostile/host-child.js'), [], {
    env: { ...process.env, NODE_PATH: path.join(root, 'node_modules'), HOSTILE_STORAGE: connectionString, HOSTILE_SECRET: secret },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`host exited with ${String(code)}`)));
    child.on('message', (m: { type?: string; url?: string }) => {
      if (m.type === 'ready' && m.url) resolve(m.url);
    });
  });
  return {
    url,
    process: child,
    stats: () =>
      new Promise((resolve, reject) => {
        const onMessage = (m: { type?: string; rss?: number; peakRss?: number }) => {
          if (m.type !== 'stats') return;
          child.off('message', onMessage);
          resolve({ rss: m.rss ?? NaN, peakRss: m.peakRss ?? NaN });
        };
        child.on('message', onMessage);
        if (!child.send({ type: 'stats' })) reject(new Error('host is gone'));
      }),
    async stop() {
      if (child.exitCode === null) {
        const gone = new Promise((r) => child.once('exit', r));
        child.kill();
        await gone;
      }
      fs.rmSync(out, { recursive: true, force: true });
    },
  };
}
