// The dev host in a process of its own, as `npm start` runs it, so the province bench measures the
// server's own memory and CPU (not the bench's, which holds the 2,000 files it uploads). Started by
// startHostProcess with the storage and secret; answers {url} over IPC when listening and closes
// when the bench asks, or when the bench goes away.
import { fork, type ChildProcess } from 'node:child_process';
import { startDevHost } from '../../functions/dev/host';

export interface HostProcess {
  url: string;
  child: ChildProcess;
  /** The host's own view of its memory (MB): what of its RSS is JavaScript heap. */
  memory(): Promise<{ heapUsedMb: number; heapTotalMb: number; externalMb: number; rssMb: number }>;
  stop(): Promise<void>;
}

/** `nodeArgs` e.g. ['--cpu-prof', '--cpu-prof-dir=…'] to profile the host (BENCH_HOST_NODE_ARGS). */
export function startHostProcess(connectionString: string, secret: string, nodeArgs: string[] = []): Promise<HostProcess> {
  return new Promise((resolve, reject) => {
    const child = fork(__filename, ['--bench-host', JSON.stringify({ connectionString, secret })], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], execArgv: nodeArgs });
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`bench host exited with ${String(code)}`)));
    child.once('message', (m: { url?: string }) => {
      if (!m.url) return reject(new Error('bench host sent no url'));
      resolve({
        url: m.url,
        child,
        memory: () =>
          new Promise((done) => {
            child.once('message', (r: { heapUsedMb: number; heapTotalMb: number; externalMb: number; rssMb: number }) => done(r));
            child.send({ type: 'memory' });
          }),
        stop: () =>
          new Promise<void>((done) => {
            child.removeAllListeners('exit');
            child.once('exit', () => done());
            child.send({ type: 'stop' });
          }),
      });
    });
  });
}

async function main(): Promise<void> {
  const { connectionString, secret } = JSON.parse(process.argv[3] ?? '{}') as { connectionString: string; secret: string };
  const host = await startDevHost({ port: 0, connectionString, secret });
  const stop = async () => {
    await host.close();
    // process.exit, not a drain: --cpu-prof writes its profile on a normal exit.
    process.exit(0);
  };
  process.on('message', (m: { type?: string }) => {
    if (m.type === 'stop') void stop();
    if (m.type === 'memory') {
      const u = process.memoryUsage();
      const mb = (n: number) => n / 1048576;
      process.send?.({ heapUsedMb: mb(u.heapUsed), heapTotalMb: mb(u.heapTotal), externalMb: mb(u.external), rssMb: mb(u.rss) });
    }
  });
  process.on('disconnect', () => void stop());
  process.send?.({ url: host.url });
}

if (process.argv[2] === '--bench-host') {
  main().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
