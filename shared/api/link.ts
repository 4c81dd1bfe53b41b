// Sign-in and invitation links: the page's address with the server and the credential in the URL
// fragment (`#server=…&token=…`). A fragment never reaches any server's logs, so the token stays
// between the person who got the link and the API it authenticates against. The page reads it
// once, keeps the connection and clears the fragment.

export interface LinkTarget {
  /** The API server, e.g. http://localhost:7071 (the page adds /api as it does for a typed address). */
  server: string;
  token: string;
}

/** page + fragment; any fragment the page URL already had is replaced. */
export function signInLink(page: string, target: LinkTarget): string {
  const base = page.split('#')[0] ?? page;
  return `${base}#server=${encodeURIComponent(target.server)}&token=${encodeURIComponent(target.token)}`;
}

/** The link's fragment (`location.hash`, with or without '#') → server and token, or null. */
export function readSignInFragment(hash: string): LinkTarget | null {
  const h = hash.startsWith('#') ? hash.slice(1) : hash;
  let server = '';
  let token = '';
  for (const part of h.split('&')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const k = part.slice(0, eq);
    let val: string;
    try {
      val = decodeURIComponent(part.slice(eq + 1));
    } catch {
      return null;
    }
    if (k === 'server') server = val;
    else if (k === 'token') token = val;
  }
  return server && token ? { server, token } : null;
}
