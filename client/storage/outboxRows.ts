import {
  type DocId,
  type GroupId,
  parseDocId,
  parseDocKind,
  parseGroupId,
  parseUserId,
  type UserId,
} from '../../shared';
import { type JianyanDb, type OutboxFailure, OutboxOp, type OutboxRow, type RegisterDocPayload } from './JianyanDb';

function isFailure(value: unknown): value is OutboxFailure {
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  const { status, code, message } = value as Record<string, unknown>;
  return typeof status === 'number' && typeof code === 'string' && typeof message === 'string';
}

function validPayload(row: OutboxRow, docId: DocId): OutboxRow['payload'] | null {
  const payload: unknown = row.payload;
  if (typeof payload !== 'object' || payload === null) {
    return null;
  }
  const fields = payload as Record<string, unknown>;
  if (row.op === OutboxOp.setArchived) {
    return typeof fields.isArchived === 'boolean' ? { isArchived: fields.isArchived } : null;
  }
  const kind = parseDocKind(fields.kind);
  const groupId = typeof fields.groupId === 'string' ? parseGroupId(fields.groupId) : null;
  if (fields.id !== docId || kind === null || groupId === null) {
    return null;
  }
  return { id: docId, kind, groupId, title: typeof fields.title === 'string' ? fields.title : '' };
}

/** Rows read back from IndexedDB are untrusted: a row that does not make sense is skipped, not sent. */
export function toValidOutboxRow(row: OutboxRow): OutboxRow | null {
  const docId = typeof row.docId === 'string' ? parseDocId(row.docId) : null;
  const userId = typeof row.userId === 'string' ? parseUserId(row.userId) : null;
  if (docId === null || userId === null || typeof row.seq !== 'number') {
    return null;
  }
  if (row.op !== OutboxOp.registerDoc && row.op !== OutboxOp.setArchived) {
    return null;
  }
  const payload = validPayload(row, docId);
  if (payload === null) {
    return null;
  }
  const common = {
    seq: row.seq,
    docId,
    userId,
    createdAt: typeof row.createdAt === 'number' ? row.createdAt : 0,
    attempts: typeof row.attempts === 'number' ? row.attempts : 0,
    lastError: isFailure(row.lastError) ? row.lastError : null,
    isRefused: row.isRefused === true,
  };
  return row.op === OutboxOp.registerDoc
    ? { ...common, op: row.op, payload: payload as RegisterDocPayload }
    : { ...common, op: row.op, payload: { isArchived: (payload as { isArchived: boolean }).isArchived } };
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
