// Invitation links point at the page the county uses, with this server and the token in the
// fragment. The page passes its own address; it must be on an allowed origin (the server's own,
// PUBLIC_PAGE_URL, CORS_ORIGINS), so a link can never send a township's token to another site.
import type { HttpRequest } from '@azure/functions';
import { signInLink } from '../../../shared/api/link';
import { settings } from '../config';
import { ApiError } from '../http/errors';
import type { CredentialRecord } from '../storage/credentials';
import { tokenFor } from './token';

/** The default when CORS_ORIGINS is not set: the add-in's https host of `npm start` / dev:addin. */
const DEFAULT_CORS = 'https://localhost:3000';

function list(v: string | undefined): string[] {
  return (v ?? '').split(',').map((s) => s.trim()).filter(Boolean);
}

function originOf(u: string): string | null {
  try {
    const url = new URL(u);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : null;
  } catch {
    return null;
  }
}

/** This API's origin as the page should reach it: PUBLIC_API_URL, else the request's own. */
export function serverOrigin(req: HttpRequest): string {
  return originOf(process.env.PUBLIC_API_URL ?? '') ?? new URL(req.url).origin;
}

export function allowedOrigins(req: HttpRequest): string[] {
  const pages = list(process.env.PUBLIC_PAGE_URL).map(originOf);
  const cors = list(process.env.CORS_ORIGINS ?? DEFAULT_CORS).map(originOf);
  return [...new Set([serverOrigin(req), new URL(req.url).origin, ...pages, ...cors].filter((o): o is string => !!o && o !== '*'))];
}

/** The page the links open: the one given (checked), else PUBLIC_PAGE_URL, else this host's taskpane.html. */
export function pageFor(req: HttpRequest, page?: string): string {
  if (!page) {
    const configured = list(process.env.PUBLIC_PAGE_URL)[0];
    return configured ?? `${serverOrigin(req)}/taskpane.html`;
  }
  const origin = originOf(page);
  const allowed = allowedOrigins(req);
  if (!origin || !allowed.includes(origin)) throw new ApiError('PAGE_URL_NOT_ALLOWED', { url: page, allowed: allowed.map((o) => new URL(o).host).join('、') });
  return page.split('#')[0] ?? page;
}

export function linkFor(req: HttpRequest, page: string, r: CredentialRecord): string {
  return signInLink(page, { server: serverOrigin(req), token: tokenFor(r, settings().secret) });
}
