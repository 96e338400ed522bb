import type { Context } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import type { Session } from '../../shared/api/schemas';
import { SESSION_COOKIE } from '../auth/credentials';
import { SESSION_TTL_MS, startSession } from '../auth/sessions';
import type { UserRecord } from '../storage/AccountStore';
import { toMe } from './answers';
import type { ApiDeps } from './apiEnv';

/** Whether the browser reached us over https (directly, or through a proxy that says so). */
export function isHttps(c: Context): boolean {
  const forwarded = c.req.header('x-forwarded-proto')?.split(',')[0]?.trim();
  return forwarded === 'https' || new URL(c.req.url).protocol === 'https:';
}

/**
 * Starts a session for `user`, sets the HttpOnly cookie (SameSite=Lax, Secure over https) and
 * answers what `sessionSchema` describes. The token is in the answer once, for other clients.
 */
export async function signIn(c: Context, deps: Pick<ApiDeps, 'accounts' | 'now'>, user: UserRecord): Promise<Session> {
  const token = await startSession(deps.accounts, user.id, deps.now());
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Lax',
    path: '/',
    maxAge: Math.floor(SESSION_TTL_MS / 1000),
    secure: isHttps(c),
  });
  return { token, user: toMe(user) };
}

/** Clears the session cookie. */
export function clearSessionCookie(c: Context): void {
  deleteCookie(c, SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'Lax', secure: isHttps(c) });
}

/** The origin the request reached, for links given back (invitations). */
export function requestOrigin(c: Context): string {
  const url = new URL(c.req.url);
  return isHttps(c) ? `https://${url.host}` : url.origin;
}
