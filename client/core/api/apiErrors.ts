import { z } from 'zod';
import { type ApiErrorBody, apiErrorSchema } from '../../../shared/api/schemas';
import { type Denial, Denial as Denials } from '../../../shared/domain/permissions';
import { API_ERROR_STATUS, ApiErrorCode } from '../../../shared/errors';
import { ClientError, ClientErrorCode } from '../errors';

const KNOWN_CODES: readonly string[] = Object.values(ApiErrorCode);
const KNOWN_DENIALS: readonly string[] = Object.values(Denials);

function codeOfStatus(status: number): ApiErrorCode {
  const entry = Object.entries(API_ERROR_STATUS).find(([, known]) => known === status);
  return (entry?.[0] as ApiErrorCode | undefined) ?? ApiErrorCode.internal;
}

/**
 * The error of a refused request, from its status and (untrusted) body. A body that is not the
 * API's error shape still gives an error with the status's code and a message naming the request.
 */
export function apiErrorFromAnswer(
  status: number,
  body: unknown,
  request: string,
  retryAfter?: string | null,
): ClientError {
  const parsed = apiErrorSchema.safeParse(body);
  if (!parsed.success) {
    return new ClientError({ status, code: codeOfStatus(status), message: `${request} answered ${status}` });
  }
  const answer: ApiErrorBody = parsed.data;
  const headerSeconds = retryAfter === null || retryAfter === undefined ? Number.NaN : Number(retryAfter);
  return new ClientError({
    status,
    code: KNOWN_CODES.includes(answer.error) ? (answer.error as ApiErrorCode) : codeOfStatus(status),
    message: answer.message,
    field: answer.field,
    denial:
      answer.denial !== undefined && KNOWN_DENIALS.includes(answer.denial) ? (answer.denial as Denial) : undefined,
    problems: answer.problems,
    retryAfterSeconds: answer.retryAfterSeconds ?? (Number.isFinite(headerSeconds) ? headerSeconds : undefined),
    reason: answer.reason ?? quotaReasonOf(answer),
  });
}

/**
 * A refused upload over a quota as one reason, `<quota>:<used>:<limit>` (bytes), for instance
 * `document:102760448:104857600`: kept with an outbox row's failure, worded by the UI.
 */
function quotaReasonOf(answer: ApiErrorBody): string | undefined {
  return answer.quota === undefined ? undefined : `${answer.quota}:${answer.used ?? 0}:${answer.limit ?? 0}`;
}

/** A request body this client refuses to send: the same 400 the server would answer, without the round trip. */
export function apiErrorFromIssues(error: z.ZodError, request: string): ClientError {
  const issue = error.issues[0];
  const field = issue === undefined || issue.path.length === 0 ? undefined : issue.path.join('.');
  const reason = issue?.message ?? 'is invalid';
  return new ClientError({
    status: API_ERROR_STATUS.bad_request,
    code: ClientErrorCode.badRequest,
    message: field === undefined ? `${request}: ${reason}` : `${request}: ${field} ${reason}`,
    field,
  });
}

/** An answer that does not match its schema: named, with the first mismatch, never with the data. */
export function invalidAnswer(status: number, error: z.ZodError, request: string): ClientError {
  return new ClientError({
    status,
    code: ClientErrorCode.invalidResponse,
    message: `${request} answered with an unexpected body (${z.prettifyError(error).split('\n')[0] ?? 'invalid'})`,
  });
}

/** A request that got no answer at all (offline, unreachable server, timeout). */
export function noAnswer(request: string, cause: unknown): ClientError {
  return new ClientError({
    code: ClientErrorCode.network,
    message: `${request} got no answer: the server cannot be reached`,
    cause,
  });
}
