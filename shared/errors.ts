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
  /**
   * A request carrying the session cookie came from a page of another site (its `Origin` header
   * is not this server's, or missing on a state-changing request): refused as cross-site.
   */
  originRefused: 'origin_refused',
  /**
   * The account must change its one-time or reset password first: until then only reading
   * `/api/me`, changing the password and signing out are allowed.
   */
  passwordChangeRequired: 'password_change_required',
  /** The body is not of the media type the route takes (the roster is `text/csv`). */
  unsupportedMediaType: 'unsupported_media_type',
  /** The body is larger than the route takes (an attachment over 10 MiB). */
  payloadTooLarge: 'payload_too_large',
  /**
   * A document file would pass a quota (RULES.md DF4); `quota` says which (`document` or
   * `committee`), `used` and `limit` the bytes it holds and may hold.
   */
  quotaExceeded: 'quota_exceeded',
  /** A submit failed blocking checks (RULES.md K1-K5); `checks` lists them. */
  checksFailed: 'checks_failed',
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
  origin_refused: 403,
  password_change_required: 403,
  unsupported_media_type: 415,
  payload_too_large: 413,
  quota_exceeded: 413,
  checks_failed: 422,
  internal: 500,
};
