import type { RoomName, UserId } from '../../../shared/index';
import { type DocStore, StoreClosedError, type StoredUpdate, type UpdateToStore, type WriteBatch } from '../DocStore';
import { PgDatabase } from './PgDatabase';
import { recordAuthors, writeSummaries } from './pgDocumentRows';
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
        const rooms = byRoom(batch.updates);
        if (rooms.length > 0) {
          // Every room's lock first, in one statement; the numbers are then read by the next
          // statement, whose snapshot sees whatever the previous holder of a lock committed.
          await q.run(
            `SELECT pg_advisory_xact_lock($1, hashtext(room))
             FROM unnest($2::text[]) WITH ORDINALITY AS r (room, position) ORDER BY position`,
            ROOM_LOCK_NAMESPACE,
            rooms.map(([room]) => room),
          );
          const updates = rooms.flatMap(([, list]) => list);
          // One statement for all of them: each room's next numbers follow its last stored one.
          const stored = await q.all<{ room: string; last: number }>(
            `WITH next AS (
               SELECT r.room, coalesce((SELECT max(seq) FROM updates x WHERE x.room = r.room), 0) AS last
               FROM (SELECT DISTINCT room FROM unnest($1::text[]) AS d (room)) AS r
             ), inserted AS (
               INSERT INTO updates (room, seq, data, author)
               SELECT u.room, next.last + row_number() OVER (PARTITION BY u.room ORDER BY u.position), u.data, u.author
               FROM unnest($1::text[], $2::bytea[], $3::text[]) WITH ORDINALITY AS u (room, data, author, position)
               JOIN next ON next.room = u.room
               RETURNING room, seq
             )
             SELECT room, max(seq) AS last FROM inserted GROUP BY room`,
            updates.map((update) => update.room),
            updates.map((update) => update.update),
            updates.map((update) => update.author ?? null),
          );
          for (const row of stored) {
            lastSeq.set(row.room as RoomName, row.last);
          }
        }
        await writeSummaries(q, batch.documents);
        await recordAuthors(q, batch.authors);
        const owners = batch.clientOwners ?? [];
        if (owners.length > 0) {
          // The first owner of a client id stays: ownership is never transferred.
          await q.run(
            `INSERT INTO room_clients (room, client_id, user_id, first_at)
             SELECT * FROM unnest($1::text[], $2::bigint[], $3::text[], $4::bigint[]) ON CONFLICT DO NOTHING`,
            owners.map((owner) => owner.room),
            owners.map((owner) => owner.clientId),
            owners.map((owner) => owner.userId),
            owners.map((owner) => owner.at),
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
