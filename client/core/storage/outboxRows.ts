import { z } from 'zod';
import {
  type DocId,
  type GroupId,
  parseDocId,
  parseDocKind,
  parseGroupId,
  parseUserId,
  type UserId,
} from '../../../shared';
import {
  INBOX_PAGE_SIZE,
  MAX_REASON_LENGTH,
  mentionRequestSchema,
  requestIdSchema,
  transitionSchema,
} from '../../../shared/api/review';
import { docStatusSchema } from '../../../shared/api/schemas';
import {
  type JianyanDb,
  type MarkReadPayload,
  type MentionPayload,
  type OutboxFailure,
  OutboxOp,
  type OutboxRow,
  type RegisterDocPayload,
  type TransitionPayload,
} from './JianyanDb';

const transitionPayloadSchema = z.object({
  action: transitionSchema,
  fromStatus: docStatusSchema,
  reason: z.string().max(MAX_REASON_LENGTH).nullable(),
  requestId: requestIdSchema,
});
const markReadPayloadSchema = z.object({ ids: z.array(z.string().min(1).max(64)).min(1).max(INBOX_PAGE_SIZE) });

function isFailure(value: unknown): value is OutboxFailure {
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  const { status, code, message } = value as Record<string, unknown>;
  return typeof status === 'number' && typeof code === 'string' && typeof message === 'string';
}

function registerPayload(payload: unknown, docId: DocId): RegisterDocPayload | null {
  if (typeof payload !== 'object' || payload === null) {
    return null;
  }
  const fields = payload as Record<string, unknown>;
  const kind = parseDocKind(fields.kind);
  const groupId = typeof fields.groupId === 'string' ? parseGroupId(fields.groupId) : null;
  if (fields.id !== docId || kind === null || groupId === null) {
    return null;
  }
  return { id: docId, kind, groupId, title: typeof fields.title === 'string' ? fields.title : '' };
}

type Common = Omit<OutboxRow, 'op' | 'payload'>;

/** The row with its payload checked against its operation; null when either makes no sense. */
function typedRow(common: Common, op: unknown, payload: unknown): OutboxRow | null {
  switch (op) {
    case OutboxOp.registerDoc: {
      const valid = registerPayload(payload, common.docId);
      return valid === null ? null : { ...common, op, payload: valid };
    }
    case OutboxOp.setArchived: {
      const isArchived = (payload as { isArchived?: unknown } | null)?.isArchived;
      return typeof isArchived === 'boolean' ? { ...common, op, payload: { isArchived } } : null;
    }
    case OutboxOp.transition: {
      const parsed = transitionPayloadSchema.safeParse(payload);
      return parsed.success ? { ...common, op, payload: parsed.data satisfies TransitionPayload } : null;
    }
    case OutboxOp.mention: {
      const parsed = mentionRequestSchema.safeParse(payload);
      return parsed.success ? { ...common, op, payload: parsed.data satisfies MentionPayload } : null;
    }
    case OutboxOp.markRead: {
      const parsed = markReadPayloadSchema.safeParse(payload);
      return parsed.success ? { ...common, op, payload: parsed.data satisfies MarkReadPayload } : null;
    }
    default:
      return null;
  }
}

/** Rows read back from IndexedDB are untrusted: a row that does not make sense is skipped, not sent. */
export function toValidOutboxRow(row: OutboxRow): OutboxRow | null {
  const docId = typeof row.docId === 'string' ? parseDocId(row.docId) : null;
  const userId = typeof row.userId === 'string' ? parseUserId(row.userId) : null;
  if (docId === null || userId === null || typeof row.seq !== 'number') {
    return null;
  }
  const common: Common = {
    seq: row.seq,
    docId,
    userId,
    createdAt: typeof row.createdAt === 'number' ? row.createdAt : 0,
    attempts: typeof row.attempts === 'number' ? row.attempts : 0,
    lastError: isFailure(row.lastError) ? row.lastError : null,
    isRefused: row.isRefused === true,
  };
  return typedRow(common, row.op, row.payload);
}

/** Every valid outbox row, oldest first (all users: the caller picks the current one's). */
export async function listOutbox(db: JianyanDb): Promise<OutboxRow[]> {
  const rows = await db.outbox.orderBy('seq').toArray();
  return rows.flatMap((row) => {
    const valid = toValidOutboxRow(row);
    return valid === null ? [] : [valid];
  });
}

/**
 * Queues archiving (or restoring) a document. An earlier archive change of the same document
 * that was not sent yet is replaced: only the last wish counts.
 */
export function enqueueArchive(
  db: JianyanDb,
  input: { readonly docId: DocId; readonly userId: UserId; readonly isArchived: boolean; readonly now?: number },
): Promise<void> {
  return db.transaction('rw', db.outbox, async () => {
    await db.outbox
      .where('docId')
      .equals(input.docId)
      .filter((row) => row.op === OutboxOp.setArchived && row.userId === input.userId)
      .delete();
    await db.outbox.add({
      docId: input.docId,
      userId: input.userId,
      op: OutboxOp.setArchived,
      payload: { isArchived: input.isArchived },
      createdAt: input.now ?? Date.now(),
      attempts: 0,
      lastError: null,
      isRefused: false,
    });
  });
}

