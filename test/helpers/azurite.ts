// In-process Azurite (Blob + Table, in memory, port 0) for any test that needs real storage.
import { startAzuriteServers } from '../../functions/dev/azurite';

export async function startAzurite(): Promise<{ connectionString: string; stop(): Promise<void> }> {
  const a = await startAzuriteServers();
  return { connectionString: a.connectionString, stop: a.stop };
}
