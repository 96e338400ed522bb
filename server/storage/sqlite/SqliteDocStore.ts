import Database from 'better-sqlite3';
import type { RoomName, UserId } from '../../../shared/index';
import { type DocStore, StoreClosedError, type StoredUpdate, type WriteBatch } from '../DocStore';
import { SqliteQueries } from './SqliteQueries';
import { recordAuthor, writeSummary } from './sqliteDocumentRows';
import { migrate } from './sqliteSchema';
import { WalCheckpointer } from './WalCheckpointer';

/** The WAL file is truncated to this size after a checkpoint. */
const WAL_SIZE_LIMIT_BYTES = 64 * 1024 * 1024;
/** SQLite's own default, restored if the background checkpointer fails. */
const DEFAULT_AUTOCHECKPOINT_PAGES = 1_000;

/** How long a writer waits for another process (for example an admin command) to release the lock. */
const BUSY_TIMEOUT_MS = 5_000;

export interface SqliteDocStoreOptions {
  /** Path of the database file; it and its WAL files are created when missing. */
  readonly path: string;
  /**
   * `normal` (default): with WAL, a commit survives a killed process but the last commits may
   * roll back on power loss. `full`: every commit is synced to disk too, at a latency cost.
   */
  readonly synchronous?: 'normal' | 'full';
  /**
   * Checkpoint the WAL in a worker thread (default) instead of inside commits, which would stall
   * the caller. Off for short-lived connections such as a test reading the file.
   */
  readonly checkpointInBackground?: boolean;
  /** Told of a checkpoint failure. */
  readonly onCheckpointError?: (message: string) => void;
}

interface UpdateRow {
  seq: number;
  data: Buffer;
  author: string | null;
}

interface ClientOwnerRow {
  client_id: number;
  user_id: string;
}

function toBytes(buffer: Buffer): Uint8Array {
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}

/** The embedded default store: one SQLite file in WAL mode, written in one transaction per batch. */
export class SqliteDocStore implements DocStore {
  readonly #db: Database.Database;
  readonly #writeBatch: (batch: WriteBatch) => Map<RoomName, number>;
  readonly #compact: (room: RoomName, throughSeq: number, merged: Uint8Array) => void;
  readonly #loadStmt: Database.Statement<[string, number], UpdateRow>;
  readonly #loadOwnersStmt: Database.Statement<[string], ClientOwnerRow>;
  readonly #checkpointer: WalCheckpointer | null;
  #isClosed = false;