/**
 * Queues the registration of a document again (the relay said it is not registered). Nothing
 * happens when one is already queued.
 */
export function enqueueRegistration(
  db: JianyanDb,
  input: { readonly payload: RegisterDocPayload; readonly userId: UserId; readonly now?: number },
): Promise<void> {
  const docId = input.payload.id;
  return db.transaction('rw', db.outbox, async () => {
    const queued = await db.outbox
      .where('docId')
      .equals(docId)
      .filter((row) => row.op === OutboxOp.registerDoc)
      .count();
    if (queued === 0) {
      // Registration goes first: an archive change of this document waits behind it anyway.
      await db.outbox.add({
        docId,
        userId: input.userId,
        op: OutboxOp.registerDoc,
        payload: input.payload,
        createdAt: input.now ?? Date.now(),
        attempts: 0,
        lastError: null,
        isRefused: false,
      });
    }
  });
}

function newRow(docId: DocId, userId: UserId, now: number | undefined) {
  return { docId, userId, createdAt: now ?? Date.now(), attempts: 0, lastError: null, isRefused: false };
}

/**
 * Queues a workflow transition with a request id made now, once: sending the row again after a
 * lost answer does the transition once. The same action still waiting (not refused) for the
 * same document is not queued twice.
 */
export function enqueueTransition(
  db: JianyanDb,
  input: {
    readonly docId: DocId;
    readonly userId: UserId;
    readonly payload: Omit<TransitionPayload, 'requestId'>;
    readonly now?: number;
  },
): Promise<void> {
  return db.transaction('rw', db.outbox, async () => {
    const waiting = await db.outbox
      .where('docId')
      .equals(input.docId)
      .filter(
        (row) =>
          row.op === OutboxOp.transition &&
          row.userId === input.userId &&
          !row.isRefused &&
          row.payload.action === input.payload.action,
      )
      .count();
    if (waiting === 0) {
      const payload: TransitionPayload = { ...input.payload, requestId: crypto.randomUUID() };
      await db.outbox.add({ ...newRow(input.docId, input.userId, input.now), op: OutboxOp.transition, payload });
    }
  });
}

/** Queues the notification of the people a comment mentions. */
export async function enqueueMention(
  db: JianyanDb,
  input: { readonly docId: DocId; readonly userId: UserId; readonly payload: MentionPayload; readonly now?: number },
): Promise<void> {
  await db.outbox.add({
    ...newRow(input.docId, input.userId, input.now),
    op: OutboxOp.mention,
    payload: input.payload,
  });
}

/** Queues telling the server that notifications were read: one row per document, at most a page of ids each. */
export async function enqueueMarkRead(
  db: JianyanDb,
  input: { readonly userId: UserId; readonly byDoc: ReadonlyMap<DocId, readonly string[]>; readonly now?: number },
): Promise<void> {
  const rows: OutboxRow[] = [];
  for (const [docId, ids] of input.byDoc) {
    for (let start = 0; start < ids.length; start += INBOX_PAGE_SIZE) {
      const payload = { ids: ids.slice(start, start + INBOX_PAGE_SIZE) };
      rows.push({ ...newRow(docId, input.userId, input.now), op: OutboxOp.markRead, payload });
    }
  }
  if (rows.length > 0) {
    await db.outbox.bulkAdd(rows);
  }
}

/** The server accepted the operation. */
export async function removeOutboxRow(db: JianyanDb, seq: number): Promise<void> {
  await db.outbox.delete(seq);
}

/** An attempt failed; a refusal (`isRefused`) stops the retries until the user asks again. */
export async function recordOutboxFailure(
  db: JianyanDb,
  seq: number,
  failure: OutboxFailure,
  isRefused: boolean,
): Promise<void> {
  await db.outbox
    .where('seq')
    .equals(seq)
    .modify((row) => {
      Object.assign(row, { attempts: row.attempts + 1, lastError: failure, isRefused });
    });
}

/** Makes a refused operation pending again (the user fixed the cause, for example joined the group). */
export async function retryOutboxRow(db: JianyanDb, seq: number): Promise<void> {
  await db.outbox
    .where('seq')
    .equals(seq)
    .modify((row) => {
      Object.assign(row, { isRefused: false, attempts: 0 });
    });
}

/** The group a document's registration names, for a document whose row has lost it. */
export function groupOfRegistration(rows: readonly OutboxRow[], docId: DocId): GroupId | null {
  for (const row of rows) {
    if (row.docId === docId && row.op === OutboxOp.registerDoc) {
      return row.payload.groupId;
    }
  }
  return null;
}
