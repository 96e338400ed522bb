import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { ApiErrorCode } from '../../shared/index';
import { type Logger, toError } from '../logger';
import { ReviewError, type ReviewErrorCode } from '../review/ReviewError';
import { WorkspaceConflictError } from '../storage/WorkspaceConflictError';
import { ApiError } from './ApiError';

/** The answer's code for each refusal of a review use case. */
const REVIEW_ERROR_CODES: { readonly [C in ReviewErrorCode]: ApiErrorCode } = {
  not_found: ApiErrorCode.notFound,
  forbidden: ApiErrorCode.forbidden,
  conflict: ApiErrorCode.conflict,
  checks_failed: ApiErrorCode.checksFailed,
};

/** Paths that carry a secret (invitation links) are logged without it. */
export function redactPath(path: string): string {
  return path.replace(/^(\/api\/invitations\/)[^/]+/, '$1…');
}

function conflictOf(error: WorkspaceConflictError): ApiError {
  const taken = error.values.map((value) => `"${value}"`).join(', ');
  const what = error.conflict.replace('_', ' ');
  return ApiError.conflict(`The ${what} ${taken} is already taken: choose another one`);
}

function reviewRefusalOf(error: ReviewError): ApiError {
  return new ApiError(REVIEW_ERROR_CODES[error.code], error.message, {
    ...(error.denial === null ? {} : { denial: error.denial }),
    ...(error.checks.length === 0 ? {} : { checks: error.checks }),
  });
}

/**
 * The API's error handler: the one place where errors become answers. ApiError answers with its
 * code's status; a review use case's refusal and a store conflict with theirs; anything else is
 * logged and answered 500 without details.
 */
export function answerError(thrown: unknown, c: Context, logger: Logger): Response {
  let error: ApiError;
  if (thrown instanceof ApiError) {
    error = thrown;
  } else if (thrown instanceof ReviewError) {
    error = reviewRefusalOf(thrown);
  } else if (thrown instanceof WorkspaceConflictError) {
    error = conflictOf(thrown);
  } else {
    logger.error('request failed', {
      method: c.req.method,
      path: redactPath(c.req.path),
      error: toError(thrown).message,
    });
    error = new ApiError(ApiErrorCode.internal, 'The server failed to answer; try again.');
  }
  const retryAfter = error.details.retryAfterSeconds;
  if (retryAfter !== undefined) {
    c.header('Retry-After', String(retryAfter));
  }
  return c.json(error.toBody(), error.status as ContentfulStatusCode);
}
