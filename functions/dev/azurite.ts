// Azurite Blob + Table servers: in memory on port 0 inside the test or bench process, and on disk
// under a folder in a process of their own for `npm start` (azurite-process.ts; started with
// startAzuriteProcess), so a crash of the host cannot take storage or its last writes with it.
// Development only; never imported by the Functions app.
import { fork } from 'node:child_process';
import * as fs from 'node:fs';
import type * as http from 'node:http';
import * as path from 'node:path';

/* eslint-disable @typescript-eslint/no-require-imports -- azurite ships no typings for these entry points */
const BlobServer = require('azurite/dist/src/blob/BlobServer').default;
const BlobConfiguration = require('azurite/dist/src/blob/BlobConfiguration').default;
const TableServer = require('azurite/dist/src/table/TableServer').default;
const TableConfiguration = require('azurite/dist/src/table/TableConfiguration').default;
/* eslint-enable @typescript-eslint/no-require-imports */

/** LokiJS, which Azurite keeps its metadata in; saveDatabase writes the whole database to its file. */
interface LokiDb {
  saveDatabase(cb: (err?: unknown) => void): void;
}

interface AzuriteServer {
  start(): Promise<void>;
  close(): Promise<void>;
  clean(): Promise<void>;
  getHttpServerAddress(): string;
  // Internals of azurite 3.37.0 (pinned), used only to make on-disk writes durable (below).
  httpServer?: http.Server;
  metadataStore?: { db?: LokiDb };
  extentMetadataStore?: { db?: LokiDb };
}

export const DEV_ACCOUNT = 'devstoreaccount1';
export const DEV_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

export interface AzuriteOptions {
  /** A folder to keep data in; omitted → in memory. */
  location?: string;
  blobPort?: number;
  tablePort?: number;
}

export interface RunningAzurite {
  connectionString: string;
  blobUrl: string;
  tableUrl: string;
  stop(): Promise<void>;
}

const save = (db: LokiDb) => new Promise<void>((resolve, reject) => db.saveDatabase((err) => (err ? reject(err instanceof Error ? err : new Error(String(err))) : resolve())));

/**
 * Azurite keeps its metadata (which blobs exist, every table entity) in LokiJS and writes it to disk
 * every 5 s, so a kill loses what was acknowledged in the last seconds. This holds back the reply
 * to every write until the databases are saved: acknowledged = on disk. Loki coalesces concurrent
 * saves (a save asked for during one runs right after it), so a burst of writes costs few saves.
 */
function saveBeforeReply(server: AzuriteServer): void {
  const dbs = [server.metadataStore?.db, server.extentMetadataStore?.db].filter((d): d is LokiDb => d !== undefined);
  const hs = server.httpServer;
  if (!hs || dbs.length === 0) throw new Error('azurite internals changed: cannot make writes durable (is azurite still 3.37.0?)');
  const listeners = hs.listeners('request');
  hs.removeAllListeners('request');
  hs.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
    if (req.method !== 'GET' && req.method !== 'HEAD' && req.method !== 'OPTIONS') {
      const end = res.end.bind(res);
      res.end = ((...args: Parameters<typeof end>) => {
        Promise.all(dbs.map(save)).then(
          () => end(...args),
          // Not saved: say so rather than acknowledge a write that may be lost.
          () => {
            if (!res.headersSent) res.statusCode = 503;
            end(...args);
          },
        );
        return res;
      }) as typeof res.end;
    }
    for (const l of listeners) (l as (req: http.IncomingMessage, res: http.ServerResponse) => void).call(hs, req, res);
  });
}

