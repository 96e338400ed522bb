import type { DocId, DocKind, RoomName } from '../../shared/index';

/** One stored Yjs update of a room, in the order it was appended. */
export interface StoredUpdate {
  readonly seq: number;
  readonly update: Uint8Array;
}

/** The title, kind and time of last change of a document, kept for the document list. */
export interface DocumentSummary {
  readonly id: DocId;
  readonly title: string;
  /** The kind from the document's meta map; null while unknown. */
  readonly kind: DocKind | null;
  readonly updatedAt: number;
}

/** Everything one group commit writes: updates of any rooms, and document summaries. */
export interface WriteBatch {
  readonly updates: readonly { readonly room: RoomName; readonly update: Uint8Array }[];
  readonly documents: readonly DocumentSummary[];
}

/**
 * The storage port of the relay. Adapters: SQLite (the embedded default) and memory (tests);
 * PostgreSQL plugs in here for deployments that outgrow one machine.
 */
export interface DocStore {
  /** All stored updates of a room, oldest first; an empty array for a room never written. */
  load(room: RoomName): Promise<StoredUpdate[]>;
  /**
   * Stores a whole batch in one transaction: all of it or none. Resolves, once durable, with the
   * last sequence number given to each room's updates.
   */
  write(batch: WriteBatch): Promise<Map<RoomName, number>>;
  /**
   * Replaces a room's updates up to and including `throughSeq` by one merged update, in one
   * transaction, keeping later updates. The merged update must contain all replaced ones.
   */
  compact(room: RoomName, throughSeq: number, merged: Uint8Array): Promise<void>;
  /** Summaries of all documents, most recently changed first. */
  listDocuments(): Promise<DocumentSummary[]>;
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
