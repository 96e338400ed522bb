import type { MiddlewareHandler } from 'hono';
import { AuthFailure } from '../auth/Authenticator';
import { readCredential } from '../auth/credentials';
import { ApiError } from './ApiError';
import type { ApiDeps, ApiEnv } from './apiEnv';
import type { SiteAddress } from './SiteAddress';

const MESSAGES: { readonly [F in AuthFailure]: string } = {
  missing: 'Sign in first: this request carries no session cookie and no Bearer token',
  invalid: 'Your session has expired or the token is not valid: sign in again',
  inactive: 'This account has been deactivated: ask the secretariat',
};

/** The credential of an API request: a Bearer header, else the session cookie (never the URL). */
export function requestCredential(
  headers: { header(name: string): string | undefined },
  site: Pick<SiteAddress, 'cookieName'>,
): string | null {
  return readCredential({
    cookie: headers.header('cookie'),
    cookieName: site.cookieName,
    authorization: headers.header('authorization'),
  });
}

/** Middleware for signed-in routes: sets `auth`, or answers 401 saying why. */
export function requireUser(deps: Pick<ApiDeps, 'authenticator' | 'site'>): MiddlewareHandler<ApiEnv> {
  return async function authenticateRequest(c, next) {
    const credential = requestCredential(c.req, deps.site);
    // An Authorization header that yields no token (malformed, oversized) is a bad token, not none.
    const hasHeader = credential === null && c.req.header('authorization') !== undefined;
    const outcome = hasHeader
      ? ({ ok: false, failure: AuthFailure.invalid } as const)
      : await deps.authenticator.check(credential);
    if (!outcome.ok) {
      throw ApiError.unauthorized(MESSAGES[outcome.failure]);
    }
    c.set('auth', outcome.context);
    await next();
  };
}
