/** Error codes the HTTP API answers with, in `{ "error": code, "message": ... }`. */
export const ApiErrorCode = {
  /** The body, a parameter or a file is malformed; `field` names what was wrong. */
  badRequest: 'bad_request',
  /** No valid session or token: sign in (again). */
  unauthorized: 'unauthorized',
  /** Signed in, but not allowed; `denial` says why. */
  forbidden: 'forbidden',
  notFound: 'not_found',
  /** The request contradicts what is stored (a taken username, a document id in another group). */
  conflict: 'conflict',
  /** Too many failed sign-ins; `retryAfterSeconds` says when to try again. */
  rateLimited: 'rate_limited',
  /** The invitation or setup link was used or has expired. */
  gone: 'gone',
  internal: 'internal',
} as const;
export type ApiErrorCode = (typeof ApiErrorCode)[keyof typeof ApiErrorCode];

/** The HTTP status of each error code: the one place they are mapped. */
export const API_ERROR_STATUS: { readonly [C in ApiErrorCode]: number } = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
  gone: 410,
  internal: 500,
};
