import * as Y from 'yjs';
import type { RoomName } from '../../../shared';
import type { CompactionResult, StoredUpdate, UpdateLogStore } from './DeviceStore';
import type { JianyanDb, LogRow } from './JianyanDb';
import type { RowCipher } from './RowCipher';
import { RowSealer } from './sealedRows';
import type { TabChannel } from './TabChannel';
import type { UnsentCounts } from './UnsentCounts';

function isValidRow(row: LogRow): boolean {
  return row.update instanceof Uint8Array && row.update.byteLength > 0;
}

function storedOf(row: LogRow): StoredUpdate[] {
  return typeof row.seq === 'number' && isValidRow(row) ? [{ seq: row.seq, update: row.update }] : [];
}

/** The update logs and unsent records in the Dexie database (see `UpdateLogStore`). */
export class DexieUpdateLog implements UpdateLogStore {
  readonly #db: JianyanDb;
  readonly #counts: UnsentCounts;
  readonly #cipher: RowCipher | null;
  /** The sealers of the same-task append, made once the database is open (they read its schema). */
  #sealers: { readonly updates: RowSealer; readonly unsent: RowSealer } | null = null;
  readonly #onStored = new Set<(room: RoomName) => void>();
  readonly #channel: TabChannel;

  /**
   * `cipher` seals what the same-task append writes past Dexie, as `sealedRows` seals the rest;
   * `channel` tells the other tabs of each update stored, and tells this one of theirs.
   */
  constructor(db: JianyanDb, counts: UnsentCounts, cipher: RowCipher | null, channel: TabChannel) {
    this.#db = db;
    this.#counts = counts;
    this.#cipher = cipher;
    this.#channel = channel;
    channel.subscribe((message) => {
      if (message.kind === 'stored') {
        this.#tellStored(message.room as RoomName);
      }
    });
  }

  #tellStored(room: RoomName): void {
    for (const onStored of [...this.#onStored]) {
      onStored(room);
    }
  }

  /**
   * While the database is open this bypasses Dexie: every request is issued and the transaction
   * committed explicitly before this returns, in the caller's task (C1). Dexie would issue the
   * second request only after the first one's round trip, and a tab that closes or reloads in
   * between loses the transaction.
   */
  append(room: RoomName, update: Uint8Array, isLocal: boolean): Promise<void> {
    const written = this.#db.isOpen()
      ? this.#appendNow(room, update, isLocal)
      : this.#appendWithDexie(room, update, isLocal);
    return written.then((unsentSeq) => {
      if (unsentSeq !== null) {
        this.#counts.added(room, [unsentSeq]);
      }
      this.#tellStored(room);
      this.#channel.post({ kind: 'stored', room });
    });
  }

  async lastSeqs(): Promise<Map<RoomName, number>> {
    const last = new Map<RoomName, number>();
    // Keys only: no row is read, so none is opened (sealedRows).
    await this.#db.updates.orderBy('docId').eachKey((room, cursor) => {
      const seq = Number(cursor.primaryKey);
      const name = room as RoomName;
      if (seq > (last.get(name) ?? 0)) {
        last.set(name, seq);
      }
    });
    return last;
  }

  onStored(onStored: (room: RoomName) => void): () => void {
    this.#onStored.add(onStored);
    return () => {
      this.#onStored.delete(onStored);
    };
  }

  async read(room: RoomName): Promise<Uint8Array[]> {
    const rows = await this.#db.updates.where('docId').equals(room).sortBy('seq');
    return rows.filter(isValidRow).map((row) => row.update);
  }

  compact(room: RoomName): Promise<CompactionResult> {
    const db = this.#db;
    return db.transaction('rw', db.updates, async () => {
      const rows = (await db.updates.where('docId').equals(room).sortBy('seq')).filter(isValidRow);
      if (rows.length < 2) {
        return { rowsBefore: rows.length, bytesAfter: rows[0]?.update.byteLength ?? 0 };
      }
      const merged = Y.mergeUpdates(rows.map((row) => row.update));
      await db.updates.bulkDelete(rows.flatMap((row) => (row.seq === undefined ? [] : [row.seq])));
      await db.updates.add({ docId: room, update: merged });
      return { rowsBefore: rows.length, bytesAfter: merged.byteLength };
    });
  }

  async listUnsent(room: RoomName): Promise<StoredUpdate[]> {
    const rows = await this.#db.unsent.where('docId').equals(room).sortBy('seq');
    return rows.flatMap(storedOf);
  }

  async acknowledge(room: RoomName, seqs: readonly number[]): Promise<void> {
    await this.#db.unsent.bulkDelete([...seqs]);
    this.#counts.removed(room, seqs);
  }

  unsentRooms(): Promise<RoomName[]> {
    return this.#counts.rooms();
  }

  countUnsent(room: RoomName | null): Promise<number> {
    return this.#counts.count(room);
  }

  watchUnsent(room: RoomName | null, onCount: (count: number) => void): () => void {
    return this.#counts.watch(room, onCount);
  }

  /** Resolves with the unsent record's sequence number (null for a remote update). */
  #appendNow(room: RoomName, update: Uint8Array, isLocal: boolean): Promise<number | null> {
    try {
      const db = this.#db;
      const stores = isLocal ? [db.updates.name, db.unsent.name] : [db.updates.name];
      const transaction = db.backendDB().transaction(stores, 'readwrite');
      const row = { docId: room, update };
      const sealers = this.#sealersOf(db);
      transaction.objectStore(db.updates.name).add(sealers === null ? row : sealers.updates.seal(row));
      const unsent = isLocal
        ? transaction.objectStore(db.unsent.name).add(sealers === null ? row : sealers.unsent.seal(row))
        : null;
      const done = new Promise<number | null>((resolve, reject) => {
        transaction.oncomplete = () => resolve(unsent === null ? null : Number(unsent.result));
        transaction.onabort = () => reject(transaction.error ?? new Error(`Storing an update of ${room} was aborted`));
      });
      transaction.commit();
      return done;
    } catch (err) {
      // The connection closed under us (versionchange, eviction): Dexie reopens it.
      return this.#appendWithDexie(room, update, isLocal).catch(() => Promise.reject(err));
    }
  }

  #sealersOf(db: JianyanDb): { readonly updates: RowSealer; readonly unsent: RowSealer } | null {
    if (this.#cipher !== null && this.#sealers === null) {
      this.#sealers = {
        updates: new RowSealer(this.#cipher, db.core.table(db.updates.name)),
        unsent: new RowSealer(this.#cipher, db.core.table(db.unsent.name)),
      };
    }
    return this.#sealers;
  }

  #appendWithDexie(room: RoomName, update: Uint8Array, isLocal: boolean): Promise<number | null> {
    const db = this.#db;
    return db.transaction('rw', db.updates, db.unsent, async () => {
      const row = { docId: room, update };
      const [, seq] = await Promise.all([db.updates.add(row), isLocal ? db.unsent.add(row) : null]);
      return seq ?? null;
    });
  }
}
