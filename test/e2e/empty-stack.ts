// A fresh server with empty storage, as `npm start` leaves it on a first run: the real dev host
// serving the built page, Azurite in memory, no campaign, and the county's sign-in link made the
// way `npm start` makes it (localSignIn). Everything else is done through the page.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ensureDist } from '../../functions/dev/addin-dist';
import { startDevHost, type DevHost } from '../../functions/dev/host';
import { localSignIn, openStore, type SignIn } from '../../functions/dev/sign-in';
import type { Store } from '../../functions/src/storage/store';
import { startAzurite } from '../helpers/azurite';

export const EMPTY_SECRET = 'e2e-empty-secret-not-for-production';

export interface EmptyStack {
  url: string;
  /** The county's sign-in, as `npm start` prints it. */
  signIn: SignIn;
  store: Store;
  dir: string;
  /** Writes bytes to a file in the stack's folder (for the page's file inputs). */
  file(name: string, bytes: Uint8Array): string;
  stop(): Promise<void>;
}

export async function startEmptyStack(county = { id: 'qingshan', name: '青山县' }): Promise<EmptyStack> {
  const dist = await ensureDist();
  const azurite = await startAzurite();
  let host: DevHost;
  try {
    host = await startDevHost({ port: 0, connectionString: azurite.connectionString, secret: EMPTY_SECRET, staticDir: dist });
  } catch (e) {
    await azurite.stop();
    throw e;
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'county-day-e2e-'));
  const store = await openStore(azurite.connectionString);
  const signIn = await localSignIn({ store, secret: EMPTY_SECRET, countyId: county.id, countyName: county.name, page: `${host.url}/taskpane.html`, server: host.url, dataDir: dir });
  return {
    url: host.url,
    signIn,
    store,
    dir,
    file(name, bytes) {
      const p = path.join(dir, name);
      fs.writeFileSync(p, bytes);
      return p;
    },
    async stop() {
      await host.close();
      await azurite.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
