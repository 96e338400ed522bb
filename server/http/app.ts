import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import type { Logger } from '../logger';
import type { DocStore } from '../storage/DocStore';

export interface AppOptions {
  readonly store: DocStore;
  readonly logger: Logger;
  /** Folder of the built client; null serves no client. */
  readonly staticDir: string | null;
}

/** Paths that belong to the server, never to the client's router. */
const SERVER_PATHS = /^\/(api|sync|healthz)(\/|$)/;
/** Built assets carry a content hash in their names and never change. */
const IMMUTABLE_ASSETS = /\/assets\//;

/** The HTTP API and the static client. The sync route is added by the caller. */
export function createApp(options: AppOptions): Hono {
  const app = new Hono();

  app.get('/healthz', (c) => c.json({ ok: true }));

  app.get('/api/docs', async (c) => {
    const docs = await options.store.listDocuments();
    return c.json({ docs });
  });

  // The websocket upgrade of this path is served by attachSyncUpgrade, before Hono.
  app.get('/sync/:room', (c) =>
    c.json({ error: 'upgrade_required', message: 'GET /sync/:room must be a websocket upgrade' }, 426),
  );

  app.notFound((c) => c.json({ error: 'not_found', message: `No route for ${c.req.method} ${c.req.path}` }, 404));
  app.onError((error, c) => {
    options.logger.error('request failed', { path: c.req.path, error: error.message });
    return c.json({ error: 'internal', message: 'The server failed to answer; try again.' }, 500);
  });

  if (options.staticDir !== null) {
    mountClient(app, options.staticDir);
  }
  return app;
}

function mountClient(app: Hono, root: string): void {
  const onFound = (path: string, c: { header(name: string, value: string): void }): void => {
    c.header('Cache-Control', IMMUTABLE_ASSETS.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache');
  };
  app.get('*', async (c, next) => {
    if (SERVER_PATHS.test(c.req.path)) {
      return next();
    }
    return serveStatic({ root, onFound })(c, next);
  });
  // Client-side routes (for example /d/<id>) get the app shell; paths with a file extension do not.
  app.get('*', async (c, next) => {
    if (SERVER_PATHS.test(c.req.path) || /\.[a-z0-9]+$/i.test(c.req.path)) {
      return next();
    }
    return serveStatic({ root, path: 'index.html', onFound })(c, next);
  });
}
