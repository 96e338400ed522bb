import { z } from 'zod';
import { ACCOUNT_ROUTES } from './accountRouteSpecs';
import { ACTIVITY_ROUTES } from './activityRouteSpecs';
import { ATTACHMENT_ROUTES } from './attachmentRouteSpecs';
import { COMMITTEE_ROUTES } from './committeeRouteSpecs';
import { DOC_FILE_ROUTES } from './docFileRouteSpecs';
import { DOCUMENT_ROUTES } from './documentRouteSpecs';
import { DUTY_ROUTES } from './dutyRouteSpecs';
import { HANDLING_ROUTES } from './handlingRouteSpecs';
import { Access, type ExcludedRoute, type RouteSpec, Tag } from './RouteSpec';
import { SETTINGS_ROUTES } from './settingsRouteSpecs';
import { WEBHOOK_ROUTES } from './webhookRouteSpecs';

/** Where the description is served. */
export const OPENAPI_PATH = '/api/openapi.json';

const SERVICE_ROUTES: readonly RouteSpec[] = [
  {
    method: 'get',
    path: '/healthz',
    operationId: 'checkHealth',
    tag: Tag.service,
    summary: 'Whether the server answers',
    who: 'Anyone.',
    access: Access.public,
    answers: { 200: { description: 'The server is up', schema: z.object({ ok: z.literal(true) }) } },
  },
  {
    method: 'get',
    path: OPENAPI_PATH,
    operationId: 'getOpenApiDescription',
    tag: Tag.service,
    summary: 'This description of the HTTP API (OpenAPI 3.1)',
    who: 'Anyone: it describes the API and holds no data.',
    access: Access.public,
    answers: {
      200: {
        description: 'The OpenAPI document; cacheable, with an ETag',
        schema: z.looseObject({ openapi: z.string() }),
      },
    },
  },
];

/**
 * Every operation the HTTP API serves, in the order of docs/API.md: the one place that says
 * what each route takes and answers. The OpenAPI description is built from it, and
 * `routeTable.test.ts` checks it against the routes the app registers.
 */
export const ROUTE_TABLE: readonly RouteSpec[] = [
  ...SERVICE_ROUTES,
  ...ACCOUNT_ROUTES,
  ...DOCUMENT_ROUTES,
  ...COMMITTEE_ROUTES,
  ...WEBHOOK_ROUTES,
  ...HANDLING_ROUTES,
  ...ACTIVITY_ROUTES,
  ...DUTY_ROUTES,
  ...ATTACHMENT_ROUTES,
  ...DOC_FILE_ROUTES,
  ...SETTINGS_ROUTES,
];

/** Routes the app registers that are no JSON API operation, so the description leaves them out. */
export const EXCLUDED_ROUTES: readonly ExcludedRoute[] = [
  {
    method: 'GET',
    path: '/sync/:room',
    reason:
      'the y-websocket relay: a websocket upgrade, served before Hono (docs/PROTOCOL.md); a plain GET is answered 426',
  },
  {
    method: 'GET',
    path: '/*',
    reason: 'the built client and its SPA fallback, registered only when the server serves a client',
  },
];
