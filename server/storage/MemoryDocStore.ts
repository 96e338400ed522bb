import type { RoomName } from '../../shared/index';
import { type DocStore, type DocumentSummary, StoreClosedError, type StoredUpdate, type WriteBatch } from './DocStore';

/** A store that keeps everything in memory: for tests, and as the reference for the contract. */
export class MemoryDocStore implements DocStore {
  readonly #rooms = new Map<RoomName, StoredUpdate[]>();
  readonly #documents = new Map<string, DocumentSummary>();
  #nextSeq = 1;
  #isClosed = false;

  load(room: RoomName): Promise<StoredUpdate[]> {
    this.#assertOpen('load a document');
    return Promise.resolve([...(this.#rooms.get(room) ?? [])]);
  }

  write(batch: WriteBatch): Promise<Map<RoomName, number>> {
    this.#assertOpen('store updates');
    const lastSeq = new Map<RoomName, number>();
    for (const { room, update } of batch.updates) {
      const seq = this.#nextSeq++;
      const log = this.#rooms.get(room) ?? [];
      log.push({ seq, update: update.slice() });
      this.#rooms.set(room, log);
      lastSeq.set(room, seq);
    }
    for (const doc of batch.documents) {
      this.#documents.set(doc.id, doc);
    }
    return Promise.resolve(lastSeq);
  }

  compact(room: RoomName, throughSeq: number, merged: Uint8Array): Promise<void> {
    this.#assertOpen('compact a document');
    const kept = (this.#rooms.get(room) ?? []).filter((entry) => entry.seq > throughSeq);
    this.#rooms.set(room, [{ seq: throughSeq, update: merged.slice() }, ...kept]);
    return Promise.resolve();
  }

  listDocuments(): Promise<DocumentSummary[]> {
    this.#assertOpen('list documents');
    return Promise.resolve([...this.#documents.values()].sort((a, b) => b.updatedAt - a.updatedAt));
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
