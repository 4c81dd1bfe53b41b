// Both storage clients over one in-memory Azurite, its table and container created: where the
// storage tests that hold the lean client to the Azure SDKs start.
import { createAzureStore, type Store } from '../../../functions/src/storage/store';
import { startAzurite } from '../../helpers/azurite';

export interface BothClients {
  lean: Store;
  sdk: Store;
  stop(): Promise<void>;
}

export async function bothClients(): Promise<BothClients> {
  const azurite = await startAzurite();
  const lean = createAzureStore(azurite.connectionString, 'grading', 'grading');
  const sdk = createAzureStore(azurite.connectionString, 'grading', 'grading', 'sdk');
  await lean.init();
  return { lean, sdk, stop: () => azurite.stop() };
}
