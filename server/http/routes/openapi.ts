import { createHash } from 'node:crypto';
import type { Hono } from 'hono';
import type { ApiDeps, ApiEnv } from '../apiEnv';
import { buildOpenApiDocument } from '../openapi/buildOpenApiDocument';

/**
 * The description changes only with a new server version: a client may keep it for an hour,
 * and after that the ETag makes asking again cost a 304.
 */
const OPENAPI_MAX_AGE_SECONDS = 3600;

/** Whether an If-None-Match header names `etag` (weak or strong), or is `*`. */
function isNotModified(ifNoneMatch: string | undefined, etag: string): boolean {
  if (ifNoneMatch === undefined) {
    return false;
  }
  return ifNoneMatch.split(',').some((tag) => {
    const trimmed = tag.trim();
    return trimmed === '*' || trimmed.replace(/^W\//, '') === etag;
  });
}

/**
 * `GET /api/openapi.json`: the OpenAPI description of this API, built once when the app is made.
 * No sign-in: it describes the routes and holds no data.
 */
export function registerOpenApiRoutes(api: Hono<ApiEnv>, deps: Pick<ApiDeps, 'site'>): void {
  const text = JSON.stringify(buildOpenApiDocument({ cookieName: deps.site.cookieName }));
  const etag = `"${createHash('sha256').update(text).digest('base64url')}"`;
  api.get('/openapi.json', (c) => {
    c.header('Cache-Control', `public, max-age=${OPENAPI_MAX_AGE_SECONDS}`);
    c.header('ETag', etag);
    if (isNotModified(c.req.header('if-none-match'), etag)) {
      return c.body(null, 304);
    }
    return c.body(text, 200, { 'Content-Type': 'application/json; charset=UTF-8' });
  });
}
