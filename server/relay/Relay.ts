import * as awarenessProtocol from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { CloseCode, CONTENT_SCHEMA_VERSION, type DocId, RoomKind, type RoomName, roomNameOf } from '../../shared/index';
import { formatRelayReason, RelayReasonCode } from '../../shared/protocol/relayReasons';
import { ClusterEvents } from '../cluster/ClusterEvents';
import { LocalBus } from '../cluster/LocalBus';
import { type Logger, toError } from '../logger';
import { DEFAULT_QUOTAS, type Quotas } from '../quotas';
import type { DocStore } from '../storage/DocStore';
import {
  type AccessFilter,
  type AdmissionHooks,
  decideAccess,
  matchesAccessFilter,
  parseConnectRequest,
} from './admitConnection';
import { ClusterHolds } from './ClusterHolds';
import { ClusterRooms, REMOTE_ORIGIN } from './ClusterRooms';
import { Connection } from './Connection';
import { ConnectionLimits } from './ConnectionLimits';
import { compactIfDue } from './compactIfDue';
import { writeLastSummaries } from './documentSummaries';
import { releaseAwarenessClients } from './enforceAwarenessRules';
import { GroupCommit } from './GroupCommit';
import { Heartbeat } from './Heartbeat';
import { HeldBudget } from './HeldBudget';
import { type FrameContext, handleFrame, sendAllAwareness } from './handleFrame';
import { loadRoomDoc } from './loadRoomDoc';
import { closeForError } from './ProtocolError';
import { parseFrame } from './parseFrame';
import { encodeAwarenessMessage, encodeSyncStep1, encodeUpdateMessage } from './protocolMessages';
import type { RelaySocket } from './RelaySocket';
import type { AwarenessChange, Room } from './Room';
import type { RoomGate } from './RoomGate';
import { RoomRegistry } from './RoomRegistry';
import { UpdateQuota } from './UpdateQuota';
import { WriteHolds } from './WriteHolds';

export interface RelayOptions {
  readonly store: DocStore;
  /** Decides who may read and write each room, before anything of it is sent. */
  readonly gate: RoomGate;
  readonly logger: Logger;
  /** Largest total of held-back updates per connection. */
  readonly maxHeldBytes: number;
  /** Largest total of frames an admitted connection may send while its room loads. */
  readonly maxEarlyBytes: number;
  /** The relay's quotas (docs/PROTOCOL.md, "Quotas"); DEFAULT_QUOTAS for those not given. */
  readonly quotas?: Partial<RelayQuotas>;
  /**
   * The newest content format clients may write (RULES.md D3): this build's
   * CONTENT_SCHEMA_VERSION unless given; tests of an app older than its server raise it.
   */
  readonly contentSchemaVersion?: number;
  /** How this process reaches the others of the deployment; a lone process (LocalBus) by default. */
  readonly events?: ClusterEvents;
  /**
   * Told once people were stored as authors of documents: their records changed, and an author
   * may now submit (P10). Nothing by default.
   */
  readonly onAuthorsRecorded?: (docIds: readonly DocId[]) => void;
}

/** The quotas the relay enforces. */
export type RelayQuotas = Omit<Quotas, 'maxStreamsPerUser'>;

/** What the transport calls for one accepted websocket. */
export interface ConnectionEvents {
  onMessage(data: Uint8Array): void;
  onClose(): void;
  onPong(): void;
}

const IGNORE_EVENTS: ConnectionEvents = { onMessage: () => {}, onClose: () => {}, onPong: () => {} };

/**
 * The y-websocket relay: a connection is admitted by the gate before anything of its room is
 * loaded or sent, rooms load lazily from storage, every update is checked before it touches a
 * room, stored before it is relayed (see GroupCommit), and never echoed to its sender.
 */
export class Relay {
  readonly #options: RelayOptions;
  readonly #logger: Logger;
  readonly #commit: GroupCommit;
  readonly #registry: RoomRegistry<Connection>;
  readonly #context: FrameContext;
  readonly #admission: AdmissionHooks;
  readonly #connections = new Set<Connection>();
  readonly #heartbeat: Heartbeat;
  readonly #holds = new WriteHolds();
  readonly #quotas: RelayQuotas;
  readonly #heldBudget: HeldBudget;
  readonly #limits: ConnectionLimits<Connection>;
  readonly #cluster: ClusterRooms;
  readonly #clusterHolds: ClusterHolds;
  #isShuttingDown = false;

