import { API_ERROR_STATUS, ApiErrorCode } from '../../../shared';
import type { RosterProblem } from '../../../shared/api/schemas';
import type { Denial } from '../../../shared/domain/permissions';

/**
 * Every failure the client's code reports, by code: the HTTP API's own codes (`shared/errors.ts`,
 * with the answer's status) and the client's. Callers decide by `code`, never by an HTTP status
 * number or a message.
 */
export const ClientErrorCode = {
  ...ApiErrorCode,
  /** An answer did not match its schema: the server and this client disagree on the contract. */
  invalidResponse: 'invalid_response',
  /** A request got no answer: the device is offline, or the server cannot be reached. */
  network: 'network',
  /** This device holds changes the server has not acknowledged (yet); try again once they are sent. */
  unsentChanges: 'unsent_changes',
  /** A document, or the edits a version needs, is not on this device yet. */
  notOnDevice: 'not_on_device',
  /** The user took a queued operation back before it was sent. */
  cancelled: 'cancelled',
  /** A comment that someone else wrote: only its author changes it. */
  notAuthor: 'not_author',
  /** Input the client refuses before anything is sent or stored (an empty comment). */
  invalidInput: 'invalid_input',
  /** The password does not open this device's copy: it is not the one last used to sign in here. */
  wrongPassword: 'wrong_password',
} as const;
export type ClientErrorCode = (typeof ClientErrorCode)[keyof typeof ClientErrorCode];

/** One refused line of a roster import: a code the client words, with its parameters. */
export type ApiProblem = RosterProblem;

export interface ClientErrorInit {
  readonly code: ClientErrorCode;
  readonly message: string;
  /** The HTTP status when the server answered; null otherwise. */
  readonly status?: number | null;
  readonly field?: string | undefined;
  readonly denial?: Denial | undefined;
  readonly problems?: readonly ApiProblem[] | undefined;
  readonly retryAfterSeconds?: number | undefined;
  /** Why the server refused a check-in code (`CheckInRefusal`). */
  readonly reason?: string | undefined;
  readonly cause?: unknown;
}

/**
 * The client's one error type. `code` says what failed; the other fields are there for the codes
 * that carry them: `field` for `bad_request` and `invalid_input`, `denial` for `forbidden` (why
 * `can()` said no), `problems` for a refused roster, `retryAfterSeconds` for `rate_limited`.
 */
export class ClientError extends Error {
  override readonly name = 'ClientError';
  readonly code: ClientErrorCode;
  readonly status: number | null;
  readonly field: string | undefined;
  readonly denial: Denial | undefined;
  readonly problems: readonly ApiProblem[] | undefined;
  readonly retryAfterSeconds: number | undefined;
  readonly reason: string | undefined;

  constructor(init: ClientErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.code = init.code;
    this.status = init.status ?? null;
    this.field = init.field;
    this.denial = init.denial;
    this.problems = init.problems;
    this.retryAfterSeconds = init.retryAfterSeconds;
    this.reason = init.reason;
  }
}

/** Whether `err` is a ClientError with one of `codes`. */
export function hasErrorCode(err: unknown, ...codes: readonly ClientErrorCode[]): err is ClientError {
  return err instanceof ClientError && codes.includes(err.code);
}

/** A refusal of the permission rules, as the server would answer it (403 with the denial). */
export function forbidden(message: string, denial: Denial): ClientError {
  return new ClientError({ code: ClientErrorCode.forbidden, status: API_ERROR_STATUS.forbidden, message, denial });
}

/** Nobody is signed in on this device to do `what`. */
export function signInRequired(what: string): ClientError {
  return new ClientError({
    code: ClientErrorCode.unauthorized,
    status: API_ERROR_STATUS.unauthorized,
    message: `Sign in to ${what}`,
  });
}

/**
 * Whether sending an operation again unchanged cannot help: the server decided about it (not
 * allowed, conflicting, malformed, gone). An ended session (sign in again), a timeout and a rate
 * limit are about timing, not the operation; client failures have no answer at all.
 */
export function isFinalRefusal(err: unknown): boolean {
  return (
    err instanceof ClientError &&
    err.status !== null &&
    err.status >= 400 &&
    err.status < 500 &&
    err.code !== ClientErrorCode.unauthorized &&
    err.code !== ClientErrorCode.rateLimited &&
    err.status !== 408
  );
}

/** Turns anything thrown into an Error, keeping the original as its cause. */
export function toError(err: unknown): Error {
  if (err instanceof Error) {
    return err;
  }
  return new Error(typeof err === 'string' ? err : 'Unknown error', { cause: err });
}
