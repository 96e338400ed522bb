import type { MiddlewareHandler } from 'hono';
import { ApiErrorCode } from '../../shared/index';
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

export interface RequireUserOptions {
  /**
   * Whether an account flagged `mustChangePassword` may use the route: only reading `/api/me`,
   * its device key and changing the password are (signing out needs no middleware).
   */
  readonly isAllowedBeforePasswordChange?: boolean;
}

const PASSWORD_CHANGE_FIRST =
  'Change your password first: this account signed in with a one-time or reset password, and until it is changed only POST /api/me/password, GET /api/me and DELETE /api/session are allowed';

/**
 * Middleware for signed-in routes: sets `auth`, or answers 401 saying why; 403
 * `password_change_required` for an account that must change its password first, unless the
 * route is one of the few it may use.
 */
export function requireUser(
  deps: Pick<ApiDeps, 'authenticator' | 'site'>,
  options: RequireUserOptions = {},
): MiddlewareHandler<ApiEnv> {
  const isAllowedBeforeChange = options.isAllowedBeforePasswordChange === true;
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
    if (outcome.context.user.mustChangePassword && !isAllowedBeforeChange) {
      throw new ApiError(ApiErrorCode.passwordChangeRequired, PASSWORD_CHANGE_FIRST);
    }
    c.set('auth', outcome.context);
    await next();
  };
}
