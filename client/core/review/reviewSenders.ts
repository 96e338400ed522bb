import { type DocId, RoomKind, roomNameOf } from '../../../shared';
import type { ApiClient } from '../api';
import type { Diagnostics } from '../diagnostics';
import { ClientError, ClientErrorCode, hasErrorCode, isFinalRefusal } from '../errors';
import { type Outbox, OutboxOp, type OutboxRowOf, type SendContext } from '../outbox';
import { type SyncOutcome, whenAcknowledged } from '../rooms';
import type { UpdateLogStore } from '../storage';
import type { WorkspaceCache } from '../workspace';

export interface ReviewSendersOptions {
  readonly api: Pick<ApiClient, 'transition' | 'getDoc' | 'mention' | 'markRead'>;
  readonly updates: Pick<UpdateLogStore, 'countUnsent' | 'watchUnsent'>;
  readonly cache: Pick<WorkspaceCache, 'saveServerRecord'>;
  readonly diagnostics: Diagnostics;
  /**
   * Brings a document's unsent content to the server (opening it without an editor if no page
   * has it open): what a queued transition waits for.
   */
  readonly syncContent: (docId: DocId, signal: AbortSignal) => Promise<SyncOutcome>;
}

/**
 * The sync's outcome, or 'synced' as soon as the content has nothing unsent: a sync that is slow
 * to report must not hold the transition once the content is acknowledged.
 */
async function uploadContent(options: ReviewSendersOptions, docId: DocId, signal: AbortSignal): Promise<SyncOutcome> {
  const waiting = new AbortController();
  const stopWaiting = (): void => waiting.abort();
  signal.addEventListener('abort', stopWaiting);
  const acknowledged = whenAcknowledged(options.updates, roomNameOf(docId), { signal: waiting.signal }).then(
    () => 'synced' as const,
    () => 'failed' as const,
  );
  const synced = options.syncContent(docId, signal).catch((err: unknown) => {
    options.diagnostics.report('review.uploadContent', err);
    return 'failed' as const;
  });
  try {
    return await Promise.race([acknowledged, synced]);
  } finally {
    signal.removeEventListener('abort', stopWaiting);
    waiting.abort();
  }
}

/**
 * Waits until the server acknowledged every content update this device made in the document.
 * A transition must not overtake them: a submit freezes the document, and the relay would then
 * refuse the member's last edits. Throws `network` offline, `unsent_changes` otherwise.
 */
async function ensureContentSent(options: ReviewSendersOptions, docId: DocId, signal: AbortSignal): Promise<void> {
  if ((await options.updates.countUnsent(roomNameOf(docId))) === 0) {
    return;
  }
  const outcome = await uploadContent(options, docId, signal);
  if (outcome === 'offline') {
    const message = `Cannot send the changes of document ${docId}: the server cannot be reached`;
    throw new ClientError({ code: ClientErrorCode.network, message });
  }
  // 'synced' with changes left means the relay refused them (the user may only read): the
  // transition goes anyway, and the server decides about it too.
  if (outcome === 'failed') {
    const message = `The changes of document ${docId} could not be sent yet; trying again later`;
    throw new ClientError({ code: ClientErrorCode.unsentChanges, message });
  }
}

async function sendTransition(
  options: ReviewSendersOptions,
  row: OutboxRowOf<'transition'>,
  context: SendContext,
): Promise<void> {
  await ensureContentSent(options, row.docId, context.signal);
  if (!context.claim()) {
    const message = `The ${row.payload.action} of document ${row.docId} was taken back`;
    throw new ClientError({ code: ClientErrorCode.cancelled, message });
  }
  const { action, fromStatus, reason, requestId } = row.payload;
  try {
    const result = await options.api.transition(row.docId, {
      action,
      fromStatus,
      requestId,
      ...(reason === null ? {} : { reason }),
    });
    await options.cache.saveServerRecord(result.record);
  } catch (err) {
    if (hasErrorCode(err, ClientErrorCode.conflict)) {
      // The status moved on: store where it is now, so that the refusal can say so.
      await options.api
        .getDoc(row.docId)
        .then((record) => options.cache.saveServerRecord(record))
        .catch((fetchError: unknown) => options.diagnostics.report('review.refreshAfterConflict', fetchError));
    }
    throw err;
  }
}

/** How long a mention waits for its comment to reach the server before it is retried later. */
const COMMENT_ACK_WAIT_MS = 10_000;

/**
 * The server notifies only for a comment its comments room holds (docs/API.md): a mention waits
 * until the server acknowledged this device's comment changes of the document. If they are not
 * sent in time (offline, a slow link), it fails with `unsent_changes` and the outbox retries later.
 */
async function sendMention(
  options: ReviewSendersOptions,
  row: OutboxRowOf<'mention'>,
  context: SendContext,
): Promise<void> {
  const room = roomNameOf(row.docId, RoomKind.comments);
  if ((await options.updates.countUnsent(room)) > 0) {
    await whenAcknowledged(options.updates, room, { signal: context.signal, timeoutMs: COMMENT_ACK_WAIT_MS });
  }
  await options.api.mention(row.docId, { ...row.payload, userIds: [...row.payload.userIds] });
}

async function sendMarkRead(options: ReviewSendersOptions, row: OutboxRowOf<'markRead'>): Promise<void> {
  try {
    await options.api.markRead({ ids: [...row.payload.ids] });
  } catch (err) {
    if (!isFinalRefusal(err)) {
      throw err;
    }
    // A notification the server no longer has stays read here; nobody needs to hear about it.
    options.diagnostics.report('review.markRead', err);
  }
}

/** Registers how the review's queued operations are sent: transitions, mentions and read marks. */
export function registerReviewSenders(outbox: Outbox, options: ReviewSendersOptions): void {
  outbox.register(OutboxOp.transition, { send: (row, context) => sendTransition(options, row, context) });
  outbox.register(OutboxOp.mention, { send: (row, context) => sendMention(options, row, context) });
  outbox.register(OutboxOp.markRead, { send: (row) => sendMarkRead(options, row) });
}
