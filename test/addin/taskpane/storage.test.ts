import { forgetConnection, loadConnection, saveConnection } from '../../../addin/taskpane/host/storage';

describe('connection storage', () => {
  afterEach(() => {
    delete (globalThis as Record<string, unknown>).OfficeRuntime;
  });

  it('prefers OfficeRuntime.storage (shared by the add-in pages) and round-trips', async () => {
    const kept = new Map<string, string>();
    (globalThis as Record<string, unknown>).OfficeRuntime = {
      storage: {
        getItem: async (k: string) => kept.get(k) ?? null,
        setItem: async (k: string, v: string) => void kept.set(k, v),
        removeItem: async (k: string) => void kept.delete(k),
      },
    };
    await saveConnection({ serverUrl: 'http://localhost:7071', token: 'abc.def' });
    expect([...kept.values()][0]).toContain('abc.def');
    await expect(loadConnection()).resolves.toEqual({ serverUrl: 'http://localhost:7071', token: 'abc.def' });
    await forgetConnection();
    await expect(loadConnection()).resolves.toBeNull();
  });

  it('treats a damaged entry as no connection', async () => {
    (globalThis as Record<string, unknown>).OfficeRuntime = {
      storage: { getItem: async () => '{not json', setItem: async () => undefined, removeItem: async () => undefined },
    };
    await expect(loadConnection()).resolves.toBeNull();
  });
});
