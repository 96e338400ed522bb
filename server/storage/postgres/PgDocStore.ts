import type { RoomName, UserId } from '../../../shared/index';
import { type DocStore, StoreClosedError, type StoredUpdate, type UpdateToStore, type WriteBatch } from '../DocStore';
import { PgDatabase } from './PgDatabase';
import { recordAuthor, writeSummary } from './pgDocumentRows';
import type { PgQueries } from './pgQueries';

export interface PgDocStoreOptions {
  /** A PostgreSQL connection string (DATABASE_URL). */
  readonly url: string;
  /** The schema of the tables; `public` by default (tests give each their own). */
  readonly schema?: string;
  /** Connections this store may open at once. */
  readonly maxConnections?: number;
}

/** The namespace of the per-room advisory locks (the room's hash is the second key). */
const ROOM_LOCK_NAMESPACE = 4_731_100;

interface UpdateRow {
  seq: number;
  data: Buffer;
  author: string | null;
}

function toBytes(buffer: Buffer): Uint8Array {
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}

/** The batch's updates by room, rooms in a fixed order so that two writers lock them alike. */
function byRoom(updates: readonly UpdateToStore[]): [RoomName, UpdateToStore[]][] {
  const rooms = new Map<RoomName, UpdateToStore[]>();
  for (const update of updates) {
    const list = rooms.get(update.room);
    if (list === undefined) {
      rooms.set(update.room, [update]);
    } else {
      list.push(update);
    }
  }
  return [...rooms].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * Takes the room's advisory lock for the rest of the transaction: appends and compactions of one
 * room, from any process, run one at a time, so sequence numbers are given and committed in order.
 */
async function lockRoom(q: PgQueries, room: RoomName): Promise<void> {
  await q.run('SELECT pg_advisory_xact_lock($1, hashtext($2))', ROOM_LOCK_NAMESPACE, room);
}

/**
 * The document store on PostgreSQL, for deployments of several processes: the update log keyed
 * by (room, seq), each batch in one transaction that locks the rooms it appends to.
 */
export class PgDocStore implements DocStore {
  readonly #db: PgDatabase;
  #isClosed = false;

  private constructor(db: PgDatabase) {
    this.#db = db;
  }

  /** Connects and migrates the schema. */
  static async open(options: PgDocStoreOptions): Promise<PgDocStore> {
    return new PgDocStore(
      await PgDatabase.open({
        url: options.url,
        ...(options.schema === undefined ? {} : { schema: options.schema }),
        ...(options.maxConnections === undefined ? {} : { maxConnections: options.maxConnections }),
        name: 'document store',
      }),
    );
  }

  load(room: RoomName, afterSeq = 0): Promise<StoredUpdate[]> {
    this.#assertOpen('load a document');
    return this.#db.read('load a document', async (q) => {
      const rows = await q.all<UpdateRow>(
        'SELECT seq, data, author FROM updates WHERE room = $1 AND seq > $2 ORDER BY seq',
        room,
        afterSeq,
      );
      return rows.map((row) => ({ seq: row.seq, update: toBytes(row.data), author: row.author as UserId | null }));
    });
  }

  loadClientOwners(room: RoomName): Promise<Map<number, UserId>> {
    this.#assertOpen('load client owners');
    return this.#db.read('load client owners', async (q) => {
      const rows = await q.all<{ client_id: number; user_id: string }>(
        'SELECT client_id, user_id FROM room_clients WHERE room = $1',
        room,
      );
      return new Map(rows.map((row) => [row.client_id, row.user_id as UserId]));
    });
  }

  write(batch: WriteBatch): Promise<Map<RoomName, number>> {
    this.#assertOpen('store updates');
    return this.#db.write(
      'store updates',
      async (q) => {
        const lastSeq = new Map<RoomName, number>();
        for (const [room, updates] of byRoom(batch.updates)) {
          await lockRoom(q, room);
          const row = await q.get<{ last: number }>(
            'SELECT coalesce(max(seq), 0) AS last FROM updates WHERE room = $1',
            room,
          );
          const first = (row?.last ?? 0) + 1;
          // One statement per room, however many updates the batch holds.
          await q.run(
            `INSERT INTO updates (room, seq, data, author)
             SELECT $1, $2::bigint + ordinality - 1, data, author
             FROM unnest($3::bytea[], $4::text[]) WITH ORDINALITY AS u (data, author, ordinality)`,
            room,
            first,
            updates.map((update) => update.update),
            updates.map((update) => update.author ?? null),
          );
          lastSeq.set(room, first + updates.length - 1);
        }
        for (const summary of batch.documents) {
          await writeSummary(q, summary);
        }
        for (const author of batch.authors) {
          await recordAuthor(q, author);
        }
        for (const owner of batch.clientOwners ?? []) {
          // The first owner of a client id stays: ownership is never transferred.
          await q.run(
            `INSERT INTO room_clients (room, client_id, user_id, first_at) VALUES ($1, $2, $3, $4)
             ON CONFLICT DO NOTHING`,
            owner.room,
            owner.clientId,
            owner.userId,
            owner.at,
          );
        }
        return lastSeq;
      },
      { lock: null },
    );
  }

  compact(room: RoomName, throughSeq: number, merged: Uint8Array): Promise<void> {
    this.#assertOpen('compact a document');
    return this.#db.write(
      'compact a document',
      async (q) => {
        await lockRoom(q, room);
        await q.run('DELETE FROM updates WHERE room = $1 AND seq <= $2', room, throughSeq);
        // The merged update takes the sequence number of the last update it replaces, so it still
        // sorts before every update appended after it.
        await q.run('INSERT INTO updates (room, seq, data) VALUES ($1, $2, $3)', room, throughSeq, merged);
      },
      { lock: null },
    );
  }

  async close(): Promise<void> {
    if (this.#isClosed) {
      return;
    }
    this.#isClosed = true;
    await this.#db.close();
  }

  #assertOpen(operation: string): void {
    if (this.#isClosed) {
      throw new StoreClosedError(operation);
    }
  }
}
