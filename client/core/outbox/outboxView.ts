import { ClientError, toError } from '../errors';
import type { OutboxFailure } from '../storage';
import type { OutboxOp, OutboxRow } from './outboxOps';

/** An operation the server refused; the user must see it (and may retry or dismiss it). */
export interface OutboxProblem {
  readonly id: string;
  readonly message: string;
  readonly docId: OutboxRow['docId'];
  readonly op: OutboxOp;
  /** The refusal's code (`conflict`: the document moved on, so trying again cannot help). */
  readonly code: string;
  readonly denial: string | null;
  /** The refusal's reason where the API gives one (a check-in code's `CheckInRefusal`). */
  readonly reason: string | null;
}

export interface OutboxSummary {
  /** Operations waiting to be sent (not refused). */
  readonly pending: number;
  readonly problems: readonly OutboxProblem[];
}

function problemOf(row: OutboxRow): OutboxProblem {
  const error = row.lastError;
  return {
    id: String(row.seq),
    message: error?.message ?? `The server refused ${row.op} of document ${row.docId}`,
    docId: row.docId,
    op: row.op,
    code: error?.code ?? 'internal',
    denial: error?.denial ?? null,
    reason: error?.reason ?? null,
  };
}

/** Whether two lists hold the same rows in the same state (so that nothing is published again). */
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
  return err instanceof ClientError
    ? { status: err.status ?? 0, code: err.code, message: err.message, denial: err.denial, reason: err.reason }
    : { status: 0, code: 'internal', message: toError(err).message };
}

/** The account's pending operations and refusals. */
export function summarize(rows: readonly OutboxRow[]): OutboxSummary {
  return {
    pending: rows.filter((row) => !row.isRefused).length,
    problems: rows.flatMap((row) => (row.isRefused ? [problemOf(row)] : [])),
  };
}
