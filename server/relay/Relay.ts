import * as awarenessProtocol from 'y-protocols/awareness';
import { CloseCode, MIN_CLIENT_PROTOCOL_VERSION, parseRoomName, SocketParam } from '../../shared/index';
import { type Logger, toError } from '../logger';
import type { DocStore } from '../storage/DocStore';
import { Connection } from './Connection';
import { compactIfDue } from './compactIfDue';
import { writeLastSummaries } from './documentSummaries';
import { GroupCommit } from './GroupCommit';
import { Heartbeat } from './Heartbeat';
import { type FrameContext, handleFrame, sendAllAwareness } from './handleFrame';
import { ProtocolError } from './ProtocolError';
import { parseFrame } from './parseFrame';
import { encodeAwarenessMessage, encodeUpdateMessage } from './protocolMessages';
import type { RelaySocket } from './RelaySocket';
import type { AwarenessChange, Room } from './Room';
import { RoomRegistry } from './RoomRegistry';

export interface RelayOptions {
  readonly store: DocStore;
  readonly logger: Logger;
  /** Largest total of held-back updates per connection. */
  readonly maxHeldBytes: number;
  /** Largest total of frames a connection may send while its room is loading. */
  readonly maxEarlyBytes: number;
}

/** What the transport calls for one accepted websocket. */
export interface ConnectionEvents {
  onMessage(data: Uint8Array): void;
  onClose(): void;
  onPong(): void;
}

/**
 * The y-websocket relay: rooms load lazily from storage, every update is checked before it
 * touches a room, stored before it is relayed (see GroupCommit), and never echoed to its sender.
 */
export class Relay {
  readonly #options: RelayOptions;
  readonly #logger: Logger;
  readonly #commit: GroupCommit;
  readonly #registry: RoomRegistry;
  readonly #context: FrameContext;
  readonly #connections = new Set<Connection>();
  readonly #heartbeat: Heartbeat;
  #isShuttingDown = false;

