import type { MiddlewareHandler } from 'hono';
import type { z } from 'zod';
import { ApiError } from './ApiError';
import { MAX_JSON_BODY_BYTES, readBody } from './readBody';

/** JSON only: a form post from another site (which needs no preflight) never reaches a route. */
const JSON_CONTENT_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;

/** The first problem zod found, as an answer naming the field. */
export function fromZodError(error: z.ZodError, what: string): ApiError {
  const issue = error.issues[0];
  if (issue === undefined) {
    return ApiError.badRequest(`The ${what} is not valid`);
  }
  const field = issue.path.map(String).join('.');
  if (field === '') {
    return ApiError.badRequest(`The ${what} is not valid: ${issue.message}`);
  }
  return ApiError.badRequest(`The ${what}'s field ${field} is not valid: ${issue.message}`, field);
}

/** Parses `value` with `schema`, or throws 400 naming the field. */
export function parseWith<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    throw fromZodError(parsed.error, what);
  }
  return parsed.data;
}

async function readJson(request: Request, maxBytes: number): Promise<unknown> {
  if (!JSON_CONTENT_TYPE.test(request.headers.get('content-type') ?? '')) {
    throw ApiError.badRequest('The body must be JSON, sent with Content-Type: application/json');
  }
  const text = new TextDecoder('utf-8', { fatal: false }).decode(await readBody(request, maxBytes));
  try {
    return JSON.parse(text) as unknown;
  } catch (thrown) {
    const reason = thrown instanceof SyntaxError ? thrown.message : 'it cannot be parsed';
    throw ApiError.badRequest(`The body is not valid JSON: ${reason}`);
  }
}

/**
 * The schema each `jsonBody` middleware validates with, so that a test can check the API's
 * description against the schemas the routes really use.
 */
const BODY_SCHEMAS = new WeakMap<object, z.ZodType>();

/** The body schema of a handler made by `jsonBody`; undefined for any other handler. */
export function bodySchemaOf(handler: object): z.ZodType | undefined {
  return BODY_SCHEMAS.get(handler);
}

export interface JsonBodyOptions {
  /** Largest body accepted; MAX_JSON_BODY_BYTES (64 KiB) by default. */
  readonly maxBytes?: number;
}

/**
 * Middleware that reads the JSON body (at most 64 KiB unless `maxBytes` says otherwise),
 * validates it with `schema` and keeps the result for the route as `c.get('body')`. Refuses with
 * 400 naming the field.
 */
export function jsonBody<S extends z.ZodType>(
  schema: S,
  options: JsonBodyOptions = {},
): MiddlewareHandler<{ Variables: { body: z.output<S> } }> {
  const maxBytes = options.maxBytes ?? MAX_JSON_BODY_BYTES;
  const validateJsonBody: MiddlewareHandler<{ Variables: { body: z.output<S> } }> = async (c, next) => {
    c.set('body', parseWith(schema, await readJson(c.req.raw, maxBytes), 'body'));
    await next();
  };
  BODY_SCHEMAS.set(validateJsonBody, schema);
  return validateJsonBody;
}

/** Validates a path parameter with `schema`, or throws 400 naming it. */
export function param<S extends z.ZodType>(schema: S, value: string | undefined, name: string): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw ApiError.badRequest(`The path parameter ${name} is not valid: ${issue?.message ?? 'unknown problem'}`, name);
  }
  return parsed.data;
}
