import type { ApiErrorBody, RosterProblem } from '../../shared/api/schemas';
import type { CheckResult } from '../../shared/domain/submitChecks';
import { API_ERROR_STATUS, ApiErrorCode, type Denial } from '../../shared/index';
import { ThrottleScope } from '../auth/throttlePolicy';

export interface ApiErrorDetails {
  /** For bad_request: the path of the wrong field, for example `groupIds.1`. */
  readonly field?: string;
  /** For forbidden: why `decide()` said no. */
  readonly denial?: Denial;
  /** For rate_limited: also sent as the Retry-After header. */
  readonly retryAfterSeconds?: number;
  /** For a refused roster: every bad line. */
  readonly problems?: readonly RosterProblem[];
  /** For checks_failed: the blocking checks a submit failed. */
  readonly checks?: readonly CheckResult[];
  /** For a refused check-in code: why (a `CheckInRefusal`), so that the member's device can say it in words. */
  readonly reason?: string;
  /** For quota_exceeded: which quota an upload would pass, its bytes used and its limit. */
  readonly quota?: { readonly which: 'document' | 'committee'; readonly used: number; readonly limit: number };
}

/**
 * The one error the HTTP API throws on purpose. Its code decides the status (API_ERROR_STATUS,
 * the one mapping); the error handler turns it into the `{ error, message, ... }` answer.
 * Messages say what failed and what to do; they never carry tokens or passwords.
 */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly code: ApiErrorCode;
  readonly details: ApiErrorDetails;

  constructor(code: ApiErrorCode, message: string, details: ApiErrorDetails = {}) {
    super(message);
    this.code = code;
    this.details = details;
  }

  get status(): number {
    return API_ERROR_STATUS[this.code];
  }

  /** The answer's body. */
  toBody(): ApiErrorBody {
    const { field, denial, retryAfterSeconds, problems, checks, reason, quota } = this.details;
    return {
      error: this.code,
      message: this.message,
      ...(field === undefined ? {} : { field }),
      ...(denial === undefined ? {} : { denial }),
      ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }),
      ...(problems === undefined ? {} : { problems: [...problems] }),
      ...(checks === undefined ? {} : { checks: [...checks] }),
      ...(reason === undefined ? {} : { reason }),
      ...(quota === undefined ? {} : { quota: quota.which, used: quota.used, limit: quota.limit }),
    };
  }

  static badRequest(message: string, field?: string): ApiError {
    return new ApiError(ApiErrorCode.badRequest, message, field === undefined ? {} : { field });
  }

  static unauthorized(message: string): ApiError {
    return new ApiError(ApiErrorCode.unauthorized, message);
  }

  static forbidden(denial: Denial, message: string): ApiError {
    return new ApiError(ApiErrorCode.forbidden, message, { denial });
  }

  static notFound(message: string): ApiError {
    return new ApiError(ApiErrorCode.notFound, message);
  }

  static conflict(message: string): ApiError {
    return new ApiError(ApiErrorCode.conflict, message);
  }

  static gone(message: string): ApiError {
    return new ApiError(ApiErrorCode.gone, message);
  }

  /** Too many failed sign-ins from the client's address (`address`), or for this username from it (`account`). */
  static rateLimited(retryAfterSeconds: number, scope: ThrottleScope): ApiError {
    const what =
      scope === ThrottleScope.address ? 'from your network address' : 'for this username from your network address';
    const message = `Too many failed sign-ins ${what}: try again in ${retryAfterSeconds} seconds`;
    return new ApiError(ApiErrorCode.rateLimited, message, { retryAfterSeconds });
  }
}
