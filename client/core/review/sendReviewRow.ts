import type { DocId } from '../../../shared';
import type { TransitionResult } from '../../../shared/api/review';
import type { ApiClient } from '../api/ApiClient';
import { ApiError, NetworkError } from '../api/ApiError';
import { saveServerRecord } from '../storage/docRecords';
import { type JianyanDb, OutboxOp, type OutboxRow } from '../storage/JianyanDb';
import { watchUnsentCount } from '../storage/unsentCount';
import { countUnsent } from '../storage/updateLog';
import type { SyncOutcome } from '../sync/BackgroundSync';

/** The outbox rows of the review: transitions, mentions and read marks. */
export type ReviewOutboxRow = Extract<OutboxRow, { op: 'transition' | 'mention' | 'markRead' }>;

export function isReviewRow(row: OutboxRow): row is ReviewOutboxRow {
  return row.op === OutboxOp.transition || row.op === OutboxOp.mention || row.op === OutboxOp.markRead;
}

export interface ReviewSendOptions {
  readonly api: ApiClient;
  readonly db: JianyanDb;
  /**
   * Brings a document's unsent content to the server (opening it without an editor if no page
   * has it open); absent in tests that never queue content.
   */
  readonly syncDoc?: ((docId: DocId, signal: AbortSignal) => Promise<SyncOutcome>) | undefined;
  readonly signal: AbortSignal;
  /**
   * Called right before a transition's request goes out; false means the user took the row back
   * (撤销) meanwhile: nothing is sent and `TransitionCancelledError` is thrown.
   */
  readonly claim?: (() => boolean) | undefined;
}

/** The user took a queued transition back before its request went out; the row is gone. */
export class TransitionCancelledError extends Error {
  override readonly name = 'TransitionCancelledError';
}

/** The document's content made on this device is not on the server yet; the row waits and is tried again. */
export class ContentNotSentError extends Error {
  override readonly name = 'ContentNotSentError';
}

/**
 * The sync's outcome, or 'synced' as soon as the content has nothing unsent: a sync that brings
 * the comments too (a slow comments document) must not hold the transition once the content is
 * acknowledged.
 */
function syncUntilSent(db: JianyanDb, sync: Promise<SyncOutcome>, docId: DocId): Promise<SyncOutcome> {
  return new Promise((resolve) => {
    let stop: () => void = () => {};
    const finish = (outcome: SyncOutcome): void => {
      stop();
      resolve(outcome);
    };
    stop = watchUnsentCount(db, docId, (count) => {
      if (count === 0) {
        finish('synced');
      }
    });
    sync.then(finish, () => finish('failed'));
  });
}

/**
 * Waits until the server acknowledged every content update this device made in the document.
 * A transition must not overtake them: a submit freezes the document, and the relay would then
 * refuse the member's last edits. Throws NetworkError offline, ContentNotSentError otherwise.
 */
export async function ensureContentSent(options: ReviewSendOptions, docId: DocId): Promise<void> {
  if ((await countUnsent(options.db, docId)) === 0) {
    return;
  }
  if (options.syncDoc === undefined) {
    throw new ContentNotSentError(`Document ${docId} has changes on this device that are not on the server yet`);
  }
  const outcome = await syncUntilSent(options.db, options.syncDoc(docId, options.signal), docId);
  if (outcome === 'offline') {
    throw new NetworkError(`Cannot send the changes of document ${docId}: the server cannot be reached`);
  }
  // 'synced' with changes left means the relay refused them (the user may only read): the
  // transition goes anyway, and the server decides about it too.
  if (outcome === 'failed') {
    throw new ContentNotSentError(`The changes of document ${docId} could not be sent yet; trying again later`);
  }
}

async function sendTransition(
  options: ReviewSendOptions,
  row: Extract<OutboxRow, { op: 'transition' }>,
): Promise<TransitionResult> {
  await ensureContentSent(options, row.docId);
  if (options.claim?.() === false) {
    throw new TransitionCancelledError(`The ${row.payload.action} of document ${row.docId} was taken back`);
  }
  const { action, fromStatus, reason, requestId } = row.payload;
  try {
    return await options.api.transition(row.docId, {
      action,
      fromStatus,
      requestId,
      ...(reason === null ? {} : { reason }),
    });
  } catch (err) {
    if (err instanceof ApiError && err.status === 409) {
      // The status moved on: store where it is now, so that the refusal can say so.
      const record = await options.api.getDoc(row.docId).catch(() => null);
      if (record !== null) {
        await saveServerRecord(options.db, record);
      }
    }
    throw err;
  }
}

/** A 4xx that sending again cannot change (not an ended session, a timeout or a rate limit). */
function isFinalRefusal(status: number): boolean {
  return status >= 400 && status < 500 && status !== 401 && status !== 408 && status !== 429;
}

/**
 * Sends one review row. Resolves with the transition's result (null for the others); throws
 * ApiError or NetworkError like the API client, ContentNotSentError while content waits.
 */
export async function sendReviewRow(
  options: ReviewSendOptions,
  row: ReviewOutboxRow,
): Promise<TransitionResult | null> {
  switch (row.op) {
    case OutboxOp.transition:
      return sendTransition(options, row);
    case OutboxOp.mention:
      await options.api.mention(row.docId, { ...row.payload, userIds: [...row.payload.userIds] });
      return null;
    case OutboxOp.markRead:
      try {
        await options.api.markRead({ ids: [...row.payload.ids] });
      } catch (err) {
        // A notification the server no longer has stays read here; nobody needs to hear about it.
        if (!(err instanceof ApiError && isFinalRefusal(err.status))) {
          throw err;
        }
      }
      return null;
  }
}
