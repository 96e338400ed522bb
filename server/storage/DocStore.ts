import type { DocFields, DocId, RoomName, UserId } from '../../shared/index';

/** One stored Yjs update of a room, in the order it was appended. */
export interface StoredUpdate {
  readonly seq: number;
  readonly update: Uint8Array;
  /**
   * The signed-in user whose connection sent it; null for updates stored before authors were
   * recorded, for updates of no connection, and for the merged update of a compaction.
   */
  readonly author: UserId | null;
}

/** An update to append to a room's log, with the user who sent it (null: no connection). */
export interface UpdateToStore {
  readonly room: RoomName;
  readonly update: Uint8Array;
  readonly author?: UserId | null;
}

/**
 * A Yjs client id of a room and the user whose connection first sent structs under it. The relay
 * keeps one owner per client id (RULES.md D6): it is how PermanentUserData mappings are judged,
 * and how any struct of the room, even after compaction, is traced to an account.
 */
export interface ClientOwner {
  readonly room: RoomName;
  readonly clientId: number;
  readonly userId: UserId;
  /** When the first struct under the client id was applied. */
  readonly at: number;
}

/**
 * What the relay knows of a document's content for its record: the title and the fields (基本信息)
 * from the Y.Doc, and when and by whom it last changed. The record itself (group, kind, status) is created by the
 * HTTP API; a summary only updates a registered record and never creates one.
 */
export interface DocumentSummary {
  readonly id: DocId;
  readonly title: string;
  readonly updatedAt: number;
  /** Who sent the last stored change; null keeps the stored value. */
  readonly updatedBy: UserId | null;
  /** The valid fields of the content (documentFields.ts), stored as JSON; absent keeps the stored value. */
  readonly fields?: DocFields;
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
  readonly updates: readonly UpdateToStore[];
  readonly documents: readonly DocumentSummary[];
  readonly authors: readonly AuthorRecord[];
  /** Client ids first seen in this batch's updates; a client id already owned keeps its owner. */
  readonly clientOwners?: readonly ClientOwner[];
}

/**
 * The storage port of the relay. Adapters: SQLite (the embedded default) and memory (tests);
 * PostgreSQL plugs in here for deployments that outgrow one machine.
 */
export interface DocStore {
  /**
   * The stored updates of a room, oldest first; an empty array for a room never written. With
   * `afterSeq`, only those numbered after it (another process's appends, to catch up with): once
   * compacted, the merged update (numbered like the last one it replaced) comes first if it
   * replaced any update after `afterSeq`.
   */
  load(room: RoomName, afterSeq?: number): Promise<StoredUpdate[]>;
  /** The owner of each client id recorded for a room (see ClientOwner); empty when none. */
  loadClientOwners(room: RoomName): Promise<Map<number, UserId>>;
  /**
   * Stores a whole batch in one transaction: all of it or none. Summaries of documents that are
   * not registered are ignored; an author already recorded for a document keeps their first time.
   * Resolves, once durable, with the last sequence number given to each room's updates.
   */
  write(batch: WriteBatch): Promise<Map<RoomName, number>>;
  /**
   * Replaces a room's updates up to and including `throughSeq` by one merged update, in one
   * transaction, keeping later updates. The merged update must contain all replaced ones; it has
   * no author, while the room's client owners are kept.
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
