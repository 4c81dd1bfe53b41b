// The server address and token are kept between openings of the pane. OfficeRuntime.storage is
// shared by the add-in's pages in the shared runtime; a browser keeps them in localStorage.
// Nothing is ever bundled into the page. The campaign a county has open is kept per tab, over a reload.
import type { CampaignMemory } from '../ports';

export interface Connection {
  serverUrl: string;
  token: string;
}

interface KeyValue {
  getItem(key: string): Promise<string | null>;
  setItem(key: string, value: string): Promise<void>;
  removeItem(key: string): Promise<void>;
}

const KEY = 'gradingDesk.connection';

function backend(): KeyValue {
  const runtime = (globalThis as { OfficeRuntime?: { storage?: KeyValue } }).OfficeRuntime;
  if (runtime?.storage) return runtime.storage;
  try {
    const ls = globalThis.localStorage;
    if (ls) {
      return {
        getItem: async (k) => ls.getItem(k),
        setItem: async (k, v) => ls.setItem(k, v),
        removeItem: async (k) => ls.removeItem(k),
      };
    }
  } catch {
    // Storage can be blocked (locked-down browsers): fall through to memory.
  }
  const mem = new Map<string, string>();
  return {
    getItem: async (k) => mem.get(k) ?? null,
    setItem: async (k, v) => void mem.set(k, v),
    removeItem: async (k) => void mem.delete(k),
  };
}

export async function loadConnection(): Promise<Connection | null> {
  try {
    const raw = await backend().getItem(KEY);
    if (!raw) return null;
    const v = JSON.parse(raw) as Partial<Connection>;
    return typeof v.serverUrl === 'string' && typeof v.token === 'string' ? { serverUrl: v.serverUrl, token: v.token } : null;
  } catch {
    return null;
  }
}

export async function saveConnection(c: Connection): Promise<void> {
  await backend().setItem(KEY, JSON.stringify(c));
}

export async function forgetConnection(): Promise<void> {
  await backend().removeItem(KEY);
}

const OPEN_KEY = 'gradingDesk.openCampaign';

/** CampaignMemory in sessionStorage: per tab (two tabs may work on two campaigns), kept over a reload. */
export function tabCampaignMemory(): CampaignMemory {
  const store = (): Storage | null => {
    try {
      return globalThis.sessionStorage ?? null;
    } catch {
      return null;
    }
  };
  return {
    get: () => {
      try {
        return store()?.getItem(OPEN_KEY) ?? null;
      } catch {
        return null;
      }
    },
    set: (id) => {
      try {
        store()?.setItem(OPEN_KEY, id);
      } catch {
        // Blocked storage: a reload lands on the newest campaign, as before.
      }
    },
  };
}
