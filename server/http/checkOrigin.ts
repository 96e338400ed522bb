import type { MiddlewareHandler } from 'hono';
import { ApiErrorCode } from '../../shared/index';
import { CredentialSource, readPresentedCredential } from '../auth/credentials';
import { ApiError } from './ApiError';
import { factsOfContext, type SiteAddress } from './SiteAddress';

/** The methods that change state; browsers send `Origin` on every one of them, same-origin too. */
const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Refuses cross-site requests that ride on the browser's ambient credential. A state-changing
 * request that carries the session cookie must come with this site's `Origin` (PUBLIC_URL, else
 * the request's own origin); one with a Bearer header is not a browser's ambient credential and
 * is not checked. A request with no credential at all (signing in, joining) is refused only when
 * it names another origin, so that no other site can sign a browser into an account of its choice.
 */
export function checkOrigin(site: SiteAddress): MiddlewareHandler {
  return async function refuseCrossSite(c, next) {
    if (!STATE_CHANGING.has(c.req.method) || c.req.header('authorization') !== undefined) {
      return next();
    }
    const origin = c.req.header('origin');
    const facts = factsOfContext(c);
    const presented = readPresentedCredential({ cookie: c.req.header('cookie'), cookieName: site.cookieName });
    const isCookie = presented?.source === CredentialSource.cookie;
    const isAccepted = site.isAcceptedOrigin(origin, facts);
    if (isCookie ? !isAccepted : origin !== undefined && !isAccepted) {
      const expected = site.originOf(facts);
      const seen = origin === undefined ? 'no Origin header' : `Origin ${origin}`;
      throw new ApiError(
        ApiErrorCode.originRefused,
        `${c.req.method} ${c.req.path} was refused: it came with ${seen}, but this server only accepts requests from pages of ${expected}`,
      );
    }
    return next();
  };
}
