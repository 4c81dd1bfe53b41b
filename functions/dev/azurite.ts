// Azurite Blob + Table servers inside this process: in memory on port 0 for tests and benches,
// on disk under a folder for `npm start`. Development only; never imported by the Functions app.
import * as fs from 'node:fs';
import * as path from 'node:path';

/* eslint-disable @typescript-eslint/no-require-imports -- azurite ships no typings for these entry points */
const BlobServer = require('azurite/dist/src/blob/BlobServer').default;
const BlobConfiguration = require('azurite/dist/src/blob/BlobConfiguration').default;
const TableServer = require('azurite/dist/src/table/TableServer').default;
const TableConfiguration = require('azurite/dist/src/table/TableConfiguration').default;
/* eslint-enable @typescript-eslint/no-require-imports */

interface AzuriteServer {
  start(): Promise<void>;
  close(): Promise<void>;
  clean(): Promise<void>;
  getHttpServerAddress(): string;
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
