import type { z } from 'zod';

/** Which credential a route asks for; what the person may do is the route's `who`. */
export const Access = {
  /** No credential is read. */
  public: 'public',
  /** Works with a credential or without one (signing out). */
  optional: 'optional',
  /** The session cookie or a Bearer token (a session token or an API token). */
  signedIn: 'signed_in',
  /** Signed in, and allowed to an account that must still change its one-time password. */
  beforePasswordChange: 'before_password_change',
  /** A session only (the cookie, or a session token as Bearer); an API token is refused with 403. */
  session: 'session',
} as const;
export type Access = (typeof Access)[keyof typeof Access];

/** The groups the description lists its operations under. */
export const Tag = {
  service: 'Service',
  account: 'Account',
  workspace: 'Workspace',
  documents: 'Documents',
  review: 'Review',
  notifications: 'Notifications',
  groups: 'Groups',
  people: 'People',
  invitations: 'Invitations',
  tokens: 'Tokens',
  webhooks: 'Webhooks',
  handling: 'Handling',
  activities: 'Activities',
  duty: 'Duty record',
  settings: 'Committee settings',
} as const;
export type Tag = (typeof Tag)[keyof typeof Tag];

/**
 * The methods of the API's operations, in OpenAPI's lower case. A `head` operation is served by
 * the `get` route of its path (Hono answers HEAD with it, without the body).
 */
export type HttpMethod = 'get' | 'head' | 'post' | 'put' | 'patch' | 'delete';

/** The error statuses a route may answer, each with an `apiErrorSchema` body. */
export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 410 | 413 | 415 | 422 | 429;

/** The 403 of a route that asks `can()` (docs/RULES.md): the refusal carries its `denial`. */
export const REFUSED_BY_RULES = 'forbidden: the rules do not allow the caller this; `denial` says why';

/** The success statuses a route may answer. */
export type SuccessStatus = 200 | 201 | 204;

/** A `{name}` of an operation's path. */
export interface PathParamSpec {
  /** The schema the route parses the parameter with (its input side is described). */
  readonly schema: z.ZodType;
  readonly description: string;
}

/** A JSON body validated by `jsonBody(schema)`, or a raw body of another media type. */
export type BodySpec = { readonly schema: z.ZodType } | { readonly mediaType: string; readonly description: string };

/** One success answer of an operation. */
export interface AnswerSpec {
  readonly description: string;
  /** The JSON body; absent for an answer without a body or with a `mediaType` of its own. */
  readonly schema?: z.ZodType;
  /** A body that is not JSON (server-sent events), described in words. */
  readonly mediaType?: string;
}

/** One operation of the HTTP API as the OpenAPI description tells it. */
export interface RouteSpec {
  readonly method: HttpMethod;
  /** The path in OpenAPI's form, `/api/docs/{id}`; Hono registers it as `/api/docs/:id`. */
  readonly path: string;
  /** Unique over the API: what generated clients name the call. */
  readonly operationId: string;
  readonly tag: Tag;
  readonly summary: string;
  /** Who may call it (the action of `can()`, docs/RULES.md) and what else to know. */
  readonly who: string;
  readonly access: Access;
  /** Every `{name}` of the path. */
  readonly params?: Readonly<Record<string, PathParamSpec>>;
  /** The query parameters, each optional; the route parses them with one schema. */
  readonly query?: Readonly<Record<string, PathParamSpec>>;
  readonly body?: BodySpec;
  readonly answers: Readonly<Partial<Record<SuccessStatus, AnswerSpec>>>;
  /**
   * Error answers particular to the route, with when they happen. 400 for a bad body or path
   * parameter, 401 and 403 for the credential and the origin check are added from `access`,
   * `body`, `params` and the method.
   */
  readonly errors?: Readonly<Partial<Record<ErrorStatus, string>>>;
}

/** A route the app registers that is not part of the JSON API, and why it is left out. */
export interface ExcludedRoute {
  /** Upper case, as Hono lists it. */
  readonly method: string;
  /** As Hono registers it. */
  readonly path: string;
  readonly reason: string;
}
