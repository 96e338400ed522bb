import type { DocId, RoomName, UserId } from '../../shared/index';
import { RoomKind } from '../../shared/index';
import { type Logger, toError } from '../logger';
import type { AuthorRecord, ClientOwner, DocStore, WriteBatch } from '../storage/DocStore';
import type { StoredRun } from './ClusterRooms';
import { type Connection, SendKind } from './Connection';
import { dueSummaries } from './documentSummaries';
import type { Room } from './Room';

/** Delays between attempts to store a batch that failed; then the batch's rooms are given up. */
const WRITE_RETRY_DELAYS_MS = [50, 250, 1_000, 3_000];

export interface GroupCommitHooks {
  /**
   * A room's updates of the batch were stored, numbered from `run.firstSeq`: called for each room
   * before any frame of the batch is sent.
   */
  onStored(room: Room<Connection>, run: StoredRun): void;
  /** The batch was stored and its frames sent; `rooms` are those it wrote to. */
  onFlushed(rooms: ReadonlySet<Room<Connection>>): void;
  /** Storing failed for good: these rooms hold state that is not stored and must be dropped. */
  onWriteFailed(rooms: ReadonlySet<Room<Connection>>, error: Error): void;
  /** People were stored as authors of these documents for the first time in this process. */
  onAuthorsRecorded(docIds: readonly DocId[]): void;
}

interface PendingSend {
  readonly connection: Connection;
  readonly data: Uint8Array;
  readonly kind: SendKind;
}

interface PendingUpdate {
  readonly room: Room<Connection>;
  readonly update: Uint8Array;
  /** The signed-in user who sent it; null for updates of no connection. */
  readonly author: UserId | null;
  readonly at: number;
}

/**
 * Group commit: every update applied during one event-loop turn is written in one transaction at
 * the end of the turn, and every frame queued in that turn is sent only after that write, in
 * order. A frame that reflects an update therefore never leaves before the update is durable,
 * and durability costs one transaction per turn instead of one per update.
 */
export class GroupCommit {
  readonly #store: DocStore;
  readonly #logger: Logger;
  readonly #hooks: GroupCommitHooks;
  #updates: PendingUpdate[] = [];
  #clientOwners: ClientOwner[] = [];
  #sends: PendingSend[] = [];
  #isScheduled = false;
  #flushing: Promise<void> | null = null;
  /** The rooms whose updates the flush in flight is storing. */
  #flushingRooms: ReadonlySet<Room<Connection>> = new Set();

  constructor(store: DocStore, logger: Logger, hooks: GroupCommitHooks) {
    this.#store = store;
    this.#logger = logger;
    this.#hooks = hooks;
  }

  /** Queues an update for the next transaction, with the user who sent it. */
  write(room: Room<Connection>, update: Uint8Array, author: UserId | null): void {
    const at = Date.now();
    this.#updates.push({ room, update, author, at });
    if (author !== null && room.target.kind === RoomKind.content) {
      room.lastAuthor = author;
    }
    this.#schedule();
  }

  /**
   * Queues the owner of client ids first seen in an update queued in this turn, so that they are
   * stored in the same transaction as the update.
   */
  claimClients(room: Room<Connection>, clientIds: readonly number[], userId: UserId): void {
    const at = Date.now();
    for (const clientId of clientIds) {
      this.#clientOwners.push({ room: room.target.name, clientId, userId, at });
    }
  }

  /** Queues a frame to be sent once everything queued before it is stored. */
  send(connection: Connection, data: Uint8Array, kind: SendKind = SendKind.live): void {
    this.#sends.push({ connection, data, kind });
    this.#schedule();
  }

  /** Whether updates of `room` are waiting to be stored. */
  hasPendingWrites(room: Room<Connection>): boolean {
    return this.#flushing !== null || this.#updates.some((pending) => pending.room === room);
  }

  /** Whether updates of `room` applied since the flush in flight began wait for the next one. */
  hasQueuedWrites(room: Room<Connection>): boolean {
    return this.#updates.some((pending) => pending.room === room);
  }

