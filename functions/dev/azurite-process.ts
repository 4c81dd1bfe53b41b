// The child process `npm start` runs Azurite in (see startAzuriteProcess in azurite.ts): on disk,
// with writes saved before they are acknowledged. It stops cleanly — Azurite's databases saved —
// when the parent asks, on SIGINT (Ctrl-C reaches the whole process group), SIGTERM or SIGHUP,
// and when the parent dies (the IPC channel closes), so no crash of the host can lose storage.
import { startAzuriteServers, type AzuriteOptions, type AzuriteReady, type RunningAzurite } from './azurite';

function send(m: AzuriteReady | { type: 'error'; message: string; code?: string }): void {
  if (process.connected) process.send?.(m);
}

async function start(opts: AzuriteOptions): Promise<{ az: RunningAzurite; fellBack: boolean }> {
  try {
    return { az: await startAzuriteServers(opts), fellBack: false };
  } catch (e) {
    if ((e as { code?: string }).code !== 'EADDRINUSE') throw e;
    return { az: await startAzuriteServers({ ...opts, blobPort: 0, tablePort: 0 }), fellBack: true };
  }
}

async function main(): Promise<void> {
  const opts = JSON.parse(process.argv[2] ?? '{}') as AzuriteOptions;
  const { az, fellBack } = await start(opts);
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await az.stop();
    process.exit(0);
  };
  process.on('message', (m: { type?: string }) => {
    if (m.type === 'stop') void stop();
  });
  process.on('disconnect', () => void stop());
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(sig, () => void stop());
  send({ type: 'ready', connectionString: az.connectionString, blobUrl: az.blobUrl, tableUrl: az.tableUrl, fellBack });
}

main().catch((e: unknown) => {
  send({ type: 'error', message: e instanceof Error ? e.message : String(e), ...((e as { code?: string }).code ? { code: (e as { code: string }).code } : {}) });
  process.exit(1);
});