  constructor(options: RelayOptions) {
    this.#options = options;
    this.#logger = options.logger;
    this.#quotas = { ...DEFAULT_QUOTAS, ...options.quotas };
    this.#heldBudget = new HeldBudget(this.#quotas.maxHeldBytesTotal);
    this.#limits = new ConnectionLimits(this.#quotas);
    const events = options.events ?? new ClusterEvents(new LocalBus(), options.logger);
    this.#cluster = new ClusterRooms({ bus: events.bus, store: options.store, logger: options.logger });
    this.#clusterHolds = new ClusterHolds({
      events,
      holds: this.#holds,
      logger: options.logger,
      peek: (name) => this.#registry.peek(name),
      settle: (room) => this.#commit.settle(room),
      recheckAccess: (docId) => this.recheckAccess({ docId }),
      onReleased: (name) => this.#resumeWrites(name),
    });
    this.#commit = new GroupCommit(options.store, options.logger, {
      onStored: (room, run) => this.#cluster.stored(room, run),
      onFlushed: (rooms) => this.#afterFlush(rooms),
      onWriteFailed: (rooms, error) => this.#dropRooms(rooms, error),
      onAuthorsRecorded: (docIds) => options.onAuthorsRecorded?.(docIds),
    });
    this.#registry = new RoomRegistry<Connection>(
      options.store,
      {
        onDocUpdate: (room, update, origin) => this.#relayUpdate(room, update, origin),
        onAwarenessChange: (room, change, origin) => this.#relayAwarenessChange(room, change, origin),
      },
      this.#cluster,
    );
    this.#context = {
      commit: this.#commit,
      logger: options.logger,
      maxHeldBytes: options.maxHeldBytes,
      holds: this.#holds,
      heldBudget: this.#heldBudget,
      quota: new UpdateQuota(this.#quotas, this.#commit, options.logger),
      contentSchemaVersion: options.contentSchemaVersion ?? CONTENT_SCHEMA_VERSION,
      cluster: this.#cluster,
    };
    this.#admission = {
      gate: options.gate,
      logger: options.logger,
      onAdmitted: (connection) => this.#admit(connection),
      onWritable: (connection) => this.#askForMissing(connection),
    };
    this.#heartbeat = new Heartbeat(this.#connections);
  }

  /**
   * Accepts a websocket for the room named in the URL, with the URL's query parameters and the
   * token the client presented (null: none). Frames that arrive while the gate decides are kept.
   */
  connect(
    socket: RelaySocket,
    roomText: string,
    query: URLSearchParams,
    credential: string | null,
    admissionHint?: unknown,
  ): ConnectionEvents {
    if (this.#isShuttingDown) {
      socket.close(CloseCode.goingAway, formatRelayReason(RelayReasonCode.restarting));
      return IGNORE_EVENTS;
    }
    const request = parseConnectRequest(roomText, query);
    if (request.kind === 'refuse') {
      socket.close(request.code, request.reason);
      return IGNORE_EVENTS;
    }
    const { target, schemaVersion } = request;
    const connection = new Connection({
      socket,
      target,
      schemaVersion,
      credential,
      admissionHint,
      heldBudget: this.#heldBudget,
      maxBacklogBytes: this.#quotas.maxSendBacklogBytes,
    });
    this.#connections.add(connection);
    void decideAccess(this.#admission, connection);
    return {
      onMessage: (data) => this.#receive(connection, data),
      onClose: () => this.#detach(connection),
      onPong: () => {
        connection.isAlive = true;
      },
    };
  }

  /**
   * Decides again, with the credential each presented, what the open connections matching
   * `filter` may do: one that lost the right to read is closed with the gate's code and reason,
   * and one that may now only read (or write again) changes in place. Call after a membership,
   * account or document record changed.
   */
  async recheckAccess(filter: AccessFilter): Promise<void> {
    const matching = [...this.#connections].filter(
      (connection) => !connection.isClosed && matchesAccessFilter(connection, filter),
    );
    await Promise.all(matching.map((connection) => decideAccess(this.#admission, connection)));
  }

  /**
   * Runs `read` on the server's stored content of a document (its comments with `kind`
   * RoomKind.comments): the loaded room's document once
   * none of its updates is waiting to be stored (so it shows nothing a crash could still lose),
   * else one loaded from storage (gc off) and dropped afterwards, so reading never keeps a room
   * loaded. `read` must not change the document.
   */
  async readContent<T>(docId: DocId, read: (doc: Y.Doc) => T, kind: RoomKind = RoomKind.content): Promise<T> {
    const name = roomNameOf(docId, kind);
    const loaded = this.#registry.peek(name);
    if (loaded !== null) {
      await this.#commit.settle(loaded);
      // What other processes stored may not have arrived yet: the store has it.
      await this.#cluster.settle(loaded);
      // A room whose updates could not be stored was dropped: read what storage has.
      if (!loaded.isDestroyed) {
        return read(loaded.doc);
      }
    }
    const { doc } = loadRoomDoc(name, await this.#options.store.load(name));
    try {
      return read(doc);
    } finally {
      doc.destroy();
    }
  }

  /**
   * Runs `work` while the document's content room accepts no update: each one sent meanwhile is
   * dropped and its writer told `reason`. Once `work` ends, however it ends, writers that may
   * still write are asked for what was dropped. A transition does its snapshot, its record and
   * its access re-decision inside, so that no edit lands between the version and the status.
   */
  async holdWrites<T>(docId: DocId, reason: string, work: () => Promise<T>): Promise<T> {
    const name = roomNameOf(docId);
    const release = this.#holds.hold(name, reason);
    let releaseOthers = (): void => {};
    try {
      releaseOthers = await this.#clusterHolds.holdEverywhere(name, reason);
      return await work();
    } finally {
      releaseOthers();
      if (release()) {
        this.#resumeWrites(name);
      }
    }
  }

  get connectionCount(): number {
    return this.#connections.size;
  }

  get roomCount(): number {
    return this.#registry.size;
  }

  /** Stops accepting, stores everything pending, closes every connection. */
  async shutdown(): Promise<void> {
    this.#isShuttingDown = true;
    this.#heartbeat.stop();
    this.#clusterHolds.close();
    await this.#registry.settle();
    await this.#commit.flush();
    for (const connection of this.#connections) {
      connection.close(CloseCode.goingAway, formatRelayReason(RelayReasonCode.restarting));
    }
    const rooms = [...this.#registry.rooms()];
    await writeLastSummaries(this.#options.store, rooms, this.#logger);
    for (const room of rooms) {
      this.#registry.unload(room);
    }
  }

  /**
   * The gate granted a pending connection access: it joins its room unless the server is stopping
   * or its user has too many connections open.
   */
  #admit(connection: Connection): void {
    if (this.#isShuttingDown) {
      connection.close(CloseCode.goingAway, formatRelayReason(RelayReasonCode.restarting));
      return;
    }
    const userId = connection.userId;
    const refusal = userId === null ? null : this.#limits.admit(connection, userId, connection.target.name);
    if (refusal !== null) {
      this.#logger.warn('refused a connection over the per-user cap', {
        room: connection.target.name,
        connection: connection.id,
        userId,
        open: refusal.open,
        reason: refusal.reason,
      });
      connection.close(refusal.code, refusal.reason);
      return;
    }
    this.#join(connection);
  }

  /**
   * Sends the room's state vector to a connection that may write again, so that its step 2 brings
   * what was dropped while it could only read, and releases what it held back since.
   */
  #askForMissing(connection: Connection): void {
    if (connection.room !== null) {
      this.#commit.send(connection, encodeSyncStep1(connection.room.doc));
    }
  }

  /** A hold ended: writers whose updates were dropped send them again, answering a step 1. */
  #resumeWrites(name: RoomName): void {
    const room = this.#registry.peek(name);
    for (const connection of room?.connections ?? []) {
      if (connection.access?.kind === 'write' && connection.hasBeenToldReadOnly) {
        connection.hasBeenToldReadOnly = false;
        this.#askForMissing(connection);
      }
    }
  }

  /** Attaches the connection to its room, at once when the room is in memory. */
  #join(connection: Connection): void {
    const loaded = this.#registry.loaded(connection.target);
    if (loaded !== null) {
      this.#attach(connection, loaded);
      return;
    }
    this.#registry.acquire(connection.target).then(
      (room) => this.#attach(connection, room),
      (thrown: unknown) => {
        this.#logger.error('room failed to load', { room: connection.target.name, error: toError(thrown).message });
        connection.close(CloseCode.roomUnavailable, formatRelayReason(RelayReasonCode.roomUnavailable));
      },
    );
  }

  #attach(connection: Connection, room: Room<Connection>): void {
    if (connection.isClosed) {
      this.#releaseIfIdle(room);
      return;
    }
    if (room.isDestroyed) {
      // The room was unloaded between its load and this attach: load it again.
      this.#join(connection);
      return;
    }
    connection.room = room;
    room.connections.add(connection);
    if (room.awareness.getStates().size > 0) {
      sendAllAwareness(this.#context, connection, room);
    }
    const early = connection.early;
    connection.early = [];
    connection.earlyBytes = 0;
    for (const data of early) {
      this.#receive(connection, data);
    }
  }

  #receive(connection: Connection, data: Uint8Array): void {
    if (connection.isClosed) {
      return;
    }
    connection.hasSpoken = true;
    connection.isAlive = true;
    const room = connection.room;
    if (room === null) {
      // Before its access is decided a connection is nobody: it may send a step 1, a presence
      // and a few keystrokes, not fill the server's memory.
      const maxBytes = connection.access === null ? this.#quotas.maxEarlyBytes : this.#options.maxEarlyBytes;
      connection.keepEarly(data, maxBytes);
      if (connection.isClosed) {
        this.#logger.warn('closed a connection that sent too much before joining its room', {
          room: connection.target.name,
          connection: connection.id,
          userId: connection.userId,
          bytes: connection.earlyBytes + data.byteLength,
          maxBytes,
        });
      }
      return;
    }
    try {
      handleFrame(this.#context, connection, room, parseFrame(data), data);
    } catch (thrown) {
      closeForError(connection, thrown, this.#logger);
    }
  }

  #detach(connection: Connection): void {
    connection.isClosed = true;
    this.#connections.delete(connection);
    this.#limits.release(connection);
    connection.setHeld();
    const room = connection.room;
    if (room === null) {
      return;
    }
    connection.room = null;
    room.connections.delete(connection);
    releaseAwarenessClients(room, connection);
    const gone = [...connection.awarenessIds].filter((id) => room.awareness.getStates().has(id));
    if (gone.length > 0 && !room.isDestroyed) {
      awarenessProtocol.removeAwarenessStates(room.awareness, gone, 'disconnect');
      if (connection.userId !== null) {
        this.#cluster.publishAwareness(
          room,
          connection.userId,
          awarenessProtocol.encodeAwarenessUpdate(room.awareness, gone),
        );
      }
    }
    this.#releaseIfIdle(room);
  }

  #releaseIfIdle(room: Room<Connection>): void {
    if (room.connections.size > 0 || room.isDestroyed) {
      return;
    }
    if (this.#commit.hasPendingWrites(room)) {
      room.shouldUnloadAfterFlush = true;
      return;
    }
    void writeLastSummaries(this.#options.store, [room], this.#logger);
    this.#registry.unload(room);
  }

  #relayUpdate(room: Room<Connection>, update: Uint8Array, origin: unknown): void {
    room.stateBytes += update.byteLength;
    // Another process stored it already.
    if (origin !== REMOTE_ORIGIN) {
      this.#commit.write(room, update, origin instanceof Connection ? origin.userId : null);
    }
    const message = encodeUpdateMessage(update);
    for (const connection of room.connections) {
      if (connection !== origin) {
        this.#commit.send(connection, message);
      }
    }
  }

  #relayAwarenessChange(room: Room<Connection>, change: AwarenessChange, origin: unknown): void {
    if (origin instanceof Connection) {
      for (const id of change.added) {
        origin.awarenessIds.add(id);
      }
      for (const id of change.removed) {
        origin.awarenessIds.delete(id);
      }
      return;
    }
    // A disconnect, a timeout or another process changed states: tell everyone here.
    for (const id of change.removed) {
      room.remoteAwarenessOwners.delete(id);
    }
    const changed = [...change.added, ...change.updated, ...change.removed];
    const message = encodeAwarenessMessage(awarenessProtocol.encodeAwarenessUpdate(room.awareness, changed));
    for (const connection of room.connections) {
      this.#commit.send(connection, message);
    }
  }

  #afterFlush(rooms: ReadonlySet<Room<Connection>>): void {
    for (const room of rooms) {
      if (room.isDestroyed) {
        continue;
      }
      // The merged update is the room's document, which must then hold only what is stored: an
      // edit applied during this flush is not yet, and a base that held it would claim it for
      // sequence numbers the other processes hold without it. The next flush compacts instead.
      if (!this.#commit.hasQueuedWrites(room)) {
        void compactIfDue(room, this.#options.store, this.#logger);
      }
      if (room.shouldUnloadAfterFlush) {
        room.shouldUnloadAfterFlush = false;
        this.#releaseIfIdle(room);
      }
    }
  }

  #dropRooms(rooms: ReadonlySet<Room<Connection>>, error: Error): void {
    for (const room of rooms) {
      this.#logger.error('dropping a room whose updates could not be stored', {
        room: room.name,
        error: error.message,
      });
      for (const connection of room.connections) {
        connection.close(CloseCode.internalError, formatRelayReason(RelayReasonCode.storageFailed));
      }
      this.#registry.unload(room);
    }
  }
}
