import { serveStatic } from '@hono/node-server/serve-static';
import { Hono, type MiddlewareHandler } from 'hono';
import { compress } from 'hono/compress';
import { ApiError } from './ApiError';
import { answerError } from './answerError';
import type { ApiDeps, ApiEnv } from './apiEnv';
import { checkOrigin } from './checkOrigin';
import { registerActivityRoutes } from './routes/activities';
import { registerAttachmentRoutes } from './routes/attachments';
import { registerCommitteeRoutes } from './routes/committee';
import { registerCommitteeSettingsRoutes } from './routes/committeeSettings';
import { registerCosignerRoutes } from './routes/cosigners';
import { registerDeviceKeyRoutes } from './routes/deviceKey';
import { registerDocFileRoutes } from './routes/docFiles';
import { registerDocRoutes } from './routes/docs';
import { registerDutyRoutes } from './routes/duty';
import { registerDutyExportRoutes } from './routes/dutyExports';
import { registerDutyMemberRoutes } from './routes/dutyMembers';
import { registerDutyOfficeRoutes } from './routes/dutyOffice';
import { registerFiguresRoutes } from './routes/figures';
import { registerGroupRoutes } from './routes/groups';
import { registerHandlingRoutes } from './routes/handling';
import { registerInvitationRoutes } from './routes/invitations';
import { registerMentionRoutes } from './routes/mentions';
import { registerNotificationRoutes } from './routes/notifications';
import { registerOpenApiRoutes } from './routes/openapi';
import { registerPeopleRoutes } from './routes/people';
import { registerRosterRoutes } from './routes/roster';
import { registerSessionRoutes } from './routes/session';
import { registerSetupRoutes } from './routes/setup';
import { registerStreamRoutes } from './routes/stream';
import { registerTokenRoutes } from './routes/tokens';
import { registerTransitionRoutes } from './routes/transitions';
import { registerVersionRoutes } from './routes/versions';
import { registerWebhookRoutes } from './routes/webhooks';
import { registerWorkspaceRoutes } from './routes/workspace';
import { factsOfContext } from './SiteAddress';
import { securityHeaders } from './securityHeaders';

export interface AppOptions {
  /** Everything the API routes need. */
  readonly api: ApiDeps;
  /** Folder of the built client; null serves no client. */
  readonly staticDir: string | null;
}

/** Paths that belong to the server, never to the client's router. */
const SERVER_PATHS = /^\/(api|sync|healthz)(\/|$)/;
/** Built assets carry a content hash in their names and never change. */
const IMMUTABLE_ASSETS = /\/assets\//;

/** The routes of docs/API.md under /api; each file registers one area. */
function createApi(deps: ApiDeps): Hono<ApiEnv> {
  const api = new Hono<ApiEnv>();
  registerSetupRoutes(api, deps);
  registerSessionRoutes(api, deps);
  registerDeviceKeyRoutes(api, deps);
  registerWorkspaceRoutes(api, deps);
  registerDocRoutes(api, deps);
  registerTransitionRoutes(api, deps);
  registerVersionRoutes(api, deps);
  registerCosignerRoutes(api, deps);
  registerMentionRoutes(api, deps);
  registerNotificationRoutes(api, deps);
  registerStreamRoutes(api, deps);
  registerGroupRoutes(api, deps);
  registerPeopleRoutes(api, deps);
  registerInvitationRoutes(api, deps);
  registerTokenRoutes(api, deps);
  registerRosterRoutes(api, deps);
  registerWebhookRoutes(api, deps);
  registerCommitteeRoutes(api, deps);
  registerHandlingRoutes(api, deps);
  registerActivityRoutes(api, deps);
  registerDutyRoutes(api, deps);
  registerDutyMemberRoutes(api, deps);
  registerDutyOfficeRoutes(api, deps);
  registerDutyExportRoutes(api, deps);
  registerFiguresRoutes(api, deps);
  registerAttachmentRoutes(api, deps);
  registerDocFileRoutes(api, deps);
  registerCommitteeSettingsRoutes(api, deps);
  registerOpenApiRoutes(api, deps);
  return api;
}

/** The HTTP API and the static client. The sync route is added by the caller. */
export function createApp(options: AppOptions): Hono {
  const app = new Hono();
  app.use(...securityHeaders({ isHttps: (c) => options.api.site.isHttps(factsOfContext(c)) }));

  app.get('/healthz', (c) => c.json({ ok: true }));
  app.use('/api/*', checkOrigin(options.api.site));
  // JSON answers of a kilobyte or more go gzip-compressed to whoever accepts it; the event stream never.
  app.use('/api/*', compress({ threshold: 1024, contentTypeFilter: /^application\/json/ }));
  app.use('/api/*', jsonLength);
  app.route('/api', createApi(options.api));

  // The websocket upgrade of this path is served by attachSyncUpgrade, before Hono.
  app.get('/sync/:room', (c) =>
    c.json({ error: 'upgrade_required', message: 'GET /sync/:room must be a websocket upgrade' }, 426),
  );

  app.notFound((c) =>
    answerError(ApiError.notFound(`No route for ${c.req.method} ${c.req.path}`), c, options.api.logger),
  );
  app.onError((error, c) => answerError(error, c, options.api.logger));

  if (options.staticDir !== null) {
    mountClient(app, options.staticDir);
  }
  return app;
}

/**
 * Gives a JSON answer its Content-Length, which `compress` reads to leave a small answer as it is
 * (an answer made with `c.json` has none). JSON answers are whole in memory already.
 */
const jsonLength: MiddlewareHandler = async (c, next) => {
  await next();
  const type = c.res.headers.get('Content-Type') ?? '';
  if (!c.res.headers.has('Content-Length') && type.startsWith('application/json') && c.res.body !== null) {
    const body = await c.res.arrayBuffer();
    c.res = new Response(body, c.res);
    c.res.headers.set('Content-Length', String(body.byteLength));
  }
};

function mountClient(app: Hono, root: string): void {
  const onFound = (path: string, c: { header(name: string, value: string): void }): void => {
    c.header('Cache-Control', IMMUTABLE_ASSETS.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache');
  };
  app.get('*', async (c, next) => {
    if (SERVER_PATHS.test(c.req.path)) {
      return next();
    }
    return serveStatic({ root, onFound, precompressed: true })(c, next);
  });
  // Client-side routes (for example /d/<id>, /join/<token>) get the app shell; paths with a file extension do not.
  app.get('*', async (c, next) => {
    if (SERVER_PATHS.test(c.req.path) || /\.[a-z0-9]+$/i.test(c.req.path)) {
      return next();
    }
    return serveStatic({ root, path: 'index.html', onFound, precompressed: true })(c, next);
  });
}
