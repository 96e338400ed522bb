import { z } from 'zod';
import { type ApiErrorBody, apiErrorSchema } from '../../../shared/api/schemas';
import { type Denial, Denial as Denials } from '../../../shared/domain/permissions';
import { API_ERROR_STATUS, ApiErrorCode } from '../../../shared/errors';

/** One refused line of a roster import. */
export interface ApiProblem {
  readonly line: number;
  readonly message: string;
}

/**
 * What the client may see as an error code: the API's own codes, plus `invalid_response` when an
 * answer does not match its schema (the server and this client disagree on the contract).
 */
export type ApiErrorKind = ApiErrorCode | 'invalid_response';

export interface ApiErrorInit {
  readonly status: number;
  readonly code: ApiErrorKind;
  readonly message: string;
  readonly field?: string | undefined;
  readonly denial?: Denial | undefined;
  readonly problems?: readonly ApiProblem[] | undefined;
  readonly retryAfterSeconds?: number | undefined;
}

/** The server answered, and refused: the answer's `{ error, message, ... }` body, typed. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly status: number;
  readonly code: ApiErrorKind;
  /** For `bad_request`: the path of the wrong field, for example `groupIds.1`. */
  readonly field: string | undefined;
  /** For `forbidden`: why `can()` said no. */
  readonly denial: Denial | undefined;
  /** For a refused roster: every bad line. */
  readonly problems: readonly ApiProblem[] | undefined;
  /** For `rate_limited`: when to try again. */
  readonly retryAfterSeconds: number | undefined;

  constructor(init: ApiErrorInit) {
    super(init.message);
    this.status = init.status;
    this.code = init.code;
    this.field = init.field;
    this.denial = init.denial;
    this.problems = init.problems;
    this.retryAfterSeconds = init.retryAfterSeconds;
  }
}

/** The request never got an answer: the device is offline, or the server cannot be reached. */
export class NetworkError extends Error {
  override readonly name = 'NetworkError';
}

const KNOWN_CODES: readonly string[] = Object.values(ApiErrorCode);
const KNOWN_DENIALS: readonly string[] = Object.values(Denials);

function codeOfStatus(status: number): ApiErrorCode {
  const entry = Object.entries(API_ERROR_STATUS).find(([, known]) => known === status);
  return (entry?.[0] as ApiErrorCode | undefined) ?? ApiErrorCode.internal;
}

/**
 * Builds the error of a refused request from its status and (untrusted) body. A body that is not
 * the API's error shape still gives an error with the status's code and a message naming the
 * request.
 */
export function apiErrorFromAnswer(status: number, body: unknown, request: string, retryAfter?: string | null) {
  const parsed = apiErrorSchema.safeParse(body);
  if (!parsed.success) {
    return new ApiError({ status, code: codeOfStatus(status), message: `${request} answered ${status}` });
  }
  const answer: ApiErrorBody = parsed.data;
  const headerSeconds = retryAfter === null || retryAfter === undefined ? Number.NaN : Number(retryAfter);
  return new ApiError({
    status,
    code: KNOWN_CODES.includes(answer.error) ? (answer.error as ApiErrorCode) : codeOfStatus(status),
    message: answer.message,
    field: answer.field,
    denial:
      answer.denial !== undefined && KNOWN_DENIALS.includes(answer.denial) ? (answer.denial as Denial) : undefined,
    problems: answer.problems,
    retryAfterSeconds: answer.retryAfterSeconds ?? (Number.isFinite(headerSeconds) ? headerSeconds : undefined),
  });
}

/** A request body this client refuses to send: the same 400 the server would answer, without the round trip. */
export function apiErrorFromIssues(error: z.ZodError, request: string): ApiError {
  const issue = error.issues[0];
  const field = issue === undefined || issue.path.length === 0 ? undefined : issue.path.join('.');
  const reason = issue?.message ?? 'is invalid';
  return new ApiError({
    status: API_ERROR_STATUS.bad_request,
    code: ApiErrorCode.badRequest,
    message: field === undefined ? `${request}: ${reason}` : `${request}: ${field} ${reason}`,
    field,
  });
}

/** An answer that does not match its schema: named, with the first mismatch, never with the data. */
export function invalidAnswer(status: number, error: z.ZodError, request: string): ApiError {
  return new ApiError({
    status,
    code: 'invalid_response',
    message: `${request} answered with an unexpected body (${z.prettifyError(error).split('\n')[0] ?? 'invalid'})`,
  });
}

/** Whether `err` says that the session is gone (expired, revoked, signed out elsewhere). */
export function isUnauthorized(err: unknown): boolean {
  return err instanceof ApiError && err.status === API_ERROR_STATUS.unauthorized;
}
