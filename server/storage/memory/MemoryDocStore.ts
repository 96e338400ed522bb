import type { DocId, RoomName, UserId } from '../../../shared/index';
import { type DocStore, type DocumentSummary, StoreClosedError, type StoredUpdate, type WriteBatch } from '../DocStore';

/** What a store keeps of a document's record: the summary's fields and each author's first change. */
export interface StoredDocumentRecord {
  readonly title: string;
  readonly updatedAt: number;
  readonly updatedBy: UserId | null;
  /** Authors in the order of their first stored change, with its time. */
  readonly authors: readonly { readonly userId: UserId; readonly firstAt: number }[];
}

/** A store that keeps everything in memory: for tests, and as the reference for the contract. */
export class MemoryDocStore implements DocStore {
  readonly #rooms = new Map<RoomName, StoredUpdate[]>();
  readonly #documents = new Map<DocId, DocumentSummary>();
  readonly #authors = new Map<DocId, Map<UserId, number>>();
  readonly #clientOwners = new Map<RoomName, Map<number, UserId>>();
  #nextSeq = 1;
  #isClosed = false;

  /** Creates a document's record, as the HTTP API does in the real database. */
  registerDocument(id: DocId, createdAt = Date.now()): void {
    if (!this.#documents.has(id)) {
      this.#documents.set(id, { id, title: '', updatedAt: createdAt, updatedBy: null });
    }
  }

  /** A registered document's record as stored; null when it is not registered. */
  readDocument(id: DocId): StoredDocumentRecord | null {
    const summary = this.#documents.get(id);
    if (summary === undefined) {
      return null;
    }
    const authors = [...(this.#authors.get(id) ?? new Map<UserId, number>())].map(([userId, firstAt]) => ({
      userId,
      firstAt,
    }));
    return { title: summary.title, updatedAt: summary.updatedAt, updatedBy: summary.updatedBy, authors };
  }

  load(room: RoomName, afterSeq = 0): Promise<StoredUpdate[]> {
    this.#assertOpen('load a document');
    return Promise.resolve((this.#rooms.get(room) ?? []).filter((entry) => entry.seq > afterSeq));
  }

  loadClientOwners(room: RoomName): Promise<Map<number, UserId>> {
    this.#assertOpen('load client owners');
    return Promise.resolve(new Map(this.#clientOwners.get(room) ?? []));
  }

  write(batch: WriteBatch): Promise<Map<RoomName, number>> {
    this.#assertOpen('store updates');
    const lastSeq = new Map<RoomName, number>();
    for (const { room, update, author } of batch.updates) {
      const seq = this.#nextSeq++;
      const log = this.#rooms.get(room) ?? [];
      log.push({ seq, update: update.slice(), author: author ?? null });
      this.#rooms.set(room, log);
      lastSeq.set(room, seq);
    }
    for (const doc of batch.documents) {
      const stored = this.#documents.get(doc.id);
      if (stored !== undefined) {
        this.#documents.set(doc.id, {
          ...doc,
          updatedBy: doc.updatedBy ?? stored.updatedBy,
          fields: doc.fields ?? stored.fields ?? {},
        });
      }
    }
    for (const { docId, userId, at } of batch.authors) {
      const authors = this.#authors.get(docId) ?? new Map<UserId, number>();
      if (!authors.has(userId)) {
        authors.set(userId, at);
      }
      this.#authors.set(docId, authors);
    }
    for (const { room, clientId, userId } of batch.clientOwners ?? []) {
      const owners = this.#clientOwners.get(room) ?? new Map<number, UserId>();
      if (!owners.has(clientId)) {
        owners.set(clientId, userId);
      }
      this.#clientOwners.set(room, owners);
    }
    return Promise.resolve(lastSeq);
  }

  compact(room: RoomName, throughSeq: number, merged: Uint8Array): Promise<void> {
    this.#assertOpen('compact a document');
    const kept = (this.#rooms.get(room) ?? []).filter((entry) => entry.seq > throughSeq);
    this.#rooms.set(room, [{ seq: throughSeq, update: merged.slice(), author: null }, ...kept]);
    return Promise.resolve();
  }

  close(): Promise<void> {
    this.#isClosed = true;
    return Promise.resolve();
  }

  #assertOpen(operation: string): void {
    if (this.#isClosed) {
      throw new StoreClosedError(operation);
    }
  }
}
