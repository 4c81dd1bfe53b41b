// Which connection strings the lean client serves: an account name and key (Shared Key signs every
// request) with endpoints it can derive, as both SDKs read them. Anything else — a SAS, a proxy,
// plain http to a remote host, a string the SDKs would refuse — is null here, and the store falls
// back to the SDKs, so nothing that worked before is lost. Names are read case-insensitively and
// the first of a name wins, as the table SDK reads them.

/** Azurite's well-known development account (the same in every Azurite and in both SDKs). */
const DEV_ACCOUNT = 'devstoreaccount1';
const DEV_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

export interface Account {
  name: string;
  key: Buffer;
  /** Service endpoints without a trailing slash: https://acct.blob.core.windows.net, or Azurite's path style http://127.0.0.1:10000/devstoreaccount1. */
  blobEndpoint: string;
  tableEndpoint: string;
}

/** key=value pairs split at the first '='; names compared case-insensitively, the first one wins. */
function pairs(cs: string): Map<string, string> {
  const m = new Map<string, string>();
  for (const part of cs.split(';')) {
    const p = part.trim();
    const eq = p.indexOf('=');
    if (eq <= 0) continue;
    const k = p.slice(0, eq).trim().toLowerCase();
    if (!m.has(k)) m.set(k, p.slice(eq + 1).trim());
  }
  return m;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * An endpoint the lean client may sign requests for: https anywhere, http only on this machine
 * (Azurite). The table SDK refuses plain http to anything but a local address (the store allowed
 * insecure connections only for local strings), so a remote http endpoint stays with the SDKs.
 */
function endpoint(raw: string): string | null {
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    return null;
  }
  if (u.search || u.hash || u.username || u.password) return null;
  if (u.protocol !== 'https:' && !(u.protocol === 'http:' && LOOPBACK.has(u.hostname))) return null;
  return `${u.protocol}//${u.host}${u.pathname.replace(/\/+$/, '')}`;
}

function base64Key(s: string): Buffer | null {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(s)) return null;
  const key = Buffer.from(s, 'base64');
  return key.length > 0 ? key : null;
}

/** The account and endpoints of a connection string, or null when the SDKs should serve it. */
export function parseConnectionString(cs: string): Account | null {
  const m = pairs(cs);
  if ((m.get('usedevelopmentstorage') ?? '').toLowerCase() === 'true') {
    // A proxy in front of Azurite is the blob SDK's business.
    if (m.has('developmentstorageproxyuri') || m.size > 1) return null;
    return { name: DEV_ACCOUNT, key: Buffer.from(DEV_KEY, 'base64'), blobEndpoint: `http://127.0.0.1:10000/${DEV_ACCOUNT}`, tableEndpoint: `http://127.0.0.1:10002/${DEV_ACCOUNT}` };
  }
  // Both SDKs read a string as an account-key string only when it names the protocol and the key.
  const name = m.get('accountname') ?? '';
  const key = base64Key(m.get('accountkey') ?? '');
  const protocol = (m.get('defaultendpointsprotocol') ?? '').toLowerCase();
  if (!name || !key || !m.has('defaultendpointsprotocol')) return null;
  const suffix = m.get('endpointsuffix') ?? '';
  const derive = (service: 'blob' | 'table'): string | null => {
    const given = m.get(`${service}endpoint`);
    if (given) return endpoint(given);
    if ((protocol !== 'https' && protocol !== 'http') || !suffix) return null;
    return endpoint(`${protocol}://${name}.${service}.${suffix}`);
  };
  const blobEndpoint = derive('blob');
  const tableEndpoint = derive('table');
  if (!blobEndpoint || !tableEndpoint) return null;
  return { name, key, blobEndpoint, tableEndpoint };
}
