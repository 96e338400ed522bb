import type { DocId, RoomName, UserId } from '../../shared/index';

/** One stored Yjs update of a room, in the order it was appended. */
export interface StoredUpdate {
  readonly seq: number;
  readonly update: Uint8Array;
}

/**
 * What the relay knows of a document's content for its record: the title from the Y.Doc, and
 * when and by whom it last changed. The record itself (group, kind, status) is created by the
 * HTTP API; a summary only updates a registered record and never creates one.
 */
export interface DocumentSummary {
  readonly id: DocId;
  readonly title: string;
  readonly updatedAt: number;
  /** Who sent the last stored change; null keeps the stored value. */
  readonly updatedBy: UserId | null;
}

/** A signed-in user whose change to a document's content was stored. */
export interface AuthorRecord {
  readonly docId: DocId;
  readonly userId: UserId;
  /** When the change was applied; kept only for a user's first change to the document. */
  readonly at: number;
}

/** Everything one group commit writes: updates of any rooms, document summaries, authors. */
export interface WriteBatch {
  readonly updates: readonly { readonly room: RoomName; readonly update: Uint8Array }[];
  readonly documents: readonly DocumentSummary[];
  readonly authors: readonly AuthorRecord[];
}

/**
 * The storage port of the relay. Adapters: SQLite (the embedded default) and memory (tests);
 * PostgreSQL plugs in here for deployments that outgrow one machine.
 */
export interface DocStore {
  /** All stored updates of a room, oldest first; an empty array for a room never written. */
  load(room: RoomName): Promise<StoredUpdate[]>;
  /**
   * Stores a whole batch in one transaction: all of it or none. Summaries of documents that are
   * not registered are ignored; an author already recorded for a document keeps their first time.
   * Resolves, once durable, with the last sequence number given to each room's updates.
   */
  write(batch: WriteBatch): Promise<Map<RoomName, number>>;
  /**
   * Replaces a room's updates up to and including `throughSeq` by one merged update, in one
   * transaction, keeping later updates. The merged update must contain all replaced ones.
   */
  compact(room: RoomName, throughSeq: number, merged: Uint8Array): Promise<void>;
  /** Flushes and releases the store; later calls fail. */
  close(): Promise<void>;
}

/** Thrown by a store that is closed or was never opened, instead of silently doing nothing. */
export class StoreClosedError extends Error {
  constructor(operation: string) {
    super(`Cannot ${operation}: the document store is closed`);
    this.name = 'StoreClosedError';
  }
}

/** An empty batch, to spread into writes that carry only some parts. */
export const EMPTY_BATCH: WriteBatch = { updates: [], documents: [], authors: [] };