  constructor(options: RelayOptions) {
    this.#options = options;
    this.#logger = options.logger;
    this.#commit = new GroupCommit(options.store, options.logger, {
      onFlushed: (rooms) => this.#afterFlush(rooms),
      onWriteFailed: (rooms, error) => this.#dropRooms(rooms, error),
    });
    this.#registry = new RoomRegistry(options.store, {
      onDocUpdate: (room, update, origin) => this.#relayUpdate(room, update, origin),
      onAwarenessChange: (room, change, origin) => this.#relayAwarenessChange(room, change, origin),
    });
    this.#context = { commit: this.#commit, logger: options.logger, maxHeldBytes: options.maxHeldBytes };
    this.#heartbeat = new Heartbeat(this.#connections);
  }

  /** Accepts a websocket for the room named in the URL, with the URL's query parameters. */
  connect(socket: RelaySocket, roomText: string, query: URLSearchParams): ConnectionEvents {
    const ignore: ConnectionEvents = { onMessage: () => {}, onClose: () => {}, onPong: () => {} };
    const target = parseRoomName(roomText);
    if (this.#isShuttingDown) {
      socket.close(CloseCode.goingAway, 'the server is restarting');
      return ignore;
    }
    if (target === null) {
      socket.close(CloseCode.badRoom, 'the room name is not a document id');
      return ignore;
    }
    const versions = readVersions(query);
    if (versions === null) {
      socket.close(CloseCode.clientTooOld, 'this app is too old for the server: reload to update it');
      return ignore;
    }
    const connection = new Connection(socket, target, versions.schema);
    this.#connections.add(connection);
    this.#join(connection);
    return {
      onMessage: (data) => this.#receive(connection, data),
      onClose: () => this.#detach(connection),
      onPong: () => {
        connection.isAlive = true;
      },
    };
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
    await this.#registry.settle();
    await this.#commit.flush();
    for (const connection of this.#connections) {
      connection.close(CloseCode.goingAway, 'the server is restarting');
    }
    const rooms = [...this.#registry.rooms()];
    await writeLastSummaries(this.#options.store, rooms, this.#logger);
    for (const room of rooms) {
      this.#registry.unload(room);
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
        connection.close(CloseCode.roomUnavailable, 'the stored document could not be loaded; nothing was changed');
      },
    );
  }

  #attach(connection: Connection, room: Room): void {
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
      this.#keepEarly(connection, data);
      return;
    }
    try {
      handleFrame(this.#context, connection, room, parseFrame(data), data);
    } catch (thrown) {
      this.#refuse(connection, thrown);
    }
  }

  #keepEarly(connection: Connection, data: Uint8Array): void {
    if (connection.earlyBytes + data.byteLength > this.#options.maxEarlyBytes) {
      connection.close(CloseCode.messageTooBig, 'too much data sent before the document was loaded');
      return;
    }
    connection.early.push(data.slice());
    connection.earlyBytes += data.byteLength;
  }

  #refuse(connection: Connection, thrown: unknown): void {
    const fields = { room: connection.target.name, connection: connection.id };
    if (thrown instanceof ProtocolError) {
      this.#logger.warn('refused a frame', { ...fields, code: thrown.code, reason: thrown.message });
      connection.close(thrown.code, thrown.message);
      return;
    }
    this.#logger.error('failed to handle a frame', { ...fields, error: toError(thrown).message });
    connection.close(CloseCode.internalError, 'the server failed to handle a message');
  }

  #detach(connection: Connection): void {
    connection.isClosed = true;
    this.#connections.delete(connection);
    const room = connection.room;
    if (room === null) {
      return;
    }
    connection.room = null;
    room.connections.delete(connection);
    connection.held = [];
    const gone = [...connection.awarenessIds].filter((id) => room.awareness.getStates().has(id));
    if (gone.length > 0 && !room.isDestroyed) {
      awarenessProtocol.removeAwarenessStates(room.awareness, gone, 'disconnect');
    }
    this.#releaseIfIdle(room);
  }

  #releaseIfIdle(room: Room): void {
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

  #relayUpdate(room: Room, update: Uint8Array, origin: unknown): void {
    this.#commit.write(room, update, null);
    const message = encodeUpdateMessage(update);
    for (const connection of room.connections) {
      if (connection !== origin) {
        this.#commit.send(connection, message);
      }
    }
  }

  #relayAwarenessChange(room: Room, change: AwarenessChange, origin: unknown): void {
    if (origin instanceof Connection) {
      for (const id of change.added) {
        origin.awarenessIds.add(id);
      }
      for (const id of change.removed) {
        origin.awarenessIds.delete(id);
      }
      return;
    }
    // A disconnect or a timeout removed states: tell everyone left.
    const changed = [...change.added, ...change.updated, ...change.removed];
    const message = encodeAwarenessMessage(awarenessProtocol.encodeAwarenessUpdate(room.awareness, changed));
    for (const connection of room.connections) {
      this.#commit.send(connection, message);
    }
  }

  #afterFlush(rooms: ReadonlySet<Room>): void {
    for (const room of rooms) {
      if (room.isDestroyed) {
        continue;
      }
      void compactIfDue(room, this.#options.store, this.#logger);
      if (room.shouldUnloadAfterFlush) {
        room.shouldUnloadAfterFlush = false;
        this.#releaseIfIdle(room);
      }
    }
  }

  #dropRooms(rooms: ReadonlySet<Room>, error: Error): void {
    for (const room of rooms) {
      this.#logger.error('dropping a room whose updates could not be stored', {
        room: room.name,
        error: error.message,
      });
      for (const connection of room.connections) {
        connection.close(CloseCode.internalError, 'the server could not store changes; they remain on your device');
      }
      this.#registry.unload(room);
    }
  }
}

function readVersions(query: URLSearchParams): { protocol: number; schema: number | null } | null {
  const protocolText = query.get(SocketParam.protocolVersion);
  const schemaText = query.get(SocketParam.schemaVersion);
  const protocol = protocolText === null ? MIN_CLIENT_PROTOCOL_VERSION : Number(protocolText);
  const schema = schemaText === null ? null : Number(schemaText);
  if (!Number.isSafeInteger(protocol) || protocol < MIN_CLIENT_PROTOCOL_VERSION) {
    return null;
  }
  if (schema !== null && (!Number.isSafeInteger(schema) || schema < 0)) {
    return null;
  }
  return { protocol, schema };
}
