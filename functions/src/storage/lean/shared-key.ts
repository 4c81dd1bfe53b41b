// Shared Key authorization, as the SDKs sign (and as test/functions/storage/lean-signing.test.ts
// checks against them request by request):
//   Blob:  SharedKey     over the verb, the standard headers, the x-ms-* headers and the resource
//          (storage-common's storageSharedKeyCredentialPolicy).
//   Table: SharedKeyLite over x-ms-date and the resource (data-tables' tablesNamedKeyCredentialPolicy);
//          the Table service and Azurite accept it, and it is what the table SDK sends.
// The canonicalized resource is "/" + account + the URL's path as sent (so Azurite's path-style
// endpoint signs "/devstoreaccount1/devstoreaccount1/…", as the SDKs sign it).
import { createHmac } from 'node:crypto';

/** Header names are lowercase here; values as sent. */
export type Headers = Record<string, string>;

const h = (headers: Headers, name: string) => headers[name] ?? '';

/**
 * x-ms-* headers sorted by name. The service sorts them with a culture-aware comparer; for names of
 * lowercase letters and '-' (all we send) it orders them as a plain comparison does.
 */
function canonicalizedHeaders(headers: Headers): string {
  return Object.keys(headers)
    .filter((n) => n.startsWith('x-ms-'))
    .sort()
    .map((n) => `${n}:${h(headers, n).trimStart()}\n`)
    .join('');
}

/** "/account/path" then each query parameter as "\nname:value" (names lowercased and sorted, values decoded). */
function blobResource(account: string, path: string, query: string): string {
  const params = query
    .split('&')
    .filter(Boolean)
    .map((p): [string, string] => {
      const eq = p.indexOf('=');
      return eq < 0 ? [p.toLowerCase(), ''] : [p.slice(0, eq).toLowerCase(), decodeURIComponent(p.slice(eq + 1))];
    })
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return `/${account}${path || '/'}${params.map(([k, v]) => `\n${k}:${v}`).join('')}`;
}

/** The Blob service's string to sign; `query` without the '?'. */
export function blobStringToSign(account: string, method: string, path: string, query: string, headers: Headers): string {
  const length = h(headers, 'content-length');
  return [
    method.toUpperCase(),
    h(headers, 'content-encoding'),
    h(headers, 'content-language'),
    // Since version 2015-02-21 an empty body signs as an empty length, not "0".
    length === '0' ? '' : length,
    h(headers, 'content-md5'),
    h(headers, 'content-type'),
    h(headers, 'date'),
    h(headers, 'if-modified-since'),
    h(headers, 'if-match'),
    h(headers, 'if-none-match'),
    h(headers, 'if-unmodified-since'),
    h(headers, 'range'),
  ].join('\n') + '\n' + canonicalizedHeaders(headers) + blobResource(account, path, query);
}

/** The Table service's SharedKeyLite string to sign: the date, then the resource with only ?comp= kept. */
export function tableStringToSign(account: string, path: string, query: string, date: string): string {
  const comp = new URLSearchParams(query).get('comp');
  return `${date}\n/${account}${path || '/'}${comp ? `?comp=${comp}` : ''}`;
}

export function hmac(key: Buffer, text: string): string {
  return createHmac('sha256', key).update(text, 'utf8').digest('base64');
}

export function blobAuthorization(account: string, key: Buffer, method: string, path: string, query: string, headers: Headers): string {
  return `SharedKey ${account}:${hmac(key, blobStringToSign(account, method, path, query, headers))}`;
}

export function tableAuthorization(account: string, key: Buffer, path: string, query: string, date: string): string {
  return `SharedKeyLite ${account}:${hmac(key, tableStringToSign(account, path, query, date))}`;
}
