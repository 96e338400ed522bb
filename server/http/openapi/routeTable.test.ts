import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { ApiDeps } from '../apiEnv';
import { createApp } from '../app';
import { SiteAddress } from '../SiteAddress';
import { bodySchemaOf } from '../validate';
import { EXCLUDED_ROUTES, ROUTE_TABLE } from './routeTable';

/** `GET /api/docs/:id` and `GET /api/docs/{id}` alike: the names of path parameters do not travel. */
function routeKey(method: string, path: string): string {
  return `${method.toUpperCase()} ${path.replace(/:[A-Za-z0-9_]+|\{[A-Za-z0-9_]+\}/g, '{}')}`;
}

/** What the app registers: each route's key and the body schemas its `jsonBody` handlers use. */
function registeredRoutes(): Map<string, z.ZodType[]> {
  const site = new SiteAddress({ publicOrigin: null, trustedProxies: [] });
  // Registering routes reads nothing of the dependencies but the site; the routes never run here.
  const app = createApp({ api: { site } as unknown as ApiDeps, staticDir: '/nonexistent-client' });
  const routes = new Map<string, z.ZodType[]>();
  for (const route of app.routes) {
    // Middleware (`app.use`) is listed with the method ALL; no route is registered with it.
    if (route.method === 'ALL') {
      continue;
    }
    const key = routeKey(route.method, route.path);
    const schemas = routes.get(key) ?? [];
    const schema = bodySchemaOf(route.handler);
    routes.set(key, schema === undefined ? schemas : [...schemas, schema]);
  }
  return routes;
}

describe('the route table', () => {
  const registered = registeredRoutes();
  const described = new Map(ROUTE_TABLE.map((route) => [routeKey(route.method, route.path), route]));
  const excluded = new Set(EXCLUDED_ROUTES.map((route) => routeKey(route.method, route.path)));

  it('describes every route the app registers, but those excluded with a reason', () => {
    const missing = [...registered.keys()].filter((key) => !described.has(key) && !excluded.has(key));
    expect(missing, 'routes the app registers that the OpenAPI description misses').toEqual([]);
  });

  it('describes no route the app does not register', () => {
    // A HEAD operation is served by the GET route of its path.
    const extra = [...described.entries()]
      .filter(([key, route]) => !registered.has(route.method === 'head' ? routeKey('get', route.path) : key))
      .map(([key]) => key);
    expect(extra, 'routes described that the app does not register').toEqual([]);
    const staleExclusions = [...excluded].filter((key) => !registered.has(key));
    expect(staleExclusions, 'routes excluded that the app does not register').toEqual([]);
  });

  it('describes each operation once', () => {
    expect(described.size).toBe(ROUTE_TABLE.length);
  });

  it('gives each JSON body the very schema the route validates it with', () => {
    const mismatched: string[] = [];
    for (const [key, schemas] of registered) {
      const body = described.get(key)?.body;
      const describedSchema = body !== undefined && 'schema' in body ? body.schema : undefined;
      const validated = schemas[0];
      if (schemas.length > 1 || validated !== describedSchema) {
        mismatched.push(key);
      }
    }
    expect(mismatched, 'routes whose described body is not the schema of their jsonBody').toEqual([]);
  });
});
