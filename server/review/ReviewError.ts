import type { CheckResult } from '../../shared/domain/submitChecks';
import type { Denial } from '../../shared/index';

/** Why a review use case (see transitionDocument) refused a request. */
export const ReviewErrorCode = {
  /** No document with this id is registered. */
  notFound: 'not_found',
  /** `decide()` said no; the error's `denial` says why. */
  forbidden: 'forbidden',
  /** The request contradicts what is stored: the document moved on, or a request id was used for another request. */
  conflict: 'conflict',
  /** A submit failed blocking checks (RULES.md K1-K5): the error's `checks` lists them. */
  checksFailed: 'checks_failed',
} as const;
export type ReviewErrorCode = (typeof ReviewErrorCode)[keyof typeof ReviewErrorCode];

/**
 * The error the review use cases throw on purpose. They know nothing of HTTP: the API's error
 * handler (server/http/answerError.ts) maps each code to an answer. Messages say what failed, on
 * which document, and what to do.
 */
export class ReviewError extends Error {
  override readonly name = 'ReviewError';
  readonly code: ReviewErrorCode;
  /** For forbidden: why `decide()` said no; null otherwise. */
  readonly denial: Denial | null;
  /** For checks_failed: the blocking checks that failed; empty otherwise. */
  readonly checks: readonly CheckResult[];

  constructor(
    code: ReviewErrorCode,
    message: string,
    denial: Denial | null = null,
    checks: readonly CheckResult[] = [],
  ) {
    super(message);
    this.code = code;
    this.denial = denial;
    this.checks = checks;
  }
}