  /**
   * Resolves once no update of `room` is queued or being stored, so that reading the room's
   * document then shows only stored changes. Updates applied meanwhile are waited for too.
   */
  async settle(room: Room<Connection>): Promise<void> {
    while (this.#flushingRooms.has(room) || this.#updates.some((pending) => pending.room === room)) {
      // A queued update always has a flush scheduled: wait for it to start, then to end.
      await (this.#flushing ?? new Promise<void>((resolve) => setImmediate(resolve)));
    }
  }

  /** Stores and sends everything queued so far; resolves when done (used at shutdown). */
  async flush(): Promise<void> {
    while (this.#flushing !== null || this.#updates.length > 0 || this.#sends.length > 0) {
      await (this.#flushing ?? this.#flushOnce());
    }
  }

  #schedule(): void {
    if (this.#isScheduled || this.#flushing !== null) {
      return;
    }
    this.#isScheduled = true;
    setImmediate(() => {
      this.#isScheduled = false;
      // `flush` may have started one meanwhile; its end schedules what is left.
      if (this.#flushing === null) {
        void this.#flushOnce();
      }
    });
  }

  #flushOnce(): Promise<void> {
    const run = this.#run().finally(() => {
      this.#flushing = null;
      this.#flushingRooms = new Set();
      if (this.#updates.length > 0 || this.#sends.length > 0) {
        this.#schedule();
      }
    });
    this.#flushing = run;
    return run;
  }

  async #run(): Promise<void> {
    const updates = this.#updates;
    const sends = this.#sends;
    const clientOwners = this.#clientOwners;
    this.#updates = [];
    this.#sends = [];
    this.#clientOwners = [];
    const rooms = new Set(updates.map((pending) => pending.room));
    this.#flushingRooms = rooms;
    if (updates.length > 0) {
      const stored = await this.#persist(updates, rooms, clientOwners);
      if (!stored) {
        this.#deliver(
          sends.filter((pending) => pending.connection.room === null || !rooms.has(pending.connection.room)),
        );
        return;
      }
    }
    this.#deliver(sends);
    if (rooms.size > 0) {
      this.#hooks.onFlushed(rooms);
    }
  }

  async #persist(
    updates: readonly PendingUpdate[],
    rooms: ReadonlySet<Room<Connection>>,
    clientOwners: readonly ClientOwner[],
  ): Promise<boolean> {
    const authors = newAuthors(updates);
    const batch: WriteBatch = {
      updates: updates.map(({ room, update, author }) => ({ room: room.target.name, update, author })),
      documents: dueSummaries(rooms, Date.now()),
      authors: authors.map(({ record }) => record),
      clientOwners,
    };
    for (let attempt = 0; ; attempt++) {
      try {
        const lastSeqs = await this.#store.write(batch);
        for (const [room, run] of storedRuns(updates, clientOwners, lastSeqs)) {
          this.#hooks.onStored(room, run);
        }
        for (const { room, record } of authors) {
          room.recordedAuthors.add(record.userId);
        }
        if (authors.length > 0) {
          this.#hooks.onAuthorsRecorded([...new Set(authors.map(({ record }) => record.docId))]);
        }
        return true;
      } catch (thrown) {
        const error = toError(thrown);
        const delay = WRITE_RETRY_DELAYS_MS[attempt];
        this.#logger.error('storing updates failed', {
          attempt: attempt + 1,
          updates: updates.length,
          error: error.message,
        });
        if (delay === undefined) {
          this.#hooks.onWriteFailed(rooms, error);
          return false;
        }
        await new Promise((resolve) => setTimeout(resolve, delay));
      }
    }
  }

  /**
   * Sends in order, each connection's frames corked together: a reader that gets an update and
   * a cursor move in one turn receives both in one write instead of one per frame.
   */
  #deliver(sends: readonly PendingSend[]): void {
    const corked = new Set<Connection>();
    for (const { connection } of sends) {
      if (!corked.has(connection) && !connection.isClosed) {
        corked.add(connection);
        connection.socket.cork();
      }
    }
    try {
      for (const { connection, data, kind } of sends) {
        connection.send(data, kind);
      }
    } finally {
      for (const connection of corked) {
        connection.socket.uncork();
      }
    }
  }
}

/**
 * The first change of each user to a content document that this room has not recorded yet. The
 * store keeps the first time anyway; skipping known authors keeps the batch of a typing session
 * to its updates.
 */
function newAuthors(updates: readonly PendingUpdate[]): { room: Room<Connection>; record: AuthorRecord }[] {
  const result: { room: Room<Connection>; record: AuthorRecord }[] = [];
  const seen = new Set<string>();
  for (const { room, author, at } of updates) {
    if (author === null || room.target.kind !== RoomKind.content || room.recordedAuthors.has(author)) {
      continue;
    }
    const key = `${room.target.name} ${author}`;
    if (!seen.has(key)) {
      seen.add(key);
      result.push({ room, record: { docId: room.target.docId, userId: author, at } });
    }
  }
  return result;
}

/**
 * Counts the stored updates into each room's log size, and gives each room's run of them with
 * its numbers (a room's updates of one batch are numbered consecutively, ending at its last).
 */
function storedRuns(
  updates: readonly PendingUpdate[],
  clientOwners: readonly ClientOwner[],
  lastSeqs: ReadonlyMap<RoomName, number>,
): Map<Room<Connection>, StoredRun> {
  const byRoom = new Map<Room<Connection>, Uint8Array[]>();
  for (const { room, update } of updates) {
    room.log.count += 1;
    room.log.bytes += update.byteLength;
    const list = byRoom.get(room);
    if (list === undefined) {
      byRoom.set(room, [update]);
    } else {
      list.push(update);
    }
  }
  const runs = new Map<Room<Connection>, StoredRun>();
  for (const [room, stored] of byRoom) {
    const lastSeq = lastSeqs.get(room.target.name);
    if (lastSeq === undefined) {
      continue;
    }
    const owners = clientOwners
      .filter((owner) => owner.room === room.target.name)
      .map((owner) => [owner.clientId, owner.userId] as const);
    runs.set(room, { firstSeq: lastSeq - stored.length + 1, updates: stored, owners });
  }
  return runs;
}
