import type { Context, MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import { OPENAPI_PATH } from './openapi/routeTable';

/**
 * What the browser may load for the app (docs/API.md, "Security headers"): its own scripts, styles, fonts,
 * images and connections (the API, the relay's websocket, the event stream), no inline script
 * or style, no plugins, and no page of another site may frame it.
 */
const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  fontSrc: ["'self'"],
  connectSrc: ["'self'"],
  workerSrc: ["'self'"],
  manifestSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

/** API answers that hold nobody's data, so they set their own caching: the API's description. */
const CACHEABLE_API_PATHS: ReadonlySet<string> = new Set([OPENAPI_PATH]);

/**
 * Whether an API answer keeps the caching it set itself: a successful answer that declares
 * itself `private` and `immutable` (a document file's bytes, named by their SHA-256, which never
 * change: only this browser keeps them, and never asks twice).
 */
function isPrivateImmutable(response: Response): boolean {
  const own = response.headers.get('Cache-Control') ?? '';
  return response.status === 200 && /\bprivate\b/.test(own) && /\bimmutable\b/.test(own);
}

/** HSTS for a year, sent only over https: a browser told so over http would ignore it anyway. */
const HSTS = 'max-age=31536000; includeSubDomains';

export interface SecurityHeadersOptions {
  /** Whether the browser reaches this server over https (PUBLIC_URL, or the request itself). */
  readonly isHttps: (c: Context) => boolean;
}

/**
 * The security headers of every answer: the Content-Security-Policy above, `nosniff`, no
 * referrer (links carry invitation secrets), no framing, HSTS over https, and `no-store` on the
 * API, whose answers are one person's (but for the few in CACHEABLE_API_PATHS, and the bytes of
 * document files, which the browser alone may keep).
 */
export function securityHeaders(options: SecurityHeadersOptions): MiddlewareHandler[] {
  const standard = secureHeaders({
    contentSecurityPolicy: CONTENT_SECURITY_POLICY,
    referrerPolicy: 'no-referrer',
    xFrameOptions: 'DENY',
    crossOriginOpenerPolicy: 'same-origin',
    crossOriginResourcePolicy: 'same-origin',
    // The reference of XSS filters is the CSP above; the legacy filter is off as advised.
    xXssProtection: '0',
    strictTransportSecurity: false,
    permissionsPolicy: { camera: ['self'], microphone: [], geolocation: [], payment: [], usb: [] },
  });
  // A route's own, stricter policy (a file's bytes: `default-src 'none'; sandbox`) is set before
  // the standard headers overwrite it on the way out, and put back after them.
  const ownPolicies = new WeakMap<Context, string>();
  const keepOwnPolicy: MiddlewareHandler = async (c, next) => {
    await next();
    const own = ownPolicies.get(c);
    if (own !== undefined) {
      c.res.headers.set('Content-Security-Policy', own);
    }
  };
  const perRequest: MiddlewareHandler = async (c, next) => {
    await next();
    const own = c.res.headers.get('Content-Security-Policy');
    if (own !== null) {
      ownPolicies.set(c, own);
    }
    if (options.isHttps(c)) {
      c.res.headers.set('Strict-Transport-Security', HSTS);
    }
    const isApi = c.req.path.startsWith('/api/') || c.req.path === '/api';
    if (isApi && !CACHEABLE_API_PATHS.has(c.req.path) && !isPrivateImmutable(c.res)) {
      c.res.headers.set('Cache-Control', 'no-store');
    }
  };
  return [keepOwnPolicy, standard, perRequest];
}
