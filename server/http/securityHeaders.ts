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

/** HSTS for a year, sent only over https: a browser told so over http would ignore it anyway. */
const HSTS = 'max-age=31536000; includeSubDomains';

export interface SecurityHeadersOptions {
  /** Whether the browser reaches this server over https (PUBLIC_URL, or the request itself). */
  readonly isHttps: (c: Context) => boolean;
}

/**
 * The security headers of every answer: the Content-Security-Policy above, `nosniff`, no
 * referrer (links carry invitation secrets), no framing, HSTS over https, and `no-store` on the
 * API, whose answers are one person's (but for the few in CACHEABLE_API_PATHS).
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
  const perRequest: MiddlewareHandler = async (c, next) => {
    await next();
    if (options.isHttps(c)) {
      c.res.headers.set('Strict-Transport-Security', HSTS);
    }
    const isApi = c.req.path.startsWith('/api/') || c.req.path === '/api';
    if (isApi && !CACHEABLE_API_PATHS.has(c.req.path)) {
      c.res.headers.set('Cache-Control', 'no-store');
    }
  };
  return [standard, perRequest];
}