  constructor(options: SqliteDocStoreOptions) {
    this.#db = new Database(options.path);
    this.#db.pragma('journal_mode = WAL');
    this.#db.pragma(`synchronous = ${options.synchronous === 'full' ? 'FULL' : 'NORMAL'}`);
    this.#db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    this.#db.pragma(`journal_size_limit = ${WAL_SIZE_LIMIT_BYTES}`);
    migrate(this.#db);
    this.#checkpointer = options.checkpointInBackground === false ? null : this.#checkpointInBackground(options);

    // Keyed by (room, seq) so that an append touches one page of one tree; the next sequence
    // number is read inside the transaction, so other processes may append too.
    const insert = this.#db.prepare<[{ room: string; data: Uint8Array; author: string | null }], { seq: number }>(
      `INSERT INTO updates (room, seq, data, author)
       VALUES (@room, (SELECT coalesce(max(seq), 0) + 1 FROM updates WHERE room = @room), @data, @author)
       RETURNING seq`,
    );
    // The first owner of a client id stays: ownership is never transferred.
    const insertOwner = this.#db.prepare<[string, number, string, number]>(
      'INSERT OR IGNORE INTO room_clients (room, client_id, user_id, first_at) VALUES (?, ?, ?, ?)',
    );
    // Records are created by the HTTP API, the authority on a document's group, kind and status:
    // the relay only refreshes what the content says, through the records' own functions
    // (sqliteDocumentRows), and never creates a row.
    const records = new SqliteQueries(this.#db, 'document store');
    const deleteThrough = this.#db.prepare<[string, number]>('DELETE FROM updates WHERE room = ? AND seq <= ?');
    const insertAt = this.#db.prepare<[string, number, Uint8Array]>(
      'INSERT INTO updates (room, seq, data) VALUES (?, ?, ?)',
    );
    this.#loadStmt = this.#db.prepare<[string, number], UpdateRow>(
      'SELECT seq, data, author FROM updates WHERE room = ? AND seq > ? ORDER BY seq',
    );
    this.#loadOwnersStmt = this.#db.prepare<[string], ClientOwnerRow>(
      'SELECT client_id, user_id FROM room_clients WHERE room = ?',
    );

    this.#writeBatch = this.#db.transaction((batch: WriteBatch) => {
      const lastSeq = new Map<RoomName, number>();
      for (const { room, update, author } of batch.updates) {
        const inserted = insert.get({ room, data: update, author: author ?? null });
        if (inserted === undefined) {
          throw new Error(`Cannot store an update of room ${room}: the insert returned no sequence number`);
        }
        lastSeq.set(room, inserted.seq);
      }
      for (const summary of batch.documents) {
        writeSummary(records, summary);
      }
      for (const author of batch.authors) {
        recordAuthor(records, author);
      }
      for (const owner of batch.clientOwners ?? []) {
        insertOwner.run(owner.room, owner.clientId, owner.userId, owner.at);
      }
      return lastSeq;
    });
    // The merged update takes the sequence number of the last update it replaces, so it still
    // sorts before every update appended after it.
    this.#compact = this.#db.transaction((room: RoomName, throughSeq: number, merged: Uint8Array) => {
      deleteThrough.run(room, throughSeq);
      insertAt.run(room, throughSeq, merged);
    });
  }

  load(room: RoomName, afterSeq = 0): Promise<StoredUpdate[]> {
    this.#assertOpen('load a document');
    const rows = this.#loadStmt.all(room, afterSeq);
    return Promise.resolve(
      rows.map((row) => ({ seq: row.seq, update: toBytes(row.data), author: (row.author ?? null) as UserId | null })),
    );
  }

  loadClientOwners(room: RoomName): Promise<Map<number, UserId>> {
    this.#assertOpen('load client owners');
    const owners = new Map<number, UserId>();
    for (const row of this.#loadOwnersStmt.all(room)) {
      owners.set(row.client_id, row.user_id as UserId);
    }
    return Promise.resolve(owners);
  }

  write(batch: WriteBatch): Promise<Map<RoomName, number>> {
    this.#assertOpen('store updates');
    return Promise.resolve(this.#writeBatch(batch));
  }

  compact(room: RoomName, throughSeq: number, merged: Uint8Array): Promise<void> {
    this.#assertOpen('compact a document');
    this.#compact(room, throughSeq, merged);
    return Promise.resolve();
  }

  async close(): Promise<void> {
    if (this.#isClosed) {
      return;
    }
    this.#isClosed = true;
    await this.#checkpointer?.stop();
    this.#db.close();
  }

  /** Moves WAL checkpoints out of commits, to a worker thread with its own connection. */
  #checkpointInBackground(options: SqliteDocStoreOptions): WalCheckpointer {
    this.#db.pragma('wal_autocheckpoint = 0');
    return new WalCheckpointer({
      path: options.path,
      onError: (message) => {
        // Fall back to checkpoints inside commits: slower, but the WAL cannot grow forever.
        this.#db.pragma(`wal_autocheckpoint = ${DEFAULT_AUTOCHECKPOINT_PAGES}`);
        options.onCheckpointError?.(message);
      },
    });
  }

  #assertOpen(operation: string): void {
    if (this.#isClosed) {
      throw new StoreClosedError(operation);
    }
  }
}
