import { ApiError } from '../api/ApiError';
import { toError } from '../lib/toError';
import type { OutboxFailure, OutboxRow } from '../storage/JianyanDb';
import type { OutboxProblem, OutboxSummary } from './Outbox';

/**
 * A 4xx answer is the server's decision about this operation (not allowed, conflicting id, bad
 * request): sending it again unchanged cannot help. 408 and 429 are about timing, not the
 * operation, and are retried.
 */
export function isRefusal(err: ApiError): boolean {
  return err.status >= 400 && err.status < 500 && err.status !== 408 && err.status !== 429;
}

function problemOf(row: OutboxRow): OutboxProblem {
  const error = row.lastError;
  return {
    id: String(row.seq),
    message: error?.message ?? `The server refused ${row.op} of document ${row.docId}`,
    docId: row.docId,
    op: row.op,
    status: error?.status ?? 0,
    code: error?.code ?? 'internal',
    denial: error?.denial ?? null,
  };
}

export function sameRows(a: readonly OutboxRow[], b: readonly OutboxRow[]): boolean {
  return (
    a.length === b.length &&
    a.every((row, i) => {
      const other = b[i];
      return (
        other !== undefined &&
        row.seq === other.seq &&
        row.isRefused === other.isRefused &&
        row.attempts === other.attempts
      );
    })
  );
}

/** How a failed send is kept on the row: the server's answer, or what went wrong on the device. */
export function failureOf(err: unknown): OutboxFailure {
  return err instanceof ApiError
    ? { status: err.status, code: err.code, message: err.message, denial: err.denial }
    : { status: 0, code: 'internal', message: toError(err).message };
}

/** The current user's pending operations and refusals. */
export function summarize(rows: readonly OutboxRow[]): OutboxSummary {
  return {
    pending: rows.filter((row) => !row.isRefused).length,
    problems: rows.flatMap((row) => (row.isRefused ? [problemOf(row)] : [])),
  };
}