export async function startAzuriteServers(opts: AzuriteOptions = {}): Promise<RunningAzurite> {
  const memory = opts.location === undefined;
  const loc = opts.location ?? '';
  if (!memory) fs.mkdirSync(loc, { recursive: true });
  const p = (f: string) => (memory ? f : path.join(loc, f));
  // Positional constructors (azurite 3.37.0): host, port, keepAlive, metadataDB, extentDB, persistence,
  // accessLog, accessLogStream, debugLog, debugLogPath, loose, skipApiVersionCheck, cert, key, pwd,
  // oauth, disableProductStyleUrl, inMemory.
  const blobConfig = new BlobConfiguration(
    '127.0.0.1', opts.blobPort ?? 0, undefined,
    p('__azurite_db_blob__.json'), p('__azurite_db_blob_extent__.json'),
    [{ locationId: 'Default', locationPath: p('__blobstorage__'), maxConcurrency: 10 }],
    false, undefined, false, undefined, true, true, '', '', '', undefined, false, memory,
  );
  const tableConfig = new TableConfiguration(
    '127.0.0.1', opts.tablePort ?? 0, undefined,
    p('__azurite_db_table__.json'),
    false, false, undefined, undefined, true, true, '', '', '', undefined, false, memory,
  );
  const blob: AzuriteServer = new BlobServer(blobConfig);
  const table: AzuriteServer = new TableServer(tableConfig);
  if (!memory) {
    saveBeforeReply(blob);
    saveBeforeReply(table);
  }
  await blob.start();
  try {
    await table.start();
  } catch (e) {
    await blob.close();
    throw e;
  }
  const blobUrl = `${blob.getHttpServerAddress()}/${DEV_ACCOUNT}`;
  const tableUrl = `${table.getHttpServerAddress()}/${DEV_ACCOUNT}`;
  const connectionString =
    `DefaultEndpointsProtocol=http;AccountName=${DEV_ACCOUNT};AccountKey=${DEV_KEY};` +
    `BlobEndpoint=${blobUrl};TableEndpoint=${tableUrl};`;
  let stopped = false;
  return {
    connectionString,
    blobUrl,
    tableUrl,
    async stop() {
      if (stopped) return;
      stopped = true;
      await Promise.allSettled([blob.close(), table.close()]);
      if (memory) await Promise.allSettled([blob.clean(), table.clean()]);
    },
  };
}

/** What azurite-process.ts reports over IPC once it listens. */
export interface AzuriteReady {
  type: 'ready';
  connectionString: string;
  blobUrl: string;
  tableUrl: string;
  /** The asked-for ports were taken and random ones are used. */
  fellBack: boolean;
}

/**
 * Azurite on disk in a child process. It stops (saving) when asked, on SIGINT/SIGTERM/SIGHUP, and
 * when this process disappears (the IPC channel closes), so killing the host leaves storage whole.
 */
export async function startAzuriteProcess(opts: Required<Pick<AzuriteOptions, 'location'>> & AzuriteOptions): Promise<RunningAzurite & { pid: number; fellBack: boolean }> {
  const entry = path.join(__dirname, `azurite-process${path.extname(__filename)}`);
  const child = fork(entry, [JSON.stringify(opts)], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const ready = await new Promise<AzuriteReady>((resolve, reject) => {
    child.once('message', (m: AzuriteReady | { type: 'error'; message: string; code?: string }) => {
      if (m.type === 'ready') resolve(m);
      else reject(Object.assign(new Error(m.message), { code: m.code }));
    });
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`Azurite 进程启动失败（退出码 ${String(code)}）`)));
  });
  // After the start, a send racing the child's own exit (both got Ctrl-C) is not an error.
  child.on('error', () => undefined);
  let stopping: Promise<void> | undefined;
  return {
    pid: child.pid ?? 0,
    fellBack: ready.fellBack,
    connectionString: ready.connectionString,
    blobUrl: ready.blobUrl,
    tableUrl: ready.tableUrl,
    stop() {
      stopping ??= (async () => {
        if (child.exitCode === null && child.signalCode === null) {
          if (child.connected) child.send({ type: 'stop' });
          else child.kill('SIGTERM');
          // Saving a large database takes a moment; a child that hangs is not waited for forever.
          const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
          await exited;
          clearTimeout(timer);
        }
      })();
      return stopping;
    },
  };
}
