import type { Context } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import type { Session } from '../../shared/api/schemas';
import { SESSION_TTL_MS, startSession } from '../auth/sessions';
import type { UserRecord } from '../storage/AccountStore';
import { toMe } from './answers';
import type { ApiDeps } from './apiEnv';
import { factsOfContext, type SiteAddress } from './SiteAddress';

/** Whether the browser reached us over https: PUBLIC_URL when set, else the request (or a trusted proxy's word). */
function isHttps(c: Context, site: SiteAddress): boolean {
  return site.isHttps(factsOfContext(c));
}

/**
 * Starts a session for `user`, sets the HttpOnly cookie (SameSite=Lax; Secure over https, and
 * named `__Host-…` on an https PUBLIC_URL) and answers what `sessionSchema` describes. The token
 * is in the answer once, for other clients.
 */
export async function signIn(
  c: Context,
  deps: Pick<ApiDeps, 'accounts' | 'now' | 'site'>,
  user: UserRecord,
): Promise<Session> {
  const token = await startSession(deps.accounts, user.id, deps.now());
  setCookie(c, deps.site.cookieName, token, {
    httpOnly: true,
    sameSite: 'Lax',
    path: '/',
    maxAge: Math.floor(SESSION_TTL_MS / 1000),
    secure: isHttps(c, deps.site),
  });
  return { token, user: toMe(user) };
}

/** Clears the session cookie. */
export function clearSessionCookie(c: Context, site: SiteAddress): void {
  deleteCookie(c, site.cookieName, { path: '/', httpOnly: true, sameSite: 'Lax', secure: isHttps(c, site) });
}

/**
 * The origin for links given back (invitations): PUBLIC_URL when set, never the Host header a
 * client may forge; else the request's own origin.
 */
export function requestOrigin(c: Context, site: SiteAddress): string {
  return site.originOf(factsOfContext(c));
}
